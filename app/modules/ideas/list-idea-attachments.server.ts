import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";

export type EditableAttachment = { id: string; fileName: string; contentType: string; sizeBytes: number; removable: boolean };

/** An idea's files for its submitter or a co-creator, with which of them this person may remove. */
export async function listIdeaAttachments(options: { user: SessionUser; ideaId: string }): Promise<EditableAttachment[]> {
  return withUser(options.user, async (trx) => {
    const rows = await trx
      .selectFrom("idea_attachments")
      .select(["id", "file_name", "content_type", "size_bytes", "owner_id"])
      .select(sql<boolean>`app_private.is_idea_submitter(idea_id)`.as("submitter"))
      .where("idea_id", "=", options.ideaId)
      .orderBy("created_at")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
      removable: r.submitter || r.owner_id === options.user.id,
    }));
  });
}
