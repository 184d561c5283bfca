import crypto from "node:crypto";
import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import { getFileStorage } from "~/modules/storage/file-storage.server";
import { AppError } from "~/utils/app-error";
import { MAX_ATTACHMENTS } from "./idea-vocabulary";
import { validateAttachments, type UploadedFile } from "./validate-attachments.server";

/**
 * Adds files to an idea after submission: the submitter or an accepted co-creator, while the idea is
 * still received (row-level security says the same). All or none: files stored for a transaction
 * that does not commit are removed again.
 */
export async function addIdeaAttachments(options: { user: SessionUser; ideaId: string; files: UploadedFile[] }): Promise<{ added: number }> {
  const files = validateAttachments(options.files);
  if (files.length === 0) throw new AppError("attachment_none");
  const storage = getFileStorage();
  const storedKeys: string[] = [];
  try {
    return await withUser(options.user, async (trx) => {
      const idea = await trx
        .selectFrom("ideas")
        .select(["id", "status"])
        .select(sql<boolean>`app_private.is_idea_submitter(ideas.id) or app_private.is_idea_cocreator(ideas.id)`.as("may_add"))
        .where("id", "=", options.ideaId)
        .executeTakeFirst();
      if (!idea?.may_add) throw new AppError("idea_not_found");
      if (idea.status !== "received") throw new AppError("idea_not_editable");
      const { count } = await trx
        .selectFrom("idea_attachments")
        .select(sql<number>`count(*)::int`.as("count"))
        .where("idea_id", "=", idea.id)
        .executeTakeFirstOrThrow();
      if (count + files.length > MAX_ATTACHMENTS) throw new AppError("attachment_too_many", { max: MAX_ATTACHMENTS, room: MAX_ATTACHMENTS - count });
      for (const file of files) {
        const key = `ideas/${idea.id}/${crypto.randomUUID()}`;
        await storage.put(key, file.bytes, file.contentType);
        storedKeys.push(key);
        await trx
          .insertInto("idea_attachments")
          .values({ owner_id: options.user.id, idea_id: idea.id, file_name: file.fileName, content_type: file.contentType, size_bytes: file.bytes.byteLength, storage_key: key })
          .execute();
      }
      await trx.insertInto("idea_events").values({ idea_id: idea.id, kind: "edited", actor_id: options.user.id }).execute();
      return { added: files.length };
    });
  } catch (error) {
    await Promise.all(storedKeys.map((key) => storage.delete(key).catch(() => {})));
    throw error;
  }
}
