import { withUser, type SessionUser } from "~/db/client.server";
import { getFileStorage } from "~/modules/storage/file-storage.server";
import { AppError } from "~/utils/app-error";

/**
 * Removes one file from an idea that is still received: a co-creator the files they added, the
 * submitter any (row-level security decides; a row it hides is "not found"). The stored file goes
 * after the row; if that fails the file is orphaned, never the row.
 */
export async function removeIdeaAttachment(options: { user: SessionUser; ideaId: string; attachmentId: string }) {
  const storageKey = await withUser(options.user, async (trx) => {
    const idea = await trx.selectFrom("ideas").select(["id", "status"]).where("id", "=", options.ideaId).executeTakeFirst();
    if (!idea) throw new AppError("idea_not_found");
    if (idea.status !== "received") throw new AppError("idea_not_editable");
    const removed = await trx
      .deleteFrom("idea_attachments")
      .where("id", "=", options.attachmentId)
      .where("idea_id", "=", idea.id)
      .returning("storage_key")
      .executeTakeFirst();
    if (!removed) throw new AppError("attachment_not_found");
    await trx.insertInto("idea_events").values({ idea_id: idea.id, kind: "edited", actor_id: options.user.id }).execute();
    return removed.storage_key;
  });
  await getFileStorage()
    .delete(storageKey)
    .catch((error: unknown) => console.error("[attachments] stored file left behind", storageKey, error));
}
