import { z } from "zod";

export const COCREATOR_MESSAGE_MAX_LENGTH = 500;

/** Universal (browser and server). Messages are "cocreation:" keys. */
export const RequestCocreationSchema = z.object({
  intent: z.literal("request"),
  message: z.string().trim().max(COCREATOR_MESSAGE_MAX_LENGTH, "cocreation:errors.message_too_long").optional(),
});
export const InviteCocreatorSchema = z.object({
  intent: z.literal("invite"),
  email: z
    .string({ required_error: "cocreation:errors.email_required" })
    .trim()
    .toLowerCase()
    .max(254, "cocreation:errors.email_invalid")
    .email("cocreation:errors.email_invalid"),
});
const answer = (intent: "accept" | "decline" | "remove") =>
  z.object({
    intent: z.literal(intent),
    cocreatorId: z.string({ required_error: "cocreation:errors.cocreator_not_found" }).uuid("cocreation:errors.cocreator_not_found"),
  });
export const CocreatorActionSchema = z.discriminatedUnion("intent", [
  RequestCocreationSchema,
  InviteCocreatorSchema,
  answer("accept"),
  answer("decline"),
  answer("remove"),
]);
export type CocreatorAction = z.infer<typeof CocreatorActionSchema>;
