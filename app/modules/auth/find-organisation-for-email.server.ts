import type { Trx } from "~/db/client.server";
import { emailDomain } from "./email-address";

/** The organisation whose registered e-mail domain matches exactly, or null (sign-up not allowed). */
export async function findOrganisationForEmail(trx: Trx, email: string) {
  const row = await trx
    .selectFrom("organisation_domains")
    .innerJoin("organisations", "organisations.id", "organisation_domains.organisation_id")
    .select(["organisations.id", "organisations.name"])
    .where("organisation_domains.domain", "=", emailDomain(email))
    .executeTakeFirst();
  return row ?? null;
}
