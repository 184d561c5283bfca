import { z } from "zod";

/** The dashboard's filters as the URL carries them: `fra` and `til` (YYYY-MM, inclusive) and `nettverk` (a slug). */
export type InsightFilters = {
  from: string;
  to: string;
  networkSlug: string | null;
};

export type InsightNotice = "badFrom" | "badTo" | "swapped" | "tooLong";

export const MAX_PERIOD_MONTHS = 36;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const slugSchema = z.string().regex(/^[a-z0-9-]{1,100}$/);

function monthIndex(month: string) {
  const [year, m] = month.split("-").map(Number);
  return year * 12 + (m - 1);
}

function fromIndex(index: number) {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The Oslo month `instant` falls in, as YYYY-MM. */
export function osloMonth(instant: Date) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit" }).formatToParts(instant);
  return `${parts.find((p) => p.type === "year")!.value}-${parts.find((p) => p.type === "month")!.value}`;
}

export function addMonths(month: string, months: number) {
  return fromIndex(monthIndex(month) + months);
}

/** Months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string) {
  return monthIndex(to) - monthIndex(from) + 1;
}

function parseMonth(value: string | null) {
  if (value === null || value === "") return { month: null, bad: false };
  const trimmed = value.trim();
  const match = monthPattern.exec(trimmed);
  if (!match || Number(match[1]) < 2000 || Number(match[1]) > 2100) return { month: null, bad: true };
  return { month: trimmed, bad: false };
}

/** Reads the filters from the query string; nonsense falls back to the last 12 months and is reported, never an error. */
export function parseInsightFilters(params: URLSearchParams, now: Date = new Date()): { filters: InsightFilters; notices: InsightNotice[] } {
  const notices: InsightNotice[] = [];
  const current = osloMonth(now);
  const from = parseMonth(params.get("fra"));
  const to = parseMonth(params.get("til"));
  if (from.bad) notices.push("badFrom");
  if (to.bad) notices.push("badTo");
  let end = to.month ?? current;
  let start = from.month ?? addMonths(end, -11);
  if (monthIndex(start) > monthIndex(end)) {
    [start, end] = [end, start];
    notices.push("swapped");
  }
  if (monthsBetween(start, end) > MAX_PERIOD_MONTHS) {
    start = addMonths(end, -(MAX_PERIOD_MONTHS - 1));
    notices.push("tooLong");
  }
  const slug = slugSchema.safeParse(params.get("nettverk") ?? "");
  return { filters: { from: start, to: end, networkSlug: slug.success ? slug.data : null }, notices };
}

/** The period as Oslo dates for the SQL functions: [first day of `from`, first day after `to`). */
export function periodDates(filters: Pick<InsightFilters, "from" | "to">) {
  return { fromDate: `${filters.from}-01`, toDate: `${addMonths(filters.to, 1)}-01` };
}

/** The query string for these filters (for links to CSV files and back to the page). */
export function filtersQuery(filters: InsightFilters) {
  const params = new URLSearchParams({ fra: filters.from, til: filters.to });
  if (filters.networkSlug) params.set("nettverk", filters.networkSlug);
  return params.toString();
}
