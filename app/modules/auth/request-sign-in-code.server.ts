import { asService } from "~/db/client.server";
import type { SupportedLocale } from "~/i18n/config";
import { getMailer } from "~/modules/mail/mailer.server";
import { renderSignInEmail } from "~/modules/mail/render-sign-in-email.server";
import { getEnv } from "~/utils/env.server";
import { AuthError } from "./auth-error";
import { findOrganisationForEmail } from "./find-organisation-for-email.server";
import { limitSignInRequest } from "./rate-limits.server";
import { generateCode, generateLinkToken, sha256, SIGN_IN_VALID_MINUTES } from "./sign-in-secrets.server";

type RequestSignInCodeOptions = {
  /** Already validated and lower-cased (emailAddressSchema). */
  email: string;
  redirectTo: string | null;
  /** The visitor's current UI language; a known user's profile language wins. */
  locale: SupportedLocale;
  ip: string | null;
  now?: Date;
};

/**
 * Local sign-in, step 1: for an e-mail of a known organisation, stores a hashed single-use link
 * token and code and mails them. Unknown domains are refused before anything is stored or sent.
 */
export async function requestSignInCode({ email, redirectTo, locale, ip, now = new Date() }: RequestSignInCodeOptions) {
  const organisation = await asService("sign-in: is the e-mail domain a partner's", (trx) => findOrganisationForEmail(trx, email));
  if (!organisation) throw new AuthError("domainNotAllowed");

  await limitSignInRequest(email, ip);

  const linkToken = generateLinkToken();
  const code = generateCode();
  const expiresAt = new Date(now.getTime() + SIGN_IN_VALID_MINUTES * 60_000);
  const stored = await asService("sign-in: store the hashed login token", async (trx) => {
    const profile = await trx.selectFrom("profiles").select("locale").where("email", "=", email).executeTakeFirst();
    const mailLocale = profile?.locale ?? locale;
    const token = await trx
      .insertInto("login_tokens")
      .values({
        email,
        link_token_hash: sha256(linkToken),
        code_hash: sha256(code),
        redirect_to: redirectTo,
        locale: mailLocale,
        expires_at: expiresAt,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { tokenId: token.id, mailLocale };
  });

  const link = new URL("/logg-inn/lenke", getEnv().APP_URL);
  link.searchParams.set("token", linkToken);
  const mail = await renderSignInEmail({ locale: stored.mailLocale, email, code, link: link.toString(), validMinutes: SIGN_IN_VALID_MINUTES });
  try {
    await getMailer().send({ to: email, ...mail, tags: { kind: "sign-in" }, idempotencyKey: `sign-in-${stored.tokenId}` });
  } catch (error) {
    console.error("[sign-in] could not send the sign-in mail:", error instanceof Error ? error.message : error);
    await asService("sign-in: drop the token whose mail failed", (trx) =>
      trx.deleteFrom("login_tokens").where("id", "=", stored.tokenId).execute(),
    );
    throw new AuthError("mailFailed");
  }
  return { expiresAt };
}
