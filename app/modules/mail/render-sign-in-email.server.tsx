import { loadMailRenderer } from "./load-mail-renderer.server";
import type { SupportedLocale } from "~/i18n/config";
import { getTranslator } from "~/i18n/i18n.server";

type SignInEmailOptions = { locale: SupportedLocale; email: string; code: string; link: string; validMinutes: number };

/** The sign-in mail in the recipient's language: subject, HTML (React Email) and plain text. */
export async function renderSignInEmail({ locale, email, code, link, validMinutes }: SignInEmailOptions) {
  const t = await getTranslator(locale);
  const vars = { ns: "mail", code, email, minutes: validMinutes };
  const texts = {
    preview: t("signIn.preview", vars),
    heading: t("signIn.heading", vars),
    intro: t("signIn.intro", vars),
    codeLabel: t("signIn.codeLabel", vars),
    button: t("signIn.button", vars),
    linkFallback: t("signIn.linkFallback", vars),
    expiry: t("signIn.expiry", vars),
    ignore: t("signIn.ignore", vars),
    footer: t("footer", vars),
  };
  const { render, SignInEmail } = await loadMailRenderer(() => import("./templates/sign-in-email"));
  const html = await render(<SignInEmail lang={locale} texts={texts} code={code} link={link} />);
  const text = [
    texts.heading,
    "",
    texts.intro,
    "",
    `${texts.codeLabel}: ${code}`,
    "",
    `${texts.button}: ${link}`,
    "",
    texts.expiry,
    texts.ignore,
    "",
    "--",
    texts.footer,
  ].join("\n");
  return { subject: t("signIn.subject", vars), html, text };
}
