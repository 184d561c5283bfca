import { withUser, type SessionUser } from "~/db/client.server";

/** Themes, service areas and the avvik link for the submission form. */
export async function loadIdeaFormOptions(options: { user: SessionUser & { organisationId: string } }) {
  return withUser(options.user, async (trx) => {
    const [themes, serviceAreas, organisation, domains] = await Promise.all([
      trx.selectFrom("themes").select(["id", "slug", "name_nb", "name_nn", "name_en"]).where("active", "=", true).orderBy("sort_order").execute(),
      trx.selectFrom("service_areas").select(["id", "slug", "name_nb", "name_nn", "name_en"]).where("active", "=", true).orderBy("sort_order").execute(),
      trx.selectFrom("organisations").select(["name", "avvik_url"]).where("id", "=", options.user.organisationId).executeTakeFirstOrThrow(),
      trx.selectFrom("organisation_domains").select("domain").execute(),
    ]);
    return {
      themes,
      serviceAreas,
      organisationName: organisation.name,
      avvikUrl: organisation.avvik_url,
      workEmailDomains: domains.map((d) => d.domain),
    };
  });
}
