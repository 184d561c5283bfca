import { sql } from "kysely";
import type { Trx } from "~/db/client.server";
import { handlesOf } from "./mentions";

export type CommentRow = {
  id: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string | null;
  authorOrganisation: string | null;
  /** Null when deleted, or hidden from this reader. */
  body: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  deleted: boolean;
  editedAt: Date | null;
  createdAt: Date;
  /** handle → name, for rendering mentions as names. */
  mentionNames: Record<string, string>;
};

/** An idea's comments as the reader may see them (oldest first), through idea_comment_view(). */
export async function listComments(trx: Trx, ideaId: string): Promise<CommentRow[]> {
  const { rows } = await sql<{
    id: string;
    parent_id: string | null;
    author_id: string | null;
    author_name: string | null;
    author_organisation: string | null;
    body: string | null;
    hidden: boolean;
    hidden_reason: string | null;
    deleted: boolean;
    edited_at: Date | null;
    created_at: Date;
    mentions: { name: string; emailLocal: string }[];
  }>`select * from public.idea_comment_view(${ideaId})`.execute(trx);
  return rows.map((r) => {
    const mentionNames: Record<string, string> = {};
    for (const m of r.mentions) {
      for (const handle of handlesOf({ email: `${m.emailLocal}@x`, fullName: m.name })) mentionNames[handle] = m.name;
    }
    return {
      id: r.id,
      parentId: r.parent_id,
      authorId: r.author_id,
      authorName: r.author_name,
      authorOrganisation: r.author_organisation,
      body: r.body,
      hidden: r.hidden,
      hiddenReason: r.hidden_reason,
      deleted: r.deleted,
      editedAt: r.edited_at ? new Date(r.edited_at) : null,
      createdAt: new Date(r.created_at),
      mentionNames,
    };
  });
}
