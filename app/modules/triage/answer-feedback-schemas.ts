import { z } from "zod";
import { hasAtLeastCharacters } from "~/utils/character-count";

// Messages are keys in the "triage" namespace.
export const RateAnswerSchema = z.object({
  intent: z.literal("rate"),
  answerId: z.string({ required_error: "triage:feedback.errors.invalid" }).uuid("triage:feedback.errors.invalid"),
  clear: z.enum(["yes", "no"], { required_error: "triage:feedback.errors.clearRequired", invalid_type_error: "triage:feedback.errors.clearRequired" }),
  comment: z.string().trim().max(2000, "triage:feedback.errors.commentTooLong").optional(),
});

export const ContestDecisionSchema = z.object({
  intent: z.literal("contest"),
  body: z
    .string({ required_error: "triage:feedback.errors.contestRequired" })
    .trim()
    .min(10, "triage:feedback.errors.contestTooShort")
    .max(5000, "triage:feedback.errors.contestTooLong")
    .refine(hasAtLeastCharacters(10), "triage:feedback.errors.contestTooShort"),
});

export const AnswerFeedbackSchema = z.discriminatedUnion("intent", [RateAnswerSchema, ContestDecisionSchema]);
