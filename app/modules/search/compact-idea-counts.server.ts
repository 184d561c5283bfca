import { sql } from "kysely";
import { asService, getDatabase, type Db } from "~/db/client.server";

/**
 * Folds the idea list's per-status count deltas into one row per group
 * (app_private.idea_count_deltas, 20261124110000_idea_status_counts.sql). Run by the SLA job loop;
 * the counts are exact without it, it only keeps their table small.
 */
export async function compactIdeaCounts(db: Db = getDatabase().db) {
  await asService("fold the idea count deltas (a job, no user)", (trx) => sql`select app_private.compact_idea_counts()`.execute(trx), db);
}
