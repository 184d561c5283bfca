import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { commentDbError } from "./comment-db-errors.server";

/** Soft delete: the words go, the place stays so that replies remain readable. Deleting twice is harmless. */
export async function deleteComment(options: { user: SessionUser; commentId: string }) {
  try {
    return await withUser(options.user, async (trx) => {
      const comment = await trx
        .selectFrom("idea_comments")
        .select(["id", "author_id", "deleted_at"])
        .where("id", "=", options.commentId)
        .executeTakeFirst();
      if (!comment) throw new AppError("comment_not_found");
      if (comment.author_id !== options.user.id) throw new AppError("not_comment_author");
      if (!comment.deleted_at) {
        await trx.updateTable("idea_comments").set({ deleted_at: new Date() }).where("id", "=", comment.id).execute();
      }
      return { commentId: comment.id };
    });
  } catch (error) {
    throw commentDbError(error);
  }
}
