import { getRequestLocale, getTranslator } from "~/i18n/i18n.server";
import stylesheet from "~/styles/app.css?url";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * A whole page for a request refused before it reaches the app (a cross-site form post), in the
 * visitor's chosen language. Plain HTML with the app's stylesheet: no script, no user data.
 */
export async function renderRefusalPage(cookieHeader: string | undefined, titleKey: string, textKey: string): Promise<string> {
  const locale = await getRequestLocale(new Request("http://localhost/", { headers: cookieHeader ? { Cookie: cookieHeader } : {} }));
  const t = await getTranslator(locale);
  const title = escapeHtml(t(titleKey));
  return `<!DOCTYPE html>
<html lang="${locale}" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – HelseHub Idéhub</title><link rel="stylesheet" href="${escapeHtml(stylesheet)}"></head>
<body class="flex min-h-screen flex-col"><main id="main" class="mx-auto w-full max-w-5xl flex-1 px-4 py-8"><div class="max-w-2xl">
<h1 class="text-3xl font-bold">${title}</h1>
<p class="mt-4 text-lg">${escapeHtml(t(textKey))}</p>
<p class="mt-6"><a href="/" class="font-semibold">${escapeHtml(t("error.homeLink"))}</a></p>
</div></main></body>
</html>`;
}
