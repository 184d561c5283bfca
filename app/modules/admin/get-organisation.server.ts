import { withUser, type SessionUser } from "~/db/client.server";

/** One organisation with its e-mail domains and units, or null. */
export async function getOrganisation(options: { user: SessionUser; organisationId: string }) {
  return withUser(options.user, async (trx) => {
    const organisation = await trx
      .selectFrom("organisations")
      .select(["id", "slug", "name", "kind", "avvik_url", "fallback_network_id"])
      .where("id", "=", options.organisationId)
      .executeTakeFirst();
    if (!organisation) return null;
    const [domains, units] = await Promise.all([
      trx.selectFrom("organisation_domains").select("domain").where("organisation_id", "=", organisation.id).orderBy("domain").execute(),
      trx.selectFrom("units").select(["id", "name"]).where("organisation_id", "=", organisation.id).orderBy("name").execute(),
    ]);
    return { ...organisation, domains: domains.map((d) => d.domain), units };
  });
}
