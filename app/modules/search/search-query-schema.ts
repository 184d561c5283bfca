import { z } from "zod";
import type { IdeaStatus } from "~/db/schema";
import { IDEA_STATUSES, MAX_QUERY_LENGTH, SORTS, type SearchNotice, type SearchQuery, type SortParam } from "./search-query-params";

export {
  effectiveSort,
  HIDDEN_BY_DEFAULT,
  IDEA_STATUSES,
  MAX_QUERY_LENGTH,
  PAGE_SIZE,
  searchParamsFor,
  SORTS,
  type SearchNotice,
  type SearchQuery,
  type SearchSort,
  type SortParam,
} from "./search-query-params";

const MAX_PAGE = 10_000;
const MAX_WORDS = 8;

const slug = z.string().trim().toLowerCase().regex(/^[a-z0-9-]{1,80}$/);

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
