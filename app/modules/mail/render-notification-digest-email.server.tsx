import { loadMailRenderer } from "./load-mail-renderer.server";
import type { NotificationDigestSection, NotificationDigestTexts } from "./templates/notification-digest-email";

export type NotificationDigestEmailOptions = {
  lang: string;
  subject: string;
  texts: NotificationDigestTexts;
  sections: NotificationDigestSection[];
  link: string;
  settingsLink: string;
};

/** HTML and plain text for a notification e-mail or digest; the texts come translated. */
export async function renderNotificationDigestEmail({ lang, subject, texts, sections, link, settingsLink }: NotificationDigestEmailOptions) {
  const { render, NotificationDigestEmail } = await loadMailRenderer(() => import("./templates/notification-digest-email"));
  const html = await render(<NotificationDigestEmail lang={lang} texts={texts} sections={sections} link={link} settingsLink={settingsLink} />);
  const text = [
    texts.heading,
    "",
    ...(texts.intro ? [texts.intro, ""] : []),
    ...sections.flatMap((section) => [
      ...(section.heading ? [section.heading] : []),
      ...section.items.map((item) => (item.link ? `- ${item.text} ${item.link}` : `- ${item.text}`)),
      "",
    ]),
    `${texts.button}: ${link}`,
    "",
    `${texts.settingsHint} ${settingsLink}`,
    "",
    "--",
    texts.footer,
  ].join("\n");
  return { subject, html, text };
}
