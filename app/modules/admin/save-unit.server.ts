import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";

/** Creates a unit (virksomhet) or renames one. */
export async function saveUnit(options: { user: SessionUser; organisationId: string; unitId?: string; name: string }) {
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      if (options.unitId) {
        const row = await trx
          .updateTable("units")
          .set({ name: options.name })
          .where("id", "=", options.unitId)
          .where("organisation_id", "=", options.organisationId)
          .returning("id")
          .executeTakeFirst();
        if (!row) throw new AppError("not_found");
        return row;
      }
      return trx.insertInto("units").values({ organisation_id: options.organisationId, name: options.name }).returning("id").executeTakeFirstOrThrow();
    }),
  );
}
