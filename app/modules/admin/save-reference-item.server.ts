import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";
import { invalidateSearchOptions } from "~/modules/search/load-search-options.server";

/**
 * Creates or edits a theme or service area. Items in use are retired (active off), never deleted:
 * ideas and stories keep pointing at them.
 */
export async function saveReferenceItem(options: {
  user: SessionUser;
  kind: "themes" | "service_areas";
  itemId?: string;
  slug: string;
  nameNb: string;
  nameNn: string;
  nameEn: string;
  sortOrder: number;
  active: boolean;
}) {
  const values = {
    slug: options.slug,
    name_nb: options.nameNb,
    name_nn: options.nameNn,
    name_en: options.nameEn,
    sort_order: options.sortOrder,
    active: options.active,
  };
  // The search page caches the filter choices (networks, organisations, themes, service areas).
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      if (options.itemId) {
        const row = await trx.updateTable(options.kind).set(values).where("id", "=", options.itemId).returning("id").executeTakeFirst();
        if (!row) throw new AppError("not_allowed");
        return row;
      }
      return trx.insertInto(options.kind).values(values).returning("id").executeTakeFirstOrThrow();
    }),
  ).finally(invalidateSearchOptions);
}
