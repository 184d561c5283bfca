import { withUser, type SessionUser } from "~/db/client.server";
import type { NetworkRole } from "~/db/schema";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";

/** Member ↔ coordinator. The database refuses to leave the network without a coordinator. */
export async function changeNetworkMemberRole(options: { user: SessionUser; networkId: string; profileId: string; role: NetworkRole }) {
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      const row = await trx
        .updateTable("network_members")
        .set({ role: options.role })
        .where("network_id", "=", options.networkId)
        .where("profile_id", "=", options.profileId)
        .returning("profile_id")
        .executeTakeFirst();
      if (!row) throw new AppError("not_allowed");
    }),
  );
}
