import { sql } from "kysely";
import { withUser, type SessionUser, type Trx } from "~/db/client.server";
import type { IdeaStatus, Locale, StoryBenefitUnit } from "~/db/schema";
import { IDEA_STATUSES } from "~/modules/ideas/idea-vocabulary";
import { AppError } from "~/utils/app-error";
import { listInsightNetworks, type InsightNetwork } from "./list-insight-networks.server";
import { periodDates, type InsightFilters } from "./insight-period";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "./insight-vocabulary";

export { BREAKDOWN_DIMENSIONS, type BreakdownDimension };

export type FirstAnswerRow = {
  networkId: string | null;
  networkName: string | null;
  slaDays: number | null;
  submitted: number;
  answered: number;
  waiting: number;
  due: number;
  onTime: number;
  /** on time / due, 0–1; null when nothing was due yet. */
  onTimeShare: number | null;
  medianDays: number | null;
  p90Days: number | null;
};

export type BreakdownRow = { key: string | null; label: string | null; ideas: number; open: number };

/** Benefits from stories published in the period, summed only within one category, indicator and unit. */
export type StoryBenefitRow = { category: string; indicator: string; unit: StoryBenefitUnit; stories: number; baseline: number; after: number; change: number };

export type InsightDashboard = {
  networks: InsightNetwork[];
  /** The network the filter picked, or null for all the user's networks. */
  selected: InsightNetwork | null;
  /** The URL named a network the user may not see (or that does not exist): all networks are shown. */
  unknownNetwork: boolean;
  monthly: { month: string; received: number; closed: number }[];
  firstAnswers: FirstAnswerRow[];
  firstAnswersTotal: FirstAnswerRow;
  backlog: { networkId: string; networkName: string; open: number; overdue: number }[];
  backlogTotal: { open: number; overdue: number };
  funnel: { status: IdeaStatus; ideas: number }[];
  breakdowns: Record<BreakdownDimension, BreakdownRow[]>;
  /** Null when the user sees none of the networks in full (partner viewers). */
  workload: { networkName: string; ownerName: string | null; open: number; overdue: number }[] | null;
  sameNeed: { publicId: string; title: string; organisations: number }[];
  sameNeedTotal: number;
  /** Ideas received in the period; 0 means the period is empty. */
  receivedTotal: number;
  storyBenefits: StoryBenefitRow[];
};

type Numbers = { submitted: number; answered: number; waiting: number; due: number; on_time: number; median_days: number | null; p90_days: number | null };

function toFirstAnswerRow(row: Numbers | undefined, network: InsightNetwork | null): FirstAnswerRow {
  const due = row?.due ?? 0;
  const onTime = row?.on_time ?? 0;
  return {
    networkId: network?.id ?? null,
    networkName: network?.name ?? null,
    slaDays: network?.slaDays ?? null,
    submitted: row?.submitted ?? 0,
    answered: row?.answered ?? 0,
    waiting: row?.waiting ?? 0,
    due,
    onTime,
    onTimeShare: due > 0 ? onTime / due : null,
    medianDays: row?.median_days ?? null,
    p90Days: row?.p90_days ?? null,
  };
}

async function loadBreakdownLabels(trx: Trx, dimension: BreakdownDimension, keys: string[], locale: Locale) {
  const labels = new Map<string, string>();
  if (keys.length === 0) return labels;
  const nameColumn = locale === "nn" ? "name_nn" : locale === "en" ? "name_en" : "name_nb";
  if (dimension === "organisation") {
    for (const r of await trx.selectFrom("organisations").select(["id", "name"]).where("id", "in", keys).execute()) labels.set(r.id, r.name);
  } else if (dimension === "unit") {
    const rows = await trx
      .selectFrom("units")
      .innerJoin("organisations", "organisations.id", "units.organisation_id")
      .select(["units.id", "units.name", "organisations.name as organisation"])
      .where("units.id", "in", keys)
      .execute();
    for (const r of rows) labels.set(r.id, `${r.name} (${r.organisation})`);
  } else {
    const table = dimension === "theme" ? "themes" : "service_areas";
    for (const r of await trx.selectFrom(table).select(["id", `${nameColumn} as name`]).where("id", "in", keys).execute()) labels.set(r.id, r.name);
  }
  return labels;
}

/**
 * Every figure on /innsikt for the user's scope, the period and the optional network filter.
 * The scope is enforced in the database (public.insight_* functions): a network outside it yields nothing.
 * Throws AppError("no_insight_access") when the user may see no network at all.
 */
