import { withUser, type SessionUser } from "~/db/client.server";
import type { Locale } from "~/db/schema";
import type { SearchNotice, SearchQuery } from "./search-query-schema";

export type SearchOption = { value: string; label: string };
export type SearchOptions = {
  networks: SearchOption[];
  organisations: SearchOption[];
  regions: SearchOption[];
  serviceAreas: SearchOption[];
  themes: SearchOption[];
};

const nameColumn = { nb: "name_nb", nn: "name_nn", en: "name_en" } as const;

/** The choices for the filters, by slug (what the URL carries), in the user's language. */
export async function loadSearchOptions(options: { user: SessionUser; locale: Locale }): Promise<SearchOptions> {
  const name = nameColumn[options.locale];
  return withUser(options.user, async (trx) => {
    const [networks, organisations, regions, serviceAreas, themes] = await Promise.all([
      trx.selectFrom("networks").select(["slug as value", "name as label"]).orderBy("name").execute(),
      trx.selectFrom("organisations").select(["slug as value", "name as label"]).orderBy("name").execute(),
      trx.selectFrom("organisation_groups").select(["slug as value", "name as label"]).orderBy("name").execute(),
      trx.selectFrom("service_areas").select(["slug as value", `${name} as label`]).where("active", "=", true).orderBy("sort_order").execute(),
      trx.selectFrom("themes").select(["slug as value", `${name} as label`]).where("active", "=", true).orderBy("sort_order").execute(),
    ]);
    return { networks, organisations, regions, serviceAreas, themes };
  });
}

/** A filter naming something that does not exist is dropped (and said so), not searched for. */
export function dropUnknownFilters(query: SearchQuery, options: SearchOptions): { query: SearchQuery; notices: SearchNotice[] } {
  let unknown = false;
  const known = (value: string | null, list: SearchOption[]) => {
    if (value === null) return null;
    if (list.some((o) => o.value === value)) return value;
    unknown = true;
    return null;
  };
  const cleaned: SearchQuery = {
    ...query,
    network: known(query.network, options.networks),
    organisation: known(query.organisation, options.organisations),
    region: known(query.region, options.regions),
    serviceArea: known(query.serviceArea, options.serviceAreas),
    theme: known(query.theme, options.themes),
  };
  return { query: cleaned, notices: unknown ? ["notice.badFilter"] : [] };
}
