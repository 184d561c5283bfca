import { loadMailRenderer } from "./load-mail-renderer.server";
import type { SupportedLocale } from "~/i18n/config";
import { getTranslator } from "~/i18n/i18n.server";
import type { RoutingReason } from "~/modules/ideas/describe-routing.server";
import { formatOsloDate } from "~/modules/notifications/format-oslo-date";

export type IdeaReceiptEmailOptions = {
  locale: SupportedLocale;
  publicId: string;
  title: string;
  networkName: string;
  reasons: RoutingReason[];
  firstAnswerDueAt: Date;
  link: string;
  /** The recipient is a colleague the idea was submitted for: who submitted it. */
  submittedBy?: string | null;
  /** The recipient submitted it on behalf of this colleague. */
  submittedFor?: string | null;
};

/**
 * The receipt for a submitted idea in the recipient's language. On purpose without the problem or
 * proposal text: mail leaves our control, and the title is enough to recognise the idea.
 */
export async function renderIdeaReceiptEmail(options: IdeaReceiptEmailOptions) {
  const { locale, publicId, title, networkName, reasons, firstAnswerDueAt, link, submittedBy, submittedFor } = options;
  const t = await getTranslator(locale);
  const date = formatOsloDate(firstAnswerDueAt, locale);
  const vars = { ns: "mail", number: publicId, network: networkName, date, submitter: submittedBy ?? "", name: submittedFor ?? "" };
  const texts = {
    preview: t("receipt.preview", vars),
    heading: t("receipt.heading", vars),
    intro: submittedBy ? t("receipt.introOnBehalf", vars) : t("receipt.intro", vars),
    onBehalfCopy: !submittedBy && submittedFor ? t("receipt.onBehalfCopy", vars) : null,
    numberLabel: t("receipt.numberLabel", vars),
    titleLabel: t("receipt.titleLabel", vars),
    networkLabel: t("receipt.networkLabel", vars),
    reasonsLabel: t("receipt.reasonsLabel", vars),
    reasons: reasons.map((reason) => t(reason.key, { ns: "ideas", ...reason.values })),
    nextHeading: t("receipt.nextHeading", vars),
    next: t("receipt.next", vars),
    dueLabel: t("receipt.dueLabel", vars),
    button: t("receipt.button", vars),
    linkFallback: t("receipt.linkFallback", vars),
    privacy: t("receipt.privacy", vars),
    footer: t("footer", vars),
  };
  const { render, IdeaReceiptEmail } = await loadMailRenderer(() => import("./templates/idea-receipt-email"));
  const html = await render(
    <IdeaReceiptEmail lang={locale} texts={texts} number={publicId} title={title} networkName={networkName} dueDate={date} link={link} />,
  );
  const text = [
    texts.heading,
    "",
    texts.intro,
    ...(texts.onBehalfCopy ? [texts.onBehalfCopy] : []),
    "",
    `${texts.numberLabel}: ${publicId}`,
    `${texts.titleLabel}: ${title}`,
    `${texts.networkLabel}: ${networkName}`,
    ...(texts.reasons.length > 0 ? [`${texts.reasonsLabel}: ${texts.reasons.join(" ")}`] : []),
    `${texts.dueLabel}: ${date}`,
    "",
    texts.nextHeading,
    texts.next,
    "",
    `${texts.button}: ${link}`,
    "",
    texts.privacy,
    "",
    "--",
    texts.footer,
  ].join("\n");
  return { subject: t("receipt.subject", vars), html, text };
}
