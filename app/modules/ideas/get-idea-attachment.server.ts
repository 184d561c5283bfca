import { withUser, type SessionUser } from "~/db/client.server";

export type IdeaAttachmentFile = { fileName: string; contentType: string; storageKey: string };

/** An attachment of an idea the user may see (RLS on ideas and attachments decides); null otherwise. */
export async function getIdeaAttachment(options: { user: SessionUser; publicId: string; attachmentId: string }): Promise<IdeaAttachmentFile | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.attachmentId)) return null;
  const row = await withUser(options.user, (trx) =>
    trx
      .selectFrom("idea_attachments")
      .innerJoin("ideas", "ideas.id", "idea_attachments.idea_id")
      .select(["idea_attachments.file_name", "idea_attachments.content_type", "idea_attachments.storage_key"])
      .where("idea_attachments.id", "=", options.attachmentId)
      .where("ideas.public_id", "=", options.publicId)
      .executeTakeFirst(),
  );
  return row ? { fileName: row.file_name, contentType: row.content_type, storageKey: row.storage_key } : null;
}
