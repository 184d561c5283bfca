import type { IdeaStatus } from "~/db/schema";

// Kept free of zod: the search form and the idea list import these in the browser, and the
// list is a read page with a JavaScript budget (bench/RESULTS.md).

export { IDEA_STATUSES } from "~/modules/ideas/idea-vocabulary";

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
