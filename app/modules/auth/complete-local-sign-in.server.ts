import crypto from "node:crypto";
import type { Trx } from "~/db/client.server";
import type { Locale } from "~/db/schema";
import { ensureProfile } from "./ensure-profile.server";
import type { SignInResult } from "./sign-in-result";

type CompleteOptions = { email: string; locale: Locale; redirectTo: string | null; now: Date };

/**
 * Inside the verifying transaction: retires every open token for the address (one sign-in per
 * mail), then makes sure the local auth user and the profile exist.
 */
export async function completeLocalSignIn(trx: Trx, { email, locale, redirectTo, now }: CompleteOptions): Promise<SignInResult> {
  await trx.updateTable("login_tokens").set({ used_at: now }).where("email", "=", email).where("used_at", "is", null).execute();
  const authUser = await trx.selectFrom("auth.users").select("id").where("email", "=", email).executeTakeFirst();
  const userId = authUser?.id ?? crypto.randomUUID();
  const profile = await ensureProfile(trx, { userId, email, locale });
  return {
    user: { id: profile.id, email: profile.email },
    locale: profile.locale,
    onboarded: profile.onboarded_at !== null,
    redirectTo,
  };
}
