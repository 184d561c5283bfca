import { withUser, type SessionUser } from "~/db/client.server";
import type { Locale } from "~/db/schema";

/** Names for the routing page's choices, in the reader's language. */
export async function loadRoutingOptions(options: { user: SessionUser; locale: Locale }) {
  const nameColumn = options.locale === "nn" ? "name_nn" : options.locale === "en" ? "name_en" : "name_nb";
  return withUser(options.user, async (trx) => {
    const [networks, organisations, groups, themes, serviceAreas] = await Promise.all([
      trx.selectFrom("networks").select(["id", "name"]).orderBy("name").execute(),
      trx.selectFrom("organisations").select(["id", "name"]).orderBy("name").execute(),
      trx.selectFrom("organisation_groups").select(["id", "name"]).orderBy("name").execute(),
      trx.selectFrom("themes").select(["id", `${nameColumn} as name`]).orderBy("sort_order").execute(),
      trx.selectFrom("service_areas").select(["id", `${nameColumn} as name`]).orderBy("sort_order").execute(),
    ]);
    return { networks, organisations, groups, themes, serviceAreas };
  });
}
