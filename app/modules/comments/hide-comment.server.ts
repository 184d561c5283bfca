import { sql } from "kysely";
import { withUser, type SessionUser, type Trx } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { commentDbError } from "./comment-db-errors.server";

async function loadForCoordinator(trx: Trx, commentId: string) {
  const comment = await trx
    .selectFrom("idea_comments")
    .innerJoin("ideas", "ideas.id", "idea_comments.idea_id")
    .select(["idea_comments.id", "idea_comments.hidden_at", "ideas.network_id"])
    .where("idea_comments.id", "=", commentId)
    .executeTakeFirst();
  if (!comment) throw new AppError("comment_not_found");
  const { rows } = await sql<{ ok: boolean }>`select app_private.is_network_coordinator(${comment.network_id}) as ok`.execute(trx);
  if (!rows[0]?.ok) throw new AppError("not_coordinator");
  return comment;
}

/** A coordinator of the idea's network hides a comment with a reason; the author is told (in-app and e-mail). */
export async function hideComment(options: { user: SessionUser; commentId: string; reason: string }) {
  const reason = options.reason.trim();
  if (reason.length < 3) throw new AppError("reason_required");
  if (reason.length > 500) throw new AppError("reason_too_long");
  try {
    return await withUser(options.user, async (trx) => {
      const comment = await loadForCoordinator(trx, options.commentId);
      if (!comment.hidden_at) {
        await trx.updateTable("idea_comments").set({ hidden_reason: reason, hidden_at: new Date() }).where("id", "=", comment.id).execute();
      }
      return { commentId: comment.id };
    });
  } catch (error) {
    throw commentDbError(error);
  }
}

/** Shows a hidden comment again. */
export async function unhideComment(options: { user: SessionUser; commentId: string }) {
  try {
    return await withUser(options.user, async (trx) => {
      const comment = await loadForCoordinator(trx, options.commentId);
      await trx.updateTable("idea_comments").set({ hidden_reason: null, hidden_at: null }).where("id", "=", comment.id).execute();
      return { commentId: comment.id };
    });
  } catch (error) {
    throw commentDbError(error);
  }
}
