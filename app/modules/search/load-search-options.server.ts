import { getDatabase, withAnon, type Db } from "~/db/client.server";
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

/**
 * How long one process reuses the filter choices. They are reference data (networks, organisations,
 * regions, service areas, themes) that only administrators change; this process forgets them at
 * once when its own admin pages change them (invalidateSearchOptions), other instances within
 * this many milliseconds.
 */
export const SEARCH_OPTIONS_TTL_MS = 30_000;

type Cached = { at: number; generation: number; value: Promise<SearchOptions> };
// Per database (tests open one per file) and locale.
const cache = new WeakMap<Db, Map<Locale, Cached>>();
let generation = 0;

/** Called by the admin operations that change networks, organisations, service areas or themes. */
export function invalidateSearchOptions() {
  generation++;
}

async function readSearchOptions(locale: Locale, db: Db): Promise<SearchOptions> {
  const name = nameColumn[locale];
  return withAnon(
    async (trx) => {
      const [networks, organisations, regions, serviceAreas, themes] = await Promise.all([
        trx.selectFrom("networks").select(["slug as value", "name as label"]).orderBy("name").execute(),
        trx.selectFrom("organisations").select(["slug as value", "name as label"]).orderBy("name").execute(),
        trx.selectFrom("organisation_groups").select(["slug as value", "name as label"]).orderBy("name").execute(),
        trx.selectFrom("service_areas").select(["slug as value", `${name} as label`]).where("active", "=", true).orderBy("sort_order").execute(),
        trx.selectFrom("themes").select(["slug as value", `${name} as label`]).where("active", "=", true).orderBy("sort_order").execute(),
      ]);
      return { networks, organisations, regions, serviceAreas, themes };
    },
    db,
  );
}

/**
 * The choices for the filters, by slug (what the URL carries), in the reader's language: the idea
 * list's and the story gallery's.
 *
 * Read as an anonymous visitor (RLS applies) and shared by every reader of this process for a short
 * while: the select policies of these five tables are `using (true)` for anon and authenticated, so
 * every reader gets the same rows. If one of them ever depends on the reader, this cache must go.
 */
export async function loadSearchOptions(options: { locale: Locale }): Promise<SearchOptions> {
  const db = getDatabase().db;
  let perLocale = cache.get(db);
  if (!perLocale) {
    perLocale = new Map();
    cache.set(db, perLocale);
  }
  const now = Date.now();
  const hit = perLocale.get(options.locale);
  if (hit && hit.generation === generation && now - hit.at < SEARCH_OPTIONS_TTL_MS) return hit.value;
  const value = readSearchOptions(options.locale, db);
  const entry = { at: now, generation, value };
  perLocale.set(options.locale, entry);
  // A failed read is not kept.
  value.catch(() => {
    if (perLocale.get(options.locale) === entry) perLocale.delete(options.locale);
  });
  return value;
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
