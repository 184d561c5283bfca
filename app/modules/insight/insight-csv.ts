import type { TFunction } from "i18next";
import type { Locale } from "~/db/schema";
import { benefitNumberForInput } from "~/modules/stories/format-benefit-number";
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
  "gevinster",
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

/** Semicolon-separated, as Excel with Norwegian settings expects (docs/decisions/008-csv-format.md). */
export const CSV_SEPARATOR = ";";

// A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe.
function cell(value: Cell, locale: Locale) {
  if (value === null) return "";
  // At most two decimals, no thousands separator, decimal comma in nb/nn and point in en.
  if (typeof value === "number") return benefitNumberForInput(value, locale);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function share(value: number | null) {
  return value === null ? null : Math.round(value * 1000) / 10;
}

/**
 * One table of the dashboard as CSV (UTF-8 with BOM, semicolons, CRLF line ends; numbers in the
 * reader's language). A table without any figures in the period gets its header and one line
 * saying so — never an error.
 */
export function buildInsightCsv(dashboard: InsightDashboard, dataset: InsightDataset, t: TFunction, filters: InsightFilters, locale: Locale) {
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
    case "gevinster":
      header = [tt("benefitCategory"), tt("indicator"), tt("unit"), tt("stories"), tt("baseline"), tt("after"), tt("change")];
      rows = dashboard.storyBenefits.map((r) => [
        t(`benefits.${r.category}`, { ns: "ideas" }),
        r.indicator,
        t(`units.${r.unit}`, { ns: "stories" }),
        r.stories,
        r.baseline,
        r.after,
        r.change,
      ]);
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
  return `\uFEFF${[header, ...rows].map((r) => r.map((value) => cell(value, locale)).join(CSV_SEPARATOR)).join("\r\n")}\r\n`;
}

/** A file name that says what and when, e.g. innsikt-status-2026-01-2026-06.csv. */
export function insightCsvFileName(dataset: InsightDataset, filters: InsightFilters) {
  return `innsikt-${dataset}${filters.networkSlug ? `-${filters.networkSlug}` : ""}-${filters.from}-${filters.to}.csv`;
}
