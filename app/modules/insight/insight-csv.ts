import type { TFunction } from "i18next";
import type { BreakdownDimension } from "./insight-vocabulary";
import type { InsightDashboard } from "./load-insight-dashboard.server";
import type { InsightFilters } from "./insight-period";

/** The CSV files offered on /innsikt, by the name in their URL (/innsikt/csv/<name>). */
export const INSIGHT_DATASETS = [
  "maned",
  "svartid",
  "forfalt",
  "status",
  "organisasjon",
  "enhet",
  "tjenesteomrade",
  "tema",
  "arbeidsmengde",
  "samme-behov",
] as const;
export type InsightDataset = (typeof INSIGHT_DATASETS)[number];

export function isInsightDataset(value: unknown): value is InsightDataset {
  return typeof value === "string" && (INSIGHT_DATASETS as readonly string[]).includes(value);
}

export const BREAKDOWN_DATASETS: Record<BreakdownDimension, InsightDataset> = {
  organisation: "organisasjon",
  unit: "enhet",
  service_area: "tjenesteomrade",
  theme: "tema",
};

type Cell = string | number | null;

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe.
function cell(value: Cell) {
  if (value === null) return "";
  let text = typeof value === "number" ? String(Math.round(value * 100) / 100) : value;
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function share(value: number | null) {
  return value === null ? null : Math.round(value * 1000) / 10;
}

/**
 * One table of the dashboard as CSV (UTF-8 with BOM for spreadsheets, CRLF line ends). A table without
 * any figures in the period gets its header and one line saying so — never an error.
 */
export function buildInsightCsv(dashboard: InsightDashboard, dataset: InsightDataset, t: TFunction, filters: InsightFilters) {
  const tt = (key: string, values?: Record<string, unknown>) => t(`csv.${key}`, { ns: "insight", ...values });
  let header: string[];
  let rows: Cell[][];
  switch (dataset) {
    case "maned":
      header = [tt("month"), tt("received"), tt("closed")];
      rows = dashboard.monthly.some((m) => m.received || m.closed) ? dashboard.monthly.map((m) => [m.month, m.received, m.closed]) : [];
      break;
    case "svartid":
      header = [tt("network"), tt("slaDays"), tt("submitted"), tt("answered"), tt("waiting"), tt("due"), tt("onTime"), tt("onTimePercent"), tt("medianDays"), tt("p90Days")];
      rows = [...dashboard.firstAnswers, ...(dashboard.firstAnswers.length ? [dashboard.firstAnswersTotal] : [])].map((r) => [
        r.networkName ?? tt("total"),
        r.slaDays,
        r.submitted,
        r.answered,
        r.waiting,
        r.due,
        r.onTime,
        share(r.onTimeShare),
        r.medianDays,
        r.p90Days,
      ]);
      break;
    case "forfalt":
      header = [tt("network"), tt("open"), tt("overdue")];
      rows = dashboard.backlog.map((r) => [r.networkName, r.open, r.overdue]);
      break;
    case "status":
      header = [tt("status"), tt("ideas")];
      rows = dashboard.funnel.some((r) => r.ideas) ? dashboard.funnel.map((r) => [t(`status.${r.status}`, { ns: "ideas" }), r.ideas]) : [];
      break;
    case "arbeidsmengde":
      header = [tt("network"), tt("owner"), tt("open"), tt("overdue")];
      rows = (dashboard.workload ?? []).map((r) => [r.networkName, r.ownerName ?? tt("noOwner"), r.open, r.overdue]);
      break;
    case "samme-behov":
      header = [tt("idea"), tt("title"), tt("organisations")];
      rows = dashboard.sameNeed.map((r) => [r.publicId, r.title, r.organisations]);
      break;
    default: {
      const dimension = (Object.keys(BREAKDOWN_DATASETS) as BreakdownDimension[]).find((d) => BREAKDOWN_DATASETS[d] === dataset)!;
      header = [tt(`dimension.${dimension}`), tt("ideas"), tt("open")];
      rows = dashboard.breakdowns[dimension].map((r) => [r.label ?? tt("unknown"), r.ideas, r.open]);
    }
  }
  if (rows.length === 0) {
    rows = [[tt("empty", { from: filters.from, to: filters.to }), ...header.slice(1).map(() => null)]];
  }
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** A file name that says what and when, e.g. innsikt-status-2026-01-2026-06.csv. */
export function insightCsvFileName(dataset: InsightDataset, filters: InsightFilters) {
  return `innsikt-${dataset}${filters.networkSlug ? `-${filters.networkSlug}` : ""}-${filters.from}-${filters.to}.csv`;
}
