import { z } from "zod";
import type { IdeaStatus } from "~/db/schema";

export const IDEA_STATUSES = [
  "received",
  "under_review",
  "anchoring",
  "insight",
  "service_development",
  "piloting",
  "transition_to_operation",
  "new_practice",
  "not_prioritised",
  "merged",
  "withdrawn",
] as const satisfies readonly IdeaStatus[];

/** Shown unless the status filter asks for them. */
export const HIDDEN_BY_DEFAULT: readonly IdeaStatus[] = ["merged", "withdrawn"];

/** URL value → sort order. The URL words are Norwegian so a shared link reads well. */
export const SORTS = {
  relevans: "relevance",
  nyeste: "newest",
  "mest-stottet": "most_supported",
  oppdatert: "recently_updated",
  svarfrist: "answer_due",
} as const;
export type SortParam = keyof typeof SORTS;
export type SearchSort = (typeof SORTS)[SortParam];

export const PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 200;
const MAX_PAGE = 10_000;
const MAX_WORDS = 8;

const slug = z.string().trim().toLowerCase().regex(/^[a-z0-9-]{1,80}$/);

export type SearchQuery = {
  text: string;
  statuses: IdeaStatus[];
  network: string | null;
  organisation: string | null;
  region: string | null;
  serviceArea: string | null;
  theme: string | null;
  overdue: boolean;
  supportedByMe: boolean;
  mine: boolean;
  /** null: relevance when there is text, newest otherwise. */
  sort: SortParam | null;
  page: number;
};

/** Why a part of the URL was ignored; keys in the `search` namespace. */
export type SearchNotice = "notice.unknownStatus" | "notice.unknownSort" | "notice.badPage" | "notice.badFilter" | "notice.queryTruncated";

const flag = (value: string | null) => value === "1" || value === "on" || value === "true";

/**
 * Reads the search from the query string. Never throws: a value that does not fit is dropped
 * and named in `notices`, so a hand-edited or old link still gives a page.
 */
export function parseSearchParams(params: URLSearchParams): { query: SearchQuery; notices: SearchNotice[] } {
  const notices = new Set<SearchNotice>();
  const rawText = (params.get("q") ?? "").replace(/\s+/g, " ").trim();
  if (rawText.length > MAX_QUERY_LENGTH) notices.add("notice.queryTruncated");
  const text = rawText.slice(0, MAX_QUERY_LENGTH).trim();

  const statuses: IdeaStatus[] = [];
  for (const value of params.getAll("status")) {
    if (value.trim() === "") continue;
    const parsed = z.enum(IDEA_STATUSES).safeParse(value.trim());
    if (!parsed.success) notices.add("notice.unknownStatus");
    else if (!statuses.includes(parsed.data)) statuses.push(parsed.data);
  }

  const single = (name: string) => {
    const value = params.get(name);
    if (value === null || value.trim() === "") return null;
    const parsed = slug.safeParse(value);
    if (!parsed.success) {
      notices.add("notice.badFilter");
      return null;
    }
    return parsed.data;
  };

  let sort: SortParam | null = null;
  const sortValue = params.get("sorter");
  if (sortValue) {
    const parsed = z.enum(Object.keys(SORTS) as [SortParam, ...SortParam[]]).safeParse(sortValue);
    if (parsed.success) sort = parsed.data;
    else notices.add("notice.unknownSort");
  }

  let page = 1;
  const pageValue = params.get("side");
  if (pageValue !== null && pageValue !== "") {
    const parsed = z.coerce.number().int().min(1).max(MAX_PAGE).safeParse(pageValue);
    if (parsed.success && /^\d+$/.test(pageValue.trim())) page = parsed.data;
    else notices.add("notice.badPage");
  }

  return {
    query: {
      text,
      statuses,
      network: single("nettverk"),
      organisation: single("organisasjon"),
      region: single("region"),
      serviceArea: single("tjenesteomrade"),
      theme: single("tema"),
      overdue: flag(params.get("forsinket")),
      supportedByMe: flag(params.get("stottet")),
      mine: flag(params.get("mine")),
      sort,
      page,
    },
    notices: [...notices],
  };
}

/** The query string for a search (defaults left out), so links stay short and stable. */
export function searchParamsFor(query: SearchQuery, overrides: Partial<SearchQuery> = {}): string {
  const q = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (q.text) params.set("q", q.text);
  for (const status of q.statuses) params.append("status", status);
  if (q.network) params.set("nettverk", q.network);
  if (q.organisation) params.set("organisasjon", q.organisation);
  if (q.region) params.set("region", q.region);
  if (q.serviceArea) params.set("tjenesteomrade", q.serviceArea);
  if (q.theme) params.set("tema", q.theme);
  if (q.overdue) params.set("forsinket", "1");
  if (q.supportedByMe) params.set("stottet", "1");
  if (q.mine) params.set("mine", "1");
  if (q.sort) params.set("sorter", q.sort);
  if (q.page > 1) params.set("side", String(q.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function effectiveSort(query: Pick<SearchQuery, "sort" | "text">): SearchSort {
  if (query.sort) return SORTS[query.sort];
  return query.text ? "relevance" : "newest";
}

/**
 * Only letters and digits ever reach to_tsquery, so no user input can be tsquery syntax
 * (`&`, `|`, `!`, `:*`, `<->`, quotes, backslashes, brackets are all separators here).
 */
export function searchWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .filter((w) => w.length >= 2)
    .map((w) => w.slice(0, 60))
    .filter((w, i, all) => all.indexOf(w) === i)
    .slice(0, MAX_WORDS);
}
