import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapAdminErrors } from "./admin-db-errors.server";

/** A sign-in domain belongs to one organisation; one already in use is refused with its owner's name. */
export async function addOrganisationDomain(options: { user: SessionUser; organisationId: string; domain: string }) {
  return mapAdminErrors(() =>
    withUser(options.user, async (trx) => {
      const owner = await trx
        .selectFrom("organisation_domains")
        .innerJoin("organisations", "organisations.id", "organisation_domains.organisation_id")
        .select(["organisations.id", "organisations.name"])
        .where("organisation_domains.domain", "=", options.domain)
        .executeTakeFirst();
      if (owner) throw new AppError("domain_taken", { organisation: owner.name, same: owner.id === options.organisationId });
      await trx.insertInto("organisation_domains").values({ domain: options.domain, organisation_id: options.organisationId }).execute();
    }),
  );
}
