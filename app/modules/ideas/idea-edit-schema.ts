import { z } from "zod";
import {
  BENEFICIARIES,
  BENEFIT_CATEGORIES,
  IDEA_VISIBILITIES,
  NEED_CONTEXTS,
  PROBLEM_MAX,
  PROBLEM_MIN,
  STOP_DOING_MAX,
  TITLE_MAX,
  TITLE_MIN,
} from "./idea-vocabulary";
import { hasAtLeastCharacters } from "~/utils/character-count";
import { checkboxes, flag } from "./idea-form-schema";

// Messages are translation keys in the "my-ideas" namespace. Limits are the submission form's.

/** What the submitter may change before triage starts (see updateIdea); the proposal is read separately. */
export const IdeaEditSchema = z.object({
  title: z
    .string({ required_error: "edit.errors.titleRequired" })
    .trim()
    .min(TITLE_MIN, "edit.errors.titleTooShort")
    .max(TITLE_MAX, "edit.errors.titleTooLong")
    .refine(hasAtLeastCharacters(TITLE_MIN), "edit.errors.titleTooShort"),
  problem: z
    .string({ required_error: "edit.errors.problemRequired" })
    .trim()
    .min(PROBLEM_MIN, "edit.errors.problemTooShort")
    .max(PROBLEM_MAX, "edit.errors.problemTooLong")
    .refine(hasAtLeastCharacters(PROBLEM_MIN), "edit.errors.problemTooShort"),
  stopDoing: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(STOP_DOING_MAX, "edit.errors.stopDoingTooLong").optional(),
  ),
  beneficiaries: checkboxes(BENEFICIARIES).pipe(z.array(z.string()).min(1, "edit.errors.beneficiariesRequired")),
  needContexts: checkboxes(NEED_CONTEXTS),
  expectedBenefits: checkboxes(BENEFIT_CATEGORIES),
  visibility: z.enum(IDEA_VISIBILITIES, { errorMap: () => ({ message: "edit.errors.visibilityRequired" }) }),
  hideName: flag,
});

export type IdeaEditInput = z.infer<typeof IdeaEditSchema>;
