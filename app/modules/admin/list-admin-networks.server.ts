import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";

/** Networks the user administers: every network for admins, their own for coordinators. */
export async function listAdminNetworks(options: { user: SessionUser }) {
  return withUser(options.user, (trx) =>
    trx
      .selectFrom("networks as n")
      .leftJoin("organisations as o", "o.id", "n.owner_organisation_id")
      .leftJoin("organisation_groups as g", "g.id", "n.owner_group_id")
      .select((eb) => [
        "n.id",
        "n.slug",
        "n.name",
        "n.kind",
        "n.sla_first_answer_working_days",
        "n.sla_update_interval_days",
        sql<string>`coalesce(o.name, g.name)`.as("owner_name"),
        eb.selectFrom("network_members as m").select((e) => e.fn.countAll<number>().as("c")).whereRef("m.network_id", "=", "n.id").as("member_count"),
        eb
          .selectFrom("network_members as m")
          .select((e) => e.fn.countAll<number>().as("c"))
          .whereRef("m.network_id", "=", "n.id")
          .where("m.role", "=", "coordinator")
          .as("coordinator_count"),
      ])
      .where(sql<boolean>`app_private.is_platform_admin() or app_private.is_network_coordinator(n.id)`)
      .orderBy("n.name")
      .execute(),
  );
}
