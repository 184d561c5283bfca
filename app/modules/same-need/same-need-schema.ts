import { z } from "zod";

export const SAME_NEED_NOTE_MAX_LENGTH = 500;

/** Universal (browser and server). Messages are "cocreation:" keys. */
export const RecordSameNeedSchema = z.object({
  intent: z.literal("record"),
  note: z.string().trim().max(SAME_NEED_NOTE_MAX_LENGTH, "cocreation:errors.note_too_long").optional(),
});
export const WithdrawSameNeedSchema = z.object({
  intent: z.literal("withdraw"),
  sameNeedId: z.string({ required_error: "cocreation:errors.same_need_not_found" }).uuid("cocreation:errors.same_need_not_found"),
});
export const SameNeedActionSchema = z.discriminatedUnion("intent", [RecordSameNeedSchema, WithdrawSameNeedSchema]);
