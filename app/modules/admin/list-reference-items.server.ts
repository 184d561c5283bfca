import { withUser, type SessionUser } from "~/db/client.server";

/** Themes and service areas, active or not, in their sort order. */
export async function listReferenceItems(options: { user: SessionUser }) {
  return withUser(options.user, async (trx) => {
    const columns = ["id", "slug", "name_nb", "name_nn", "name_en", "sort_order", "active"] as const;
    const [themes, serviceAreas] = await Promise.all([
      trx.selectFrom("themes").select(columns).orderBy("sort_order").orderBy("slug").execute(),
      trx.selectFrom("service_areas").select(columns).orderBy("sort_order").orderBy("slug").execute(),
    ]);
    return { themes, serviceAreas };
  });
}
