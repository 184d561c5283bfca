import { z } from "zod";
import { characterCount, hasAtLeastCharacters } from "~/utils/character-count";
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

// Messages are translation keys in the "idea-form" namespace; the form translates them.
/** A group of checkboxes: absent, one value or many → a list of known values. */
export const checkboxes = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)));

/** A single checkbox ("on" when ticked). */
export const flag = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, message).optional());

/** The idea as typed into the form (the rich-text proposal is read separately). */
export const IdeaFormSchema = z
  .object({
    intent: z.enum(["submit", "save-draft"]).default("submit"),
    draftId: z.string().uuid().optional(),
    idempotencyKey: z.string().uuid("form.errors.stale"),
    title: z
      .string({ required_error: "form.errors.titleRequired" })
      .trim()
      .min(TITLE_MIN, "form.errors.titleTooShort")
      .max(TITLE_MAX, "form.errors.titleTooLong")
      .refine(hasAtLeastCharacters(TITLE_MIN), "form.errors.titleTooShort"),
    problem: z
      .string({ required_error: "form.errors.problemRequired" })
      .trim()
      .min(PROBLEM_MIN, "form.errors.problemTooShort")
      .max(PROBLEM_MAX, "form.errors.problemTooLong")
      .refine(hasAtLeastCharacters(PROBLEM_MIN), "form.errors.problemTooShort"),
    beneficiaries: checkboxes(BENEFICIARIES).pipe(z.array(z.string()).min(1, "form.errors.beneficiariesRequired")),
    serviceAreaIds: z
      .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().uuid()))
      .pipe(z.array(z.string()).min(1, "form.errors.serviceAreaRequired").max(7)),
    themeId: z.string({ required_error: "form.errors.themeRequired" }).uuid("form.errors.themeRequired"),
    needContexts: checkboxes(NEED_CONTEXTS),
    expectedBenefits: checkboxes(BENEFIT_CATEGORIES),
    stopDoing: optionalText(STOP_DOING_MAX, "form.errors.stopDoingTooLong"),
    relevantForSeveral: flag,
    visibility: z.enum(IDEA_VISIBILITIES).default("partners"),
    hideName: flag,
    onBehalf: flag,
    onBehalfName: optionalText(200, "form.errors.onBehalfNameTooLong"),
    onBehalfEmail: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim().toLowerCase() : v),
      z.string().email("form.errors.onBehalfEmailInvalid").max(254).optional(),
    ),
    privacyConfirmed: flag.pipe(z.literal(true, { errorMap: () => ({ message: "form.errors.privacyConfirmRequired" }) })),
  })
  .superRefine((value, ctx) => {
    if (value.onBehalf) {
      if (!value.onBehalfName) ctx.addIssue({ code: "custom", path: ["onBehalfName"], message: "form.errors.onBehalfNameRequired" });
      else if (characterCount(value.onBehalfName) < 2) ctx.addIssue({ code: "custom", path: ["onBehalfName"], message: "form.errors.onBehalfNameTooShort" });
      if (!value.onBehalfEmail) ctx.addIssue({ code: "custom", path: ["onBehalfEmail"], message: "form.errors.onBehalfEmailRequired" });
    }
  });

export type IdeaFormInput = z.infer<typeof IdeaFormSchema>;
