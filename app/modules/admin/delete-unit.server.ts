import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";

/** People and ideas in the unit keep their organisation; their unit becomes empty. */
export async function deleteUnit(options: { user: SessionUser; organisationId: string; unitId: string }) {
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      const result = await trx.deleteFrom("units").where("id", "=", options.unitId).where("organisation_id", "=", options.organisationId).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new AppError("not_found");
    }),
  );
}
