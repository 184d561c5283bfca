import { z } from "zod";
import { hasAtLeastCharacters } from "~/utils/character-count";

/** Universal (browser and server), so the withdraw form can validate as you type. Messages are keys in my-ideas.json. */
export const WithdrawIdeaSchema = z.object({
  reason: z.string({ required_error: "withdraw.errors.reasonRequired" }).trim().min(3, "withdraw.errors.reasonRequired").max(1000, "withdraw.errors.reasonTooLong").refine(hasAtLeastCharacters(3), "withdraw.errors.reasonRequired"),
});
