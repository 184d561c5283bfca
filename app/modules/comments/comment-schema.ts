import { z } from "zod";
import { hasAtLeastCharacters } from "~/utils/character-count";

export const COMMENT_MAX_LENGTH = 4000;
export const HIDE_REASON_MAX_LENGTH = 500;

const body = z
  .string({ required_error: "cocreation:errors.body_required" })
  .trim()
  .min(1, "cocreation:errors.body_required")
  .max(COMMENT_MAX_LENGTH, "cocreation:errors.body_too_long");
const id = z.string({ required_error: "cocreation:errors.comment_not_found" }).uuid("cocreation:errors.comment_not_found");

/** Universal (browser and server). Messages are "cocreation:" keys. */
export const AddCommentSchema = z.object({ intent: z.literal("add"), body, parentId: id.optional() });
export const EditCommentSchema = z.object({ intent: z.literal("edit"), commentId: id, body });
export const DeleteCommentSchema = z.object({ intent: z.literal("delete"), commentId: id });
export const HideCommentSchema = z.object({
  intent: z.literal("hide"),
  commentId: id,
  reason: z
    .string({ required_error: "cocreation:errors.reason_required" })
    .trim()
    .min(3, "cocreation:errors.reason_required")
    .max(HIDE_REASON_MAX_LENGTH, "cocreation:errors.reason_too_long")
    .refine(hasAtLeastCharacters(3), "cocreation:errors.reason_required"),
});
export const UnhideCommentSchema = z.object({ intent: z.literal("unhide"), commentId: id });

export const CommentActionSchema = z.discriminatedUnion("intent", [
  AddCommentSchema,
  EditCommentSchema,
  DeleteCommentSchema,
  HideCommentSchema,
  UnhideCommentSchema,
]);
export type CommentAction = z.infer<typeof CommentActionSchema>;
