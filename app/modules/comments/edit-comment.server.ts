import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { commentDbError } from "./comment-db-errors.server";

/** The author changes the text of their own comment (mentions are not re-sent). */
export async function editComment(options: { user: SessionUser; commentId: string; body: string }) {
  const body = options.body.trim();
  if (body.length === 0) throw new AppError("body_required");
  if (body.length > 4000) throw new AppError("body_too_long");
  try {
    return await withUser(options.user, async (trx) => {
      const comment = await trx
        .selectFrom("idea_comments")
        .select(["id", "author_id", "deleted_at"])
        .where("id", "=", options.commentId)
        .executeTakeFirst();
      if (!comment) throw new AppError("comment_not_found");
      if (comment.author_id !== options.user.id) throw new AppError("not_comment_author");
      if (comment.deleted_at) throw new AppError("comment_deleted");
      await trx.updateTable("idea_comments").set({ body }).where("id", "=", comment.id).execute();
      return { commentId: comment.id };
    });
  } catch (error) {
    throw commentDbError(error);
  }
}
