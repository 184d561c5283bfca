import { sql } from "kysely";
import { withUser, type SessionUser, type Trx } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { limitCommenting } from "./comment-rate-limit.server";
import { commentDbError } from "./comment-db-errors.server";
import { parseMentions } from "./mentions";

export const MAX_MENTIONS = 20;

/** Mentioned handles → profiles the author may see; unknown, ambiguous or locked-out names are refused. */
async function resolveMentions(trx: Trx, ideaId: string, handles: string[]) {
  if (handles.length === 0) return [];
  if (handles.length > MAX_MENTIONS) throw new AppError("too_many_mentions", { max: MAX_MENTIONS });
  const { rows } = await sql<{ id: string; full_name: string; local: string; dotted: string; can_see: boolean }>`
    select p.id, p.full_name,
           lower(split_part(p.email, '@', 1)) as local,
           lower(regexp_replace(btrim(p.full_name), '\\s+', '.', 'g')) as dotted,
           app_private.profile_can_see_idea(p.id, ${ideaId}) as can_see
    from public.profiles p
    where lower(split_part(p.email, '@', 1)) = any(${handles}::text[])
       or lower(regexp_replace(btrim(p.full_name), '\\s+', '.', 'g')) = any(${handles}::text[])`.execute(trx);
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  const cannotSee: string[] = [];
  const resolved = new Map<string, string>();
  for (const handle of handles) {
    const byEmail = rows.filter((r) => r.local === handle);
    const matches = byEmail.length > 0 ? byEmail : rows.filter((r) => r.dotted === handle);
    if (matches.length === 0) unknown.push(`@${handle}`);
    else if (matches.length > 1) ambiguous.push(`@${handle}`);
    else if (!matches[0]!.can_see) cannotSee.push(matches[0]!.full_name);
    else resolved.set(matches[0]!.id, handle);
  }
  if (unknown.length > 0) throw new AppError("mention_unknown", { names: unknown.join(", ") });
  if (ambiguous.length > 0) throw new AppError("mention_ambiguous", { names: ambiguous.join(", ") });
  if (cannotSee.length > 0) throw new AppError("mention_cannot_see", { names: cannotSee.join(", ") });
  return [...resolved.keys()];
}

/**
 * A comment (or a reply to a top-level comment) on an open idea the user can see. Mentioned people
 * get an in-app notification and an e-mail, followers a notification, and the author follows the
 * idea — all written by the database in this same transaction.
 */
export async function addComment(options: { user: SessionUser; ideaId: string; body: string; parentId?: string | null }) {
  const body = options.body.trim();
  if (body.length === 0) throw new AppError("body_required");
  if (body.length > 4000) throw new AppError("body_too_long");
  await limitCommenting(options.user.id);
  try {
    return await withUser(options.user, async (trx) => {
      const idea = await trx.selectFrom("ideas").select(["id", "status", "public_id"]).where("id", "=", options.ideaId).executeTakeFirst();
      if (!idea) throw new AppError("idea_not_found");
      if (idea.status === "merged" || idea.status === "withdrawn") throw new AppError("idea_closed");
      if (options.parentId) {
        const parent = await trx
          .selectFrom("idea_comments")
          .select(["id", "idea_id", "parent_id"])
          .where("id", "=", options.parentId)
          .executeTakeFirst();
        if (!parent || parent.idea_id !== idea.id) throw new AppError("comment_not_found");
        if (parent.parent_id !== null) throw new AppError("reply_too_deep");
      }
      const mentioned = await resolveMentions(trx, idea.id, parseMentions(body));
      const comment = await trx
        .insertInto("idea_comments")
        .values({ idea_id: idea.id, author_id: options.user.id, parent_id: options.parentId ?? null, body })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (mentioned.length > 0) {
        await trx
          .insertInto("idea_comment_mentions")
          .values(mentioned.map((profileId) => ({ comment_id: comment.id, profile_id: profileId })))
          .execute();
      }
      return { commentId: comment.id, publicId: idea.public_id, mentioned };
    });
  } catch (error) {
    throw commentDbError(error);
  }
}
