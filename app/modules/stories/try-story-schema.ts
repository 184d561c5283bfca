import { z } from "zod";
import { flag } from "~/modules/ideas/idea-form-schema";
import { PROBLEM_MAX, PROBLEM_MIN, TITLE_MAX, TITLE_MIN } from "~/modules/ideas/idea-vocabulary";
import { hasAtLeastCharacters } from "~/utils/character-count";

/** "Vi vil prøve dette": the pre-filled idea as the reader adjusted it. Messages: keys in "stories". */
export const TryStorySchema = z.object({
  idempotencyKey: z.string().uuid("try.errors.stale"),
  title: z.string({ required_error: "try.errors.titleRequired" }).trim().min(TITLE_MIN, "try.errors.titleTooShort").max(TITLE_MAX, "try.errors.titleTooLong").refine(hasAtLeastCharacters(TITLE_MIN), "try.errors.titleTooShort"),
  problem: z
    .string({ required_error: "try.errors.problemRequired" })
    .trim()
    .min(PROBLEM_MIN, "try.errors.problemTooShort")
    .max(PROBLEM_MAX, "try.errors.problemTooLong")
    .refine(hasAtLeastCharacters(PROBLEM_MIN), "try.errors.problemTooShort"),
  proposal: z.string({ required_error: "try.errors.proposalRequired" }).trim().min(10, "try.errors.proposalTooShort").max(20000, "try.errors.proposalTooLong").refine(hasAtLeastCharacters(10), "try.errors.proposalTooShort"),
  privacyConfirmed: flag.pipe(z.literal(true, { errorMap: () => ({ message: "try.errors.privacyConfirmRequired" }) })),
});
export type TryStoryInput = z.infer<typeof TryStorySchema>;
