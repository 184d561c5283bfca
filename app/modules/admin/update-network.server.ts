import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";
import { invalidateSearchOptions } from "~/modules/search/load-search-options.server";

/** Name and description (admins and the network's coordinators). */
export async function updateNetwork(options: { user: SessionUser; networkId: string; name: string; description?: string | null }) {
  // The search page caches the filter choices (networks, organisations, themes, service areas).
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      const row = await trx
        .updateTable("networks")
        .set({ name: options.name, description: options.description || null })
        .where("id", "=", options.networkId)
        .returning("id")
        .executeTakeFirst();
      if (!row) throw new AppError("not_allowed");
    }),
  ).finally(invalidateSearchOptions);
}
