import { z } from "zod";
import { IDEA_STATUSES } from "~/modules/ideas/idea-vocabulary";
import { hasAtLeastCharacters } from "~/utils/character-count";
import { EVALUATION_CRITERIA, TRIAGE_TARGET_STATUSES } from "./triage-vocabulary";

/** Universal (browser and server). Messages are keys in triage.json, prefixed with the namespace. */
const answerBody = z
  .string({ required_error: "triage:errors.answerRequired" })
  .trim()
  .min(10, "triage:errors.answerTooShort")
  .max(5000, "triage:errors.answerTooLong")
  .refine(hasAtLeastCharacters(10), "triage:errors.answerTooShort");

const uuid = z.string().uuid("triage:errors.invalid");

/** A real calendar date (YYYY-MM-DD), not 2026-02-30. */
export function isCalendarDate(value: string) {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const today = () => new Date().toISOString().slice(0, 10);

export const ChangeStatusSchema = z
  .object({
    intent: z.literal("status"),
    fromStatus: z.enum(IDEA_STATUSES, { errorMap: () => ({ message: "triage:errors.invalid" }) }),
    toStatus: z.enum(TRIAGE_TARGET_STATUSES, { errorMap: () => ({ message: "triage:errors.statusRequired" }) }),
    body: answerBody,
    lookAgainAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "triage:errors.invalidDate")
      .refine(isCalendarDate, "triage:errors.invalidDate")
      .optional(),
    mergeInto: z
      .string()
      .trim()
      .regex(/^IDE-\d{4}-\d{4,}$/i, "triage:errors.mergeTargetFormat")
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.toStatus === "merged" && !value.mergeInto) {
      ctx.addIssue({ code: "custom", path: ["mergeInto"], message: "triage:errors.mergeTargetRequired" });
    }
    if (value.toStatus !== "merged" && value.mergeInto) {
      ctx.addIssue({ code: "custom", path: ["mergeInto"], message: "triage:errors.mergeTargetOnlyForMerge" });
    }
    if (value.lookAgainAt && value.toStatus !== "not_prioritised") {
      ctx.addIssue({ code: "custom", path: ["lookAgainAt"], message: "triage:errors.lookAgainOnlyNotPrioritised" });
    } else if (value.lookAgainAt && value.lookAgainAt <= today()) {
      ctx.addIssue({ code: "custom", path: ["lookAgainAt"], message: "triage:errors.lookAgainInPast" });
    }
  });

export const BulkAnswerSchema = z.object({
  intent: z.literal("bulk"),
  ideaIds: z.array(uuid, { required_error: "triage:errors.noIdeasSelected" }).min(1, "triage:errors.noIdeasSelected").max(100, "triage:errors.tooManySelected"),
  toStatus: z.enum(TRIAGE_TARGET_STATUSES, { errorMap: () => ({ message: "triage:errors.statusRequired" }) }).exclude(["merged"]),
  body: answerBody,
  /** The status each listed idea had when the inbox was shown (`fromStatus.<idea id>`): a changed one makes the form stale. */
  fromStatus: z.record(uuid, z.enum(IDEA_STATUSES, { errorMap: () => ({ message: "triage:errors.invalid" }) })).optional(),
});

export const AssignOwnerSchema = z.object({
  intent: z.literal("assign"),
  ownerId: z.union([uuid, z.literal("none")], { errorMap: () => ({ message: "triage:errors.ownerRequired" }) }),
});

export const TransferSchema = z.object({
  intent: z.literal("transfer"),
  fromNetworkId: uuid,
  toNetworkId: z.string({ required_error: "triage:errors.networkRequired" }).uuid("triage:errors.networkRequired"),
  reason: z
    .string({ required_error: "triage:errors.reasonRequired" })
    .trim()
    .min(10, "triage:errors.reasonTooShort")
    .max(2000, "triage:errors.reasonTooLong")
    .refine(hasAtLeastCharacters(10), "triage:errors.reasonTooShort"),
});

const score = z.coerce
  .number({ invalid_type_error: "triage:errors.scoreInvalid" })
  .int("triage:errors.scoreInvalid")
  .min(1, "triage:errors.scoreInvalid")
  .max(5, "triage:errors.scoreInvalid")
  .optional();
export const EvaluationSchema = z.object({
  intent: z.literal("evaluate"),
  ...Object.fromEntries(EVALUATION_CRITERIA.map((c) => [`score_${c}`, score])),
  ...Object.fromEntries(EVALUATION_CRITERIA.map((c) => [`note_${c}`, z.string().trim().max(2000, "triage:errors.noteTooLong").optional()])),
}) as z.ZodObject<
  { intent: z.ZodLiteral<"evaluate"> } & Record<string, z.ZodOptional<z.ZodNumber> | z.ZodOptional<z.ZodString>>
>;

export const InternalNoteSchema = z.object({
  intent: z.literal("note"),
  note: z
    .string({ required_error: "triage:errors.noteRequired" })
    .trim()
    .min(1, "triage:errors.noteRequired")
    .max(5000, "triage:errors.noteTooLong"),
});

const templateFields = {
  title: z
    .string({ required_error: "triage:errors.titleRequired" })
    .trim()
    .min(2, "triage:errors.titleRequired")
    .max(120, "triage:errors.titleTooLong")
    .refine(hasAtLeastCharacters(2), "triage:errors.titleRequired"),
  body: answerBody,
  toStatus: z.enum(TRIAGE_TARGET_STATUSES, { errorMap: () => ({ message: "triage:errors.invalid" }) }).optional(),
  sortOrder: z.coerce
    .number({ invalid_type_error: "triage:errors.sortOrderInvalid" })
    .int("triage:errors.sortOrderInvalid")
    .min(0, "triage:errors.sortOrderInvalid")
    .max(999, "triage:errors.sortOrderInvalid")
    .optional(),
};

/** The reply-template page (/nettverk/:slug/svarmaler): create, edit and delete. */
export const CreateReplyTemplateSchema = z.object({ intent: z.literal("create"), ...templateFields });
export const UpdateReplyTemplateSchema = z.object({ intent: z.literal("update"), templateId: uuid, ...templateFields });
export const DeleteReplyTemplateSchema = z.object({ intent: z.literal("delete"), templateId: uuid });
export const ReplyTemplateActionSchema = z.discriminatedUnion("intent", [CreateReplyTemplateSchema, UpdateReplyTemplateSchema, DeleteReplyTemplateSchema], {
  errorMap: () => ({ message: "triage:errors.invalid" }),
});
