import { asService } from "~/db/client.server";
import { AuthError, type AuthErrorCode } from "./auth-error";
import { completeLocalSignIn } from "./complete-local-sign-in.server";
import { sha256 } from "./sign-in-secrets.server";
import type { SignInResult } from "./sign-in-result";

type VerifySignInLinkOptions = { token: string; now?: Date };

/** Local sign-in, step 2 (magic link): the 256-bit token is looked up by its hash, used once. */
export async function verifySignInLink({ token, now = new Date() }: VerifySignInLinkOptions): Promise<SignInResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AuthError("linkInvalid");
  const outcome = await asService("sign-in: verify a magic link", async (trx): Promise<SignInResult | AuthErrorCode> => {
    const row = await trx
      .selectFrom("login_tokens")
      .selectAll()
      .where("link_token_hash", "=", sha256(token))
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.used_at !== null) return "linkInvalid";
    if (row.expires_at.getTime() <= now.getTime()) return "linkExpired";
    return completeLocalSignIn(trx, { email: row.email, locale: row.locale, redirectTo: row.redirect_to, now });
  });
  if (typeof outcome === "string") throw new AuthError(outcome);
  return outcome;
}
