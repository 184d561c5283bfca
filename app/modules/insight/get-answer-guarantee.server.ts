import { sql } from "kysely";
import { withAnon } from "~/db/client.server";

export type AnswerGuaranteeRow = {
  networkSlug: string;
  networkName: string;
  slaDays: number;
  /** Ideas whose first answer was due (or given) in the last 12 months. */
  due: number;
  onTime: number;
  /** on time / due, 0–1; null when nothing was due. */
  onTimeShare: number | null;
  medianDays: number | null;
  openOverdue: number;
};

/** The public answer guarantee per network over the 12 months before `now`: aggregates only, read as an anonymous visitor. */
export async function getAnswerGuarantee(options: { now?: Date } = {}): Promise<AnswerGuaranteeRow[]> {
  const now = options.now ?? new Date();
  return withAnon(async (trx) => {
    const { rows } = await sql<{
      network_slug: string;
      network_name: string;
      sla_first_answer_working_days: number;
      due: number;
      on_time: number;
      median_days: number | null;
      open_overdue: number;
    }>`select * from public.answer_guarantee(${now})`.execute(trx);
    return rows.map((r) => ({
      networkSlug: r.network_slug,
      networkName: r.network_name,
      slaDays: r.sla_first_answer_working_days,
      due: r.due,
      onTime: r.on_time,
      onTimeShare: r.due > 0 ? r.on_time / r.due : null,
      medianDays: r.median_days,
      openOverdue: r.open_overdue,
    }));
  });
}
