import type { Trx } from "~/db/client.server";
import type { Locale } from "~/db/schema";
import { nameFromEmail } from "./email-address";
import { findOrganisationForEmail } from "./find-organisation-for-email.server";
import { AuthError } from "./auth-error";

type EnsureProfileOptions = { userId: string; email: string; locale: Locale };

/**
 * Service path, inside the sign-in transaction: the auth user and the profile exist afterwards.
 * On Supabase the auth.users row already exists (Supabase Auth made it); locally we create it.
 */
export async function ensureProfile(trx: Trx, { userId, email, locale }: EnsureProfileOptions) {
  const existing = await trx
    .selectFrom("profiles")
    .select(["id", "email", "locale", "onboarded_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (existing) return { ...existing, created: false };

  const organisation = await findOrganisationForEmail(trx, email);
  if (!organisation) throw new AuthError("domainNotAllowed");

  const authUser = await trx.selectFrom("auth.users").select("id").where("id", "=", userId).executeTakeFirst();
  if (!authUser) {
    await trx.insertInto("auth.users").values({ id: userId, email }).execute();
  }
  const profile = await trx
    .insertInto("profiles")
    .values({ id: userId, email, full_name: nameFromEmail(email), organisation_id: organisation.id, locale })
    .returning(["id", "email", "locale", "onboarded_at"])
    .executeTakeFirstOrThrow();
  return { ...profile, created: true };
}
