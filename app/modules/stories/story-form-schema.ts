import { z } from "zod";
import type { StoryBenefitUnit } from "~/db/schema";
import { BENEFIT_CATEGORIES } from "~/modules/ideas/idea-vocabulary";
import { characterCount, hasAtLeastCharacters } from "~/utils/character-count";
import {
  BENEFIT_UNITS,
  MAX_BENEFIT_ROWS,
  MAX_BENEFIT_VALUE,
  STORY_CHANGED_MAX,
  STORY_CHANGED_MIN,
  STORY_OPTIONAL_TEXT_MAX,
  STORY_SUMMARY_MAX,
  STORY_SUMMARY_MIN,
  STORY_TITLE_MAX,
  STORY_TITLE_MIN,
  STORY_VISIBILITIES,
  UNITS_ALLOWING_NEGATIVE,
} from "./story-vocabulary";

// Messages are keys in the "stories" namespace ("form.errors.…"); `key|{json}` carries values.

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, message).optional());

const uuidList = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().uuid()));

/**
 * A number as people type it in Norway: "420", "1 234,5", "1234.5", "−160". Returns null for
 * anything else (letters, two decimal marks, "12-3").
 */
export function parseBenefitNumber(raw: string): number | null {
  const text = raw.trim().replace(/\u2212/g, "-").replace(/[\s\u00a0\u202f]/g, "");
  if (!/^-?\d+([.,]\d+)?$/.test(text)) return null;
  const value = Number(text.replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

const BenefitRowInput = z.object({
  indicator: z.string().trim().max(120, "form.errors.indicatorTooLong").optional(),
  unit: z.string().optional(),
  baseline: z.string().optional(),
  after: z.string().optional(),
  period: z.string().trim().max(120, "form.errors.periodTooLong").optional(),
  category: z.string().optional(),
});

export type StoryBenefitInput = {
  indicator: string;
  unit: StoryBenefitUnit;
  baseline: number;
  after: number;
  period: string | null;
  category: (typeof BENEFIT_CATEGORIES)[number];
};

const isUnit = (value: string | undefined): value is StoryBenefitUnit => (BENEFIT_UNITS as readonly string[]).includes(value ?? "");
const isCategory = (value: string | undefined): value is StoryBenefitInput["category"] =>
  (BENEFIT_CATEGORIES as readonly string[]).includes(value ?? "");

/** The story as typed into the form (the rich-text body and the images are read separately). */
export const StoryFormSchema = z
  .object({
    intent: z.enum(["save", "submit"]).default("save"),
    ideaId: z.string().uuid().optional(),
    title: z
      .string({ required_error: "form.errors.titleRequired" })
      .trim()
      .min(STORY_TITLE_MIN, "form.errors.titleTooShort")
      .max(STORY_TITLE_MAX, "form.errors.titleTooLong")
      .refine(hasAtLeastCharacters(STORY_TITLE_MIN), "form.errors.titleTooShort"),
    summary: z
      .string({ required_error: "form.errors.summaryRequired" })
      .trim()
      .min(STORY_SUMMARY_MIN, "form.errors.summaryTooShort")
      .max(STORY_SUMMARY_MAX, "form.errors.summaryTooLong")
      .refine(hasAtLeastCharacters(STORY_SUMMARY_MIN), "form.errors.summaryTooShort"),
    whatChanged: z
      .string({ required_error: "form.errors.whatChangedRequired" })
      .trim()
      .min(STORY_CHANGED_MIN, "form.errors.whatChangedTooShort")
      .max(STORY_CHANGED_MAX, "form.errors.textTooLong")
      .refine(hasAtLeastCharacters(STORY_CHANGED_MIN), "form.errors.whatChangedTooShort"),
    stoppedDoing: optionalText(STORY_OPTIONAL_TEXT_MAX, "form.errors.textTooLong"),
    unplannedBenefits: optionalText(STORY_OPTIONAL_TEXT_MAX, "form.errors.textTooLong"),
    successFactors: optionalText(STORY_OPTIONAL_TEXT_MAX, "form.errors.textTooLong"),
    costs: optionalText(STORY_OPTIONAL_TEXT_MAX, "form.errors.textTooLong"),
    themeId: z.string({ required_error: "form.errors.themeRequired" }).uuid("form.errors.themeRequired"),
    serviceAreaIds: uuidList.pipe(z.array(z.string()).min(1, "form.errors.serviceAreaRequired").max(7)),
    organisationIds: uuidList.pipe(z.array(z.string()).max(30, "form.errors.tooManyOrganisations")),
    visibility: z.enum(STORY_VISIBILITIES, { errorMap: () => ({ message: "form.errors.visibilityRequired" }) }),
    contactEmail: z
      .string({ required_error: "form.errors.contactRequired" })
      .trim()
      .toLowerCase()
      .email("form.errors.contactInvalid")
      .max(254, "form.errors.contactInvalid"),
    benefits: z.array(BenefitRowInput).max(MAX_BENEFIT_ROWS, "form.errors.tooManyBenefits").default([]),
    removeImageIds: uuidList,
  })
  .superRefine((value, ctx) => {
    const unitsByIndicator = new Map<string, { unit: string; index: number }>();
    value.benefits.forEach((row, index) => {
      const blank = !row.indicator && !row.unit && !row.baseline && !row.after && !row.period && !row.category;
      if (blank) return;
      const at = (field: string, message: string) => ctx.addIssue({ code: "custom", path: ["benefits", index, field], message });
      if (!row.indicator || characterCount(row.indicator) < 3) at("indicator", "form.errors.indicatorRequired");
      if (!isUnit(row.unit)) at("unit", "form.errors.unitRequired");
      if (!isCategory(row.category)) at("category", "form.errors.categoryRequired");
      for (const field of ["baseline", "after"] as const) {
        const raw = row[field];
        if (!raw || raw.trim() === "") {
          at(field, "form.errors.valueRequired");
          continue;
        }
        const number = parseBenefitNumber(raw);
        if (number === null) at(field, "form.errors.valueNotNumber");
        else if (Math.abs(number) > MAX_BENEFIT_VALUE) at(field, "form.errors.valueTooLarge");
        else if (number < 0 && isUnit(row.unit) && !UNITS_ALLOWING_NEGATIVE.includes(row.unit)) at(field, "form.errors.valueNegative");
        else if (number > 100 && row.unit === "percent") at(field, "form.errors.percentTooHigh");
      }
      // The same indicator must be measured in the same unit, or the numbers cannot be compared.
      if (row.indicator && isUnit(row.unit)) {
        const key = row.indicator.toLocaleLowerCase("nb").replace(/\s+/g, " ");
        const earlier = unitsByIndicator.get(key);
        if (earlier && earlier.unit !== row.unit) at("unit", `form.errors.unitMismatch|${JSON.stringify({ row: earlier.index + 1 })}`);
        else if (!earlier) unitsByIndicator.set(key, { unit: row.unit, index });
      }
    });
  })
  .transform(({ benefits, ...rest }) => ({
    ...rest,
    benefits: benefits
      .filter((row) => row.indicator || row.unit || row.baseline || row.after || row.period || row.category)
      .map(
        (row): StoryBenefitInput => ({
          indicator: row.indicator!.replace(/\s+/g, " "),
          unit: row.unit as StoryBenefitUnit,
          baseline: parseBenefitNumber(row.baseline!)!,
          after: parseBenefitNumber(row.after!)!,
          period: row.period ? row.period : null,
          category: row.category as StoryBenefitInput["category"],
        }),
      ),
  }));

export type StoryFormInput = z.output<typeof StoryFormSchema>;

/** Coordinators' decisions on a story under review, and unpublishing. */
export const StoryStatusSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("withdraw") }),
  z.object({ intent: z.literal("publish") }),
  z.object({
    intent: z.literal("return"),
    comment: z
      .string({ required_error: "status.errors.commentRequired" })
      .trim()
      .min(3, "status.errors.commentRequired")
      .max(2000, "status.errors.commentTooLong")
      .refine(hasAtLeastCharacters(3), "status.errors.commentRequired"),
  }),
  z.object({
    intent: z.literal("unpublish"),
    reason: z
      .string({ required_error: "status.errors.reasonRequired" })
      .trim()
      .min(3, "status.errors.reasonRequired")
      .max(1000, "status.errors.reasonTooLong")
      .refine(hasAtLeastCharacters(3), "status.errors.reasonRequired"),
  }),
]);
export type StoryStatusInput = z.infer<typeof StoryStatusSchema>;
