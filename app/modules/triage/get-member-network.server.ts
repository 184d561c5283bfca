import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";

/**
 * The network behind `slug` with the user's standing in it, or null when it does not exist or the
 * user is neither a member nor a platform admin (routes answer 404, as for a missing network).
 */
export async function getMemberNetwork(options: { user: SessionUser; slug: string }) {
  const row = await withUser(options.user, (trx) =>
    trx
      .selectFrom("networks")
      .leftJoin("network_members", (join) =>
        join.onRef("network_members.network_id", "=", "networks.id").on("network_members.profile_id", "=", options.user.id),
      )
      .select(["networks.id", "networks.slug", "networks.name", "network_members.role", sql<boolean>`app_private.is_platform_admin()`.as("is_admin")])
      .where("networks.slug", "=", options.slug)
      .executeTakeFirst(),
  );
  if (!row || (!row.role && !row.is_admin)) return null;
  return { id: row.id, slug: row.slug, name: row.name, isMember: Boolean(row.role), isCoordinator: row.role === "coordinator" || row.is_admin };
}
