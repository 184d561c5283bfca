import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";

/**
 * A network with its members, if the user administers it (platform admin or its coordinator);
 * null otherwise, so routes answer 404 without telling whether it exists.
 */
export async function getAdminNetwork(options: { user: SessionUser; slug: string }) {
  return withUser(options.user, async (trx) => {
    const network = await trx
      .selectFrom("networks")
      .select([
        "id",
        "slug",
        "name",
        "description",
        "kind",
        "owner_organisation_id",
        "owner_group_id",
        "sla_first_answer_working_days",
        "sla_update_interval_days",
        sql<boolean>`app_private.is_platform_admin()`.as("is_admin"),
        sql<boolean>`app_private.is_network_coordinator(networks.id)`.as("is_coordinator"),
      ])
      .where("slug", "=", options.slug)
      .executeTakeFirst();
    if (!network || (!network.is_admin && !network.is_coordinator)) return null;
    // Members' names come from the membership list the network itself shows (profiles_select
    // lets everyone see network members).
    const members = await trx
      .selectFrom("network_members as m")
      .innerJoin("profiles as p", "p.id", "m.profile_id")
      .innerJoin("organisations as o", "o.id", "p.organisation_id")
      .select(["m.profile_id", "m.role", "p.full_name", "p.email", "o.name as organisation_name"])
      .where("m.network_id", "=", network.id)
      .orderBy("m.role", "desc")
      .orderBy("p.full_name")
      .execute();
    const openIdeas = await trx
      .selectFrom("ideas")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("network_id", "=", network.id)
      .where("status", "not in", ["new_practice", "not_prioritised", "merged", "withdrawn"])
      .executeTakeFirstOrThrow();
    return { ...network, members, openIdeas: Number(openIdeas.n) };
  });
}
