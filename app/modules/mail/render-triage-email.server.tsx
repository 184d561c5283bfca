import { loadMailRenderer } from "./load-mail-renderer.server";
import type { TriageEmailTexts } from "./templates/triage-email";

/** HTML and plain text for answer, transfer and assignment mails; the texts come translated. */
export async function renderTriageEmail({ lang, subject, texts, link }: { lang: string; subject: string; texts: TriageEmailTexts; link: string }) {
  const { render, TriageEmail } = await loadMailRenderer(() => import("./templates/triage-email"));
  // Preview pads short preview texts with filler characters that include NUL, which Postgres text refuses.
  const html = (await render(<TriageEmail lang={lang} texts={texts} link={link} />)).replaceAll("\0", "");
  const text = [
    texts.heading,
    "",
    texts.intro,
    "",
    ...texts.details.map((d) => `${d.label}: ${d.value}`),
    ...(texts.quote ? ["", ...(texts.quoteLabel ? [texts.quoteLabel] : []), texts.quote] : []),
    "",
    `${texts.button}: ${link}`,
    "",
    "--",
    texts.footer,
  ].join("\n");
  return { subject, html, text };
}
