import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";
import { invalidateSearchOptions } from "~/modules/search/load-search-options.server";

/**
 * Platform admins only. The database refuses while the network owns open ideas, is an
 * organisation's fallback, or has a history of ideas or stories (those keep pointing at it).
 */
export async function deleteNetwork(options: { user: SessionUser; networkId: string }) {
  // The search page caches the filter choices (networks, organisations, themes, service areas).
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      const result = await trx.deleteFrom("networks").where("id", "=", options.networkId).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new AppError("not_allowed");
    }),
  ).finally(invalidateSearchOptions);
}
