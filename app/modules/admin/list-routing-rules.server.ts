import { withUser, type SessionUser } from "~/db/client.server";

/** The rules in the order they are tried, and organisations that lack a fallback network. */
export async function listRoutingRules(options: { user: SessionUser }) {
  return withUser(options.user, async (trx) => {
    const [rules, withoutFallback] = await Promise.all([
      trx
        .selectFrom("routing_rules as r")
        .innerJoin("networks as n", "n.id", "r.network_id")
        .select([
          "r.id",
          "r.position",
          "r.name",
          "r.network_id",
          "n.name as network_name",
          "r.match_organisation_ids",
          "r.match_group_ids",
          "r.match_theme_ids",
          "r.match_service_area_ids",
          "r.match_several_municipalities",
          "r.active",
        ])
        .orderBy("r.position")
        .execute(),
      trx.selectFrom("organisations").select(["id", "name"]).where("fallback_network_id", "is", null).orderBy("name").execute(),
    ]);
    return { rules, withoutFallback };
  });
}
