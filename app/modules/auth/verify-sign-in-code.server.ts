import { sql } from "kysely";
import { asService } from "~/db/client.server";
import { AuthError, type AuthErrorCode } from "./auth-error";
import { completeLocalSignIn } from "./complete-local-sign-in.server";
import { limitCodeVerification } from "./rate-limits.server";
import { hashesMatch, MAX_CODE_ATTEMPTS, sha256 } from "./sign-in-secrets.server";
import type { SignInResult } from "./sign-in-result";

type VerifySignInCodeOptions = { email: string; code: string; ip: string | null; now?: Date };

/**
 * Local sign-in, step 2 (code): checks the code against the newest open token for the address.
 * A wrong code counts as an attempt; after MAX_CODE_ATTEMPTS the code is dead.
 */
export async function verifySignInCode({ email, code, ip, now = new Date() }: VerifySignInCodeOptions): Promise<SignInResult> {
  await limitCodeVerification(email, ip);
  // Failures are returned, not thrown, so that the attempt counter is committed.
  const outcome = await asService("sign-in: verify a one-time code", async (trx): Promise<SignInResult | AuthErrorCode> => {
    const token = await trx
      .selectFrom("login_tokens")
      .selectAll()
      .where("email", "=", email)
      .where("used_at", "is", null)
      .orderBy("created_at", "desc")
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!token) return "codeInvalid";
    if (token.expires_at.getTime() <= now.getTime()) return "codeExpired";
    if (token.attempts >= MAX_CODE_ATTEMPTS) return "tooManyAttempts";
    if (!hashesMatch(token.code_hash, sha256(code))) {
      const { attempts } = await trx
        .updateTable("login_tokens")
        .set({ attempts: sql`attempts + 1` })
        .where("id", "=", token.id)
        .returning("attempts")
        .executeTakeFirstOrThrow();
      return attempts >= MAX_CODE_ATTEMPTS ? "tooManyAttempts" : "codeInvalid";
    }
    return completeLocalSignIn(trx, { email, locale: token.locale, redirectTo: token.redirect_to, now });
  });
  if (typeof outcome === "string") throw new AuthError(outcome);
  return outcome;
}
