import type { Locale } from "~/db/schema";
import { loadSearchOptions, type SearchOption } from "~/modules/search/load-search-options.server";
import type { StorySearchNotice, StorySearchQuery } from "./story-search-schema";

export type StoryGalleryOptions = { themes: SearchOption[]; serviceAreas: SearchOption[]; organisations: SearchOption[]; regions: SearchOption[] };

/**
 * The gallery's filter choices by slug (what the URL carries), also for visitors who are not signed
 * in: the same reference data as the idea list's filters, from the same short-lived cache.
 */
export async function loadStoryGalleryOptions(options: { locale: Locale }): Promise<StoryGalleryOptions> {
  const { themes, serviceAreas, organisations, regions } = await loadSearchOptions(options);
  return { themes, serviceAreas, organisations, regions };
}

/** A filter naming something that does not exist is dropped (and said so), not searched for. */
export function dropUnknownStoryFilters(query: StorySearchQuery, options: StoryGalleryOptions): { query: StorySearchQuery; notices: StorySearchNotice[] } {
  let unknown = false;
  const known = (value: string | null, list: SearchOption[]) => {
    if (value === null) return null;
    if (list.some((o) => o.value === value)) return value;
    unknown = true;
    return null;
  };
  return {
    query: {
      ...query,
      theme: known(query.theme, options.themes),
      serviceArea: known(query.serviceArea, options.serviceAreas),
      organisation: known(query.organisation, options.organisations),
      region: known(query.region, options.regions),
    },
    notices: unknown ? ["gallery.notice.badFilter"] : [],
  };
}
