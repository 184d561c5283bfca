import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";

/** Only whoever recorded the signal, or a coordinator of the idea's network, may withdraw it. */
export async function withdrawSameNeed(options: { user: SessionUser; sameNeedId: string }) {
  return withUser(options.user, async (trx) => {
    const row = await trx
      .selectFrom("idea_same_need")
      .innerJoin("ideas", "ideas.id", "idea_same_need.idea_id")
      .select(["idea_same_need.id", "idea_same_need.profile_id", "ideas.network_id"])
      .where("idea_same_need.id", "=", options.sameNeedId)
      .executeTakeFirst();
    if (!row) throw new AppError("same_need_not_found");
    if (row.profile_id !== options.user.id) {
      const { rows } = await sql<{ ok: boolean }>`select app_private.is_network_coordinator(${row.network_id}) as ok`.execute(trx);
      if (!rows[0]?.ok) throw new AppError("same_need_not_allowed");
    }
    await trx.deleteFrom("idea_same_need").where("id", "=", row.id).execute();
  });
}
