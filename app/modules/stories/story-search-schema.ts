import { z } from "zod";
import { BENEFIT_CATEGORIES } from "~/modules/ideas/idea-vocabulary";
import { MAX_QUERY_LENGTH } from "~/modules/search/search-query-schema";

export const STORY_PAGE_SIZE = 12;
const MAX_PAGE = 1000;

export type StorySearchQuery = {
  text: string;
  theme: string | null;
  serviceArea: string | null;
  organisation: string | null;
  region: string | null;
  benefitCategory: (typeof BENEFIT_CATEGORIES)[number] | null;
  page: number;
};

/** Why a part of the URL was ignored; keys in the `stories` namespace. */
export type StorySearchNotice = "gallery.notice.badFilter" | "gallery.notice.badPage" | "gallery.notice.queryTruncated";

const slug = z.string().trim().toLowerCase().regex(/^[a-z0-9-]{1,80}$/);

/**
 * The gallery search from the query string, with the same Norwegian words as the idea search
 * (q, tema, tjenesteomrade, organisasjon, region) plus `gevinst`. Never throws: a value that does
 * not fit is dropped and named in `notices`.
 */
export function parseStorySearchParams(params: URLSearchParams): { query: StorySearchQuery; notices: StorySearchNotice[] } {
  const notices = new Set<StorySearchNotice>();
  const rawText = (params.get("q") ?? "").replace(/\s+/g, " ").trim();
  if (rawText.length > MAX_QUERY_LENGTH) notices.add("gallery.notice.queryTruncated");
  const single = (name: string) => {
    const value = params.get(name);
    if (value === null || value.trim() === "") return null;
    const parsed = slug.safeParse(value);
    if (!parsed.success) {
      notices.add("gallery.notice.badFilter");
      return null;
    }
    return parsed.data;
  };
  let benefitCategory: StorySearchQuery["benefitCategory"] = null;
  const category = params.get("gevinst");
  if (category) {
    const parsed = z.enum(BENEFIT_CATEGORIES).safeParse(category.trim());
    if (parsed.success) benefitCategory = parsed.data;
    else notices.add("gallery.notice.badFilter");
  }
  let page = 1;
  const pageValue = params.get("side");
  if (pageValue !== null && pageValue !== "") {
    const parsed = z.coerce.number().int().min(1).max(MAX_PAGE).safeParse(pageValue);
    if (parsed.success && /^\d+$/.test(pageValue.trim())) page = parsed.data;
    else notices.add("gallery.notice.badPage");
  }
  return {
    query: {
      text: rawText.slice(0, MAX_QUERY_LENGTH).trim(),
      theme: single("tema"),
      serviceArea: single("tjenesteomrade"),
      organisation: single("organisasjon"),
      region: single("region"),
      benefitCategory,
      page,
    },
    notices: [...notices],
  };
}

export function storySearchParamsFor(query: StorySearchQuery, overrides: Partial<StorySearchQuery> = {}): string {
  const q = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (q.text) params.set("q", q.text);
  if (q.theme) params.set("tema", q.theme);
  if (q.serviceArea) params.set("tjenesteomrade", q.serviceArea);
  if (q.organisation) params.set("organisasjon", q.organisation);
  if (q.region) params.set("region", q.region);
  if (q.benefitCategory) params.set("gevinst", q.benefitCategory);
  if (q.page > 1) params.set("side", String(q.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
