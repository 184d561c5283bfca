import { z } from "zod";

export const DeleteAccountSchema = z.object({
  intent: z.literal("delete"),
  confirmEmail: z.string({ required_error: "admin:myData.errors.confirmRequired" }).trim().email("admin:myData.errors.confirmMismatch"),
  understood: z.literal("on", { errorMap: () => ({ message: "admin:myData.errors.understood" }) }),
});
