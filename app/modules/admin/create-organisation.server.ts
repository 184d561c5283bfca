import { withUser, type SessionUser } from "~/db/client.server";
import type { OrganisationKind } from "~/db/schema";
import { mapAdminErrors } from "./admin-db-errors.server";
import { invalidateSearchOptions } from "~/modules/search/load-search-options.server";

/** Platform admins only (RLS); the audit trigger records it. A fallback network is required. */
export async function createOrganisation(options: {
  user: SessionUser;
  slug: string;
  name: string;
  kind: OrganisationKind;
  avvikUrl?: string | null;
  fallbackNetworkId: string;
}) {
  // The search page caches the filter choices (networks, organisations, themes, service areas).
  return mapAdminErrors(() =>
    withUser(options.user, (trx) =>
      trx
        .insertInto("organisations")
        .values({
          slug: options.slug,
          name: options.name,
          kind: options.kind,
          avvik_url: options.avvikUrl ?? null,
          fallback_network_id: options.fallbackNetworkId,
        })
        .returning("id")
        .executeTakeFirstOrThrow(),
    ),
  ).finally(invalidateSearchOptions);
}
