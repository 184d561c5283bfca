import { sql } from "kysely";
import type { Trx } from "~/db/client.server";

export type InsightNetwork = { id: string; slug: string; name: string; slaDays: number; fullAccess: boolean };

/** The networks the signed-in user may see figures for (the database decides; empty for employees outside networks). */
export async function listInsightNetworks(trx: Trx): Promise<InsightNetwork[]> {
  const { rows } = await sql<{ id: string; slug: string; name: string; sla_first_answer_working_days: number; full_access: boolean }>`
    select * from public.insight_networks()`.execute(trx);
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, slaDays: r.sla_first_answer_working_days, fullAccess: r.full_access }));
}
