import { withUser, type SessionUser } from "~/db/client.server";

/** Every organisation with its fallback network and how many domains and units it has. */
export async function listOrganisations(options: { user: SessionUser }) {
  return withUser(options.user, (trx) =>
    trx
      .selectFrom("organisations as o")
      .leftJoin("networks as f", "f.id", "o.fallback_network_id")
      .select((eb) => [
        "o.id",
        "o.slug",
        "o.name",
        "o.kind",
        "o.avvik_url",
        "f.name as fallback_network_name",
        eb.selectFrom("organisation_domains as d").select((e) => e.fn.countAll<number>().as("n")).whereRef("d.organisation_id", "=", "o.id").as("domain_count"),
        eb.selectFrom("units as u").select((e) => e.fn.countAll<number>().as("n")).whereRef("u.organisation_id", "=", "o.id").as("unit_count"),
      ])
      .orderBy("o.name")
      .execute(),
  );
}
