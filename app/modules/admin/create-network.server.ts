import { withUser, type SessionUser } from "~/db/client.server";
import type { NetworkKind } from "~/db/schema";
import { mapAdminErrors } from "./admin-db-errors.server";
import { invalidateSearchOptions } from "~/modules/search/load-search-options.server";

/** Platform admins only. `owner` is "organisation:<id>" or "group:<id>". */
export async function createNetwork(options: {
  user: SessionUser;
  slug: string;
  name: string;
  kind: NetworkKind;
  owner: string;
  description?: string | null;
}) {
  const [ownerKind, ownerId] = options.owner.split(":") as ["organisation" | "group", string];
  // The search page caches the filter choices (networks, organisations, themes, service areas).
  return mapAdminErrors(() =>
    withUser(options.user, (trx) =>
      trx
        .insertInto("networks")
        .values({
          slug: options.slug,
          name: options.name,
          kind: options.kind,
          description: options.description || null,
          owner_organisation_id: ownerKind === "organisation" ? ownerId : null,
          owner_group_id: ownerKind === "group" ? ownerId : null,
        })
        .returning(["id", "slug"])
        .executeTakeFirstOrThrow(),
    ),
  ).finally(invalidateSearchOptions);
}
