import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";

export async function removeOrganisationDomain(options: { user: SessionUser; organisationId: string; domain: string }) {
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      const result = await trx
        .deleteFrom("organisation_domains")
        .where("domain", "=", options.domain)
        .where("organisation_id", "=", options.organisationId)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new AppError("not_found");
    }),
  );
}
