import { z } from "zod";
import { IDEA_STATUSES } from "~/modules/ideas/idea-vocabulary";
import { EVALUATION_CRITERIA, TRIAGE_TARGET_STATUSES } from "./triage-vocabulary";

/** Universal (browser and server). Messages are keys in triage.json, prefixed with the namespace. */
const answerBody = z
  .string({ required_error: "triage:errors.answerRequired" })
  .trim()
  .min(10, "triage:errors.answerTooShort")
  .max(5000, "triage:errors.answerTooLong");

const uuid = z.string().uuid("triage:errors.invalid");

export const ChangeStatusSchema = z
  .object({
    intent: z.literal("status"),
    fromStatus: z.enum(IDEA_STATUSES),
    toStatus: z.enum(TRIAGE_TARGET_STATUSES, { errorMap: () => ({ message: "triage:errors.statusRequired" }) }),
    body: answerBody,
    lookAgainAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "triage:errors.invalidDate")
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
  });

export const BulkAnswerSchema = z.object({
  intent: z.literal("bulk"),
  ideaIds: z.array(uuid, { required_error: "triage:errors.noIdeasSelected" }).min(1, "triage:errors.noIdeasSelected").max(100),
  toStatus: z.enum(TRIAGE_TARGET_STATUSES, { errorMap: () => ({ message: "triage:errors.statusRequired" }) }).exclude(["merged"]),
  body: answerBody,
});

export const AssignOwnerSchema = z.object({
  intent: z.literal("assign"),
  ownerId: z.union([uuid, z.literal("none")], { errorMap: () => ({ message: "triage:errors.ownerRequired" }) }),
});

export const TransferSchema = z.object({
  intent: z.literal("transfer"),
  fromNetworkId: uuid,
  toNetworkId: uuid.or(z.undefined()).refine((v) => v !== undefined, "triage:errors.networkRequired"),
  reason: z
    .string({ required_error: "triage:errors.reasonRequired" })
    .trim()
    .min(10, "triage:errors.reasonTooShort")
    .max(2000, "triage:errors.reasonTooLong"),
});

const score = z.coerce.number().int().min(1).max(5).optional();
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

export const ReplyTemplateSchema = z.object({
  intent: z.literal("template"),
  templateId: uuid.optional(),
  title: z.string({ required_error: "triage:errors.titleRequired" }).trim().min(2, "triage:errors.titleRequired").max(120),
  body: answerBody,
  toStatus: z.enum(TRIAGE_TARGET_STATUSES).optional(),
});