export async function loadInsightDashboard(options: { user: SessionUser; filters: InsightFilters; locale: Locale; now?: Date }): Promise<InsightDashboard> {
  const now = options.now ?? new Date();
  const { fromDate, toDate } = periodDates(options.filters);
  return withUser(options.user, async (trx) => {
    const networks = await listInsightNetworks(trx);
    if (networks.length === 0) throw new AppError("no_insight_access");
    const selected = options.filters.networkSlug ? (networks.find((n) => n.slug === options.filters.networkSlug) ?? null) : null;
    const ids = selected ? [selected.id] : null;
    const idsParam = ids ? sql`${ids}::uuid[]` : sql`null::uuid[]`;
    const byId = new Map(networks.map((n) => [n.id, n]));

    const monthly = await sql<{ month: string; received: number; closed: number }>`
      select * from public.insight_received_closed(${idsParam}, ${fromDate}::date, ${toDate}::date)`.execute(trx);
    const first = await sql<Numbers & { network_id: string | null }>`
      select * from public.insight_first_answers(${idsParam}, ${fromDate}::date, ${toDate}::date, ${now})`.execute(trx);
    const backlog = await sql<{ network_id: string | null; open: number; overdue: number }>`
      select * from public.insight_backlog(${idsParam}, ${now})`.execute(trx);
    const funnel = await sql<{ status: IdeaStatus; ideas: number }>`
      select * from public.insight_status_funnel(${idsParam}, ${fromDate}::date, ${toDate}::date)`.execute(trx);
    const { rows: breakdownRows } = await sql<{ dimension: BreakdownDimension; key: string | null; ideas: number; open: number }>`
      select * from public.insight_breakdowns(${idsParam}, ${fromDate}::date, ${toDate}::date)`.execute(trx);
    const breakdowns = {} as Record<BreakdownDimension, BreakdownRow[]>;
    for (const dimension of BREAKDOWN_DIMENSIONS) {
      const rows = breakdownRows.filter((r) => r.dimension === dimension);
      const labels = await loadBreakdownLabels(trx, dimension, rows.flatMap((r) => (r.key ? [r.key] : [])), options.locale);
      breakdowns[dimension] = rows.map((r) => ({ key: r.key, label: r.key ? (labels.get(r.key) ?? null) : null, ideas: r.ideas, open: r.open }));
    }
    const workload = await sql<{ network_id: string; owner_name: string | null; open: number; overdue: number }>`
      select * from public.insight_owner_workload(${idsParam}, ${now})`.execute(trx);
    const sameNeed = await sql<{ public_id: string; title: string; organisations: number }>`
      select * from public.insight_same_need(${idsParam}, ${fromDate}::date, ${toDate}::date)`.execute(trx);
    const storyBenefits = await sql<{ category: string; indicator: string; unit: StoryBenefitUnit; stories: number; baseline: string; after: string }>`
      select * from public.insight_story_benefits(${idsParam}, ${fromDate}::date, ${toDate}::date)`.execute(trx);

    const firstRows = first.rows.filter((r) => r.network_id !== null);
    const funnelCounts = new Map(funnel.rows.map((r) => [r.status, r.ideas]));
    const backlogTotal = backlog.rows.find((r) => r.network_id === null);
    const monthlyRows = monthly.rows.map((r) => ({ month: r.month.slice(0, 7), received: r.received, closed: r.closed }));
    return {
      networks,
      selected,
      unknownNetwork: Boolean(options.filters.networkSlug) && !selected,
      monthly: monthlyRows,
      firstAnswers: firstRows
        .map((r) => toFirstAnswerRow(r, byId.get(r.network_id!) ?? null))
        .sort((a, b) => (a.networkName ?? "").localeCompare(b.networkName ?? "", "nb")),
      firstAnswersTotal: toFirstAnswerRow(
        first.rows.find((r) => r.network_id === null),
        null,
      ),
      backlog: backlog.rows
        .filter((r) => r.network_id !== null)
        .map((r) => ({ networkId: r.network_id!, networkName: byId.get(r.network_id!)?.name ?? "", open: r.open, overdue: r.overdue }))
        .sort((a, b) => b.overdue - a.overdue || a.networkName.localeCompare(b.networkName, "nb")),
      backlogTotal: { open: backlogTotal?.open ?? 0, overdue: backlogTotal?.overdue ?? 0 },
      funnel: IDEA_STATUSES.map((status) => ({ status, ideas: funnelCounts.get(status) ?? 0 })),
      breakdowns,
      workload: networks.some((n) => n.fullAccess && (!selected || n.id === selected.id))
        ? workload.rows.map((r) => ({ networkName: byId.get(r.network_id)?.name ?? "", ownerName: r.owner_name, open: r.open, overdue: r.overdue }))
        : null,
      sameNeed: sameNeed.rows.map((r) => ({ publicId: r.public_id, title: r.title, organisations: r.organisations })),
      sameNeedTotal: sameNeed.rows.reduce((sum, r) => sum + r.organisations, 0),
      receivedTotal: monthlyRows.reduce((sum, r) => sum + r.received, 0),
      storyBenefits: storyBenefits.rows.map((r) => {
        const baseline = Number(r.baseline);
        const after = Number(r.after);
        return { category: r.category, indicator: r.indicator, unit: r.unit, stories: r.stories, baseline, after, change: Math.round((after - baseline) * 100) / 100 };
      }),
    };
  });
}
