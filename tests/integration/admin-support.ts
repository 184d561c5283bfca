import { sql } from "kysely";
import { asService, type Db } from "~/db/client.server";
import { loadCurrentUser, type CurrentUser } from "~/modules/auth/current-user.server";

/** Demo people by role (supabase/seed.sql). */
export const ADMIN = "vigdis.ruud@drammen-helsepark.example.no";
export const COORDINATOR_ASKER = "marius.bakken@asker.example.no"; // coordinator of digi-asker
export const COORDINATOR_DRAMMEN = "tor.arne.myhre@drammen.example.no"; // coordinator of digi-drammen
export const EMPLOYEE = "kari.nordby@asker.example.no";

export async function adminTestUser(db: Db, email: string): Promise<CurrentUser> {
  const { id } = await asService("test: find demo user", (trx) => trx.selectFrom("profiles").select("id").where("email", "=", email).executeTakeFirstOrThrow(), db);
  const user = await loadCurrentUser({ id, email });
  if (!user) throw new Error(`no profile for ${email}`);
  return user;
}

export async function auditEntries(db: Db, where: { action?: string; targetId?: string } = {}) {
  return asService(
    "test: read audit log",
    (trx) => {
      let q = trx.selectFrom("audit_log").selectAll().orderBy("id");
      if (where.action) q = q.where("action", "=", where.action);
      if (where.targetId) q = q.where("target_id", "=", where.targetId);
      return q.execute();
    },
    db,
  );
}

export async function auditCount(db: Db) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from public.audit_log`.execute(db);
  return rows[0]!.n;
}
