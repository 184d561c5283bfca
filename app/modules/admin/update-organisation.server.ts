import { withUser, type SessionUser } from "~/db/client.server";
import type { OrganisationKind } from "~/db/schema";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";
import { invalidateSearchOptions } from "~/modules/search/load-search-options.server";

/** Name, kind, avvik link and fallback network (the database refuses to clear the fallback). */
export async function updateOrganisation(options: {
  user: SessionUser;
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  avvikUrl?: string | null;
  fallbackNetworkId: string;
}) {
  // The search page caches the filter choices (networks, organisations, themes, service areas).
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      const row = await trx
        .updateTable("organisations")
        .set({ name: options.name, kind: options.kind, avvik_url: options.avvikUrl ?? null, fallback_network_id: options.fallbackNetworkId })
        .where("id", "=", options.organisationId)
        .returning("id")
        .executeTakeFirst();
      if (!row) throw new AppError("not_allowed");
      return row;
    }),
  ).finally(invalidateSearchOptions);
}
