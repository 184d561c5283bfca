import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";

/** The database refuses to remove the last coordinator. */
export async function removeNetworkMember(options: { user: SessionUser; networkId: string; profileId: string }) {
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      const result = await trx
        .deleteFrom("network_members")
        .where("network_id", "=", options.networkId)
        .where("profile_id", "=", options.profileId)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new AppError("not_allowed");
    }),
  );
}
