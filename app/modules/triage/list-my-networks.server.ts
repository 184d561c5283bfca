import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import { CLOSED_STATUSES } from "~/modules/ideas/idea-vocabulary";

/** The networks the user belongs to, with open, unassigned and overdue counts. */
export async function listMyNetworks(options: { user: SessionUser; now?: Date }) {
  const now = options.now ?? new Date();
  return withUser(options.user, (trx) =>
    trx
      .selectFrom("network_members")
      .innerJoin("networks", "networks.id", "network_members.network_id")
      .leftJoin("ideas", (join) => join.onRef("ideas.network_id", "=", "networks.id").on("ideas.status", "not in", [...CLOSED_STATUSES]))
      .select([
        "networks.id",
        "networks.slug",
        "networks.name",
        "network_members.role",
        sql<number>`count(ideas.id)::int`.as("open"),
        sql<number>`(count(ideas.id) filter (where ideas.owner_id is null))::int`.as("unassigned"),
        sql<number>`(count(ideas.id) filter (where ideas.next_due_at < ${now}))::int`.as("overdue"),
      ])
      .where("network_members.profile_id", "=", options.user.id)
      .groupBy(["networks.id", "networks.slug", "networks.name", "network_members.role"])
      .orderBy("networks.name")
      .execute(),
  );
}
