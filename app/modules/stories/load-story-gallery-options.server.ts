import type { Locale } from "~/db/schema";
import type { SearchOption } from "~/modules/search/load-search-options.server";
import type { StorySearchNotice, StorySearchQuery } from "./story-search-schema";
import { asViewer, type StoryViewer } from "./story-viewer";

const nameColumn = { nb: "name_nb", nn: "name_nn", en: "name_en" } as const;
export type StoryGalleryOptions = { themes: SearchOption[]; serviceAreas: SearchOption[]; organisations: SearchOption[]; regions: SearchOption[] };

/** The gallery's filter choices by slug (what the URL carries), also for visitors who are not signed in. */
export async function loadStoryGalleryOptions(options: { viewer: StoryViewer; locale: Locale }): Promise<StoryGalleryOptions> {
  const name = nameColumn[options.locale];
  return asViewer(options.viewer, async (trx) => {
    const [themes, serviceAreas, organisations, regions] = await Promise.all([
      trx.selectFrom("themes").select(["slug as value", `${name} as label`]).where("active", "=", true).orderBy("sort_order").execute(),
      trx.selectFrom("service_areas").select(["slug as value", `${name} as label`]).where("active", "=", true).orderBy("sort_order").execute(),
      trx.selectFrom("organisations").select(["slug as value", "name as label"]).orderBy("name").execute(),
      trx.selectFrom("organisation_groups").select(["slug as value", "name as label"]).orderBy("name").execute(),
    ]);
    return { themes, serviceAreas, organisations, regions };
  });
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
