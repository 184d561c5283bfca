import { withUser, type SessionUser } from "~/db/client.server";

export const AUDIT_PAGE_SIZE = 50;

/** Newest first. RLS: admins see every entry, coordinators their networks'. */
export async function listAuditLog(options: { user: SessionUser; networkId?: string; before?: number }) {
  return withUser(options.user, async (trx) => {
    let query = trx
      .selectFrom("audit_log as l")
      .leftJoin("profiles as p", "p.id", "l.actor_id")
      .leftJoin("networks as n", "n.id", "l.network_id")
      .select([
        "l.id",
        "l.action",
        "l.target_table",
        "l.target_id",
        "l.network_id",
        "n.name as network_name",
        "l.before_data",
        "l.after_data",
        "l.created_at",
        "p.full_name as actor_name",
        "l.actor_id",
      ])
      .orderBy("l.id", "desc")
      .limit(AUDIT_PAGE_SIZE + 1);
    if (options.networkId) query = query.where("l.network_id", "=", options.networkId);
    if (options.before) query = query.where("l.id", "<", options.before);
    const rows = await query.execute();
    const entries = rows.slice(0, AUDIT_PAGE_SIZE);
    return { entries, nextBefore: rows.length > AUDIT_PAGE_SIZE ? entries[entries.length - 1]!.id : null };
  });
}
