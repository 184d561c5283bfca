import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";

export type RecordSameNeedResult = { created: boolean; organisationName: string };

/**
 * "Vi har samme behov": one signal per organisation on another organisation's open idea. When the
 * organisation has already said so (a colleague, or a double click) nothing is added and
 * `created` is false.
 */
export async function recordSameNeed(options: { user: SessionUser; ideaId: string; note?: string | null }): Promise<RecordSameNeedResult> {
  const note = options.note?.trim() || null;
  if (note && note.length > 500) throw new AppError("note_too_long");
  return withUser(options.user, async (trx) => {
    const idea = await trx.selectFrom("ideas").select(["id", "status", "organisation_id"]).where("id", "=", options.ideaId).executeTakeFirst();
    if (!idea) throw new AppError("idea_not_found");
    if (idea.status === "merged" || idea.status === "withdrawn") throw new AppError("idea_closed");
    const me = await sql<{ organisation_id: string; name: string }>`
      select o.id as organisation_id, o.name from public.organisations o
      where o.id = app_private.current_organisation_id()`.execute(trx);
    const organisation = me.rows[0];
    if (!organisation) throw new AppError("not_allowed");
    if (organisation.organisation_id === idea.organisation_id) throw new AppError("same_need_own_organisation");
    const inserted = await trx
      .insertInto("idea_same_need")
      .values({ idea_id: idea.id, organisation_id: organisation.organisation_id, profile_id: options.user.id, note })
      .onConflict((oc) => oc.columns(["idea_id", "organisation_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    return { created: inserted !== undefined, organisationName: organisation.name };
  });
}
