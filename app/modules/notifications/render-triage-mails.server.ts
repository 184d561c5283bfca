import type { Trx } from "~/db/client.server";
import type { Locale } from "~/db/schema";
import { isSupportedLocale } from "~/i18n/config";
import { getTranslator } from "~/i18n/i18n.server";
import { renderTriageEmail } from "~/modules/mail/render-triage-email.server";
import { getEnv } from "~/utils/env.server";
import { formatOsloDate } from "./format-oslo-date";
import type { OutboxMessage, RenderedMail } from "./outbox-message";
import { ideaUrl } from "./render-idea-receipt.server";

const ns = { ns: "triage" };

function localeOf(message: OutboxMessage): Locale {
  return isSupportedLocale(message.locale) ? message.locale : "nb";
}

function payloadId(message: OutboxMessage, key: string) {
  const value = message.payload[key];
  return typeof value === "string" ? value : null;
}

/** kind 'idea_answer', payload { ideaId, answerId, onBehalf? }: the network's written answer to the submitter. */
export async function renderIdeaAnswer(trx: Trx, message: OutboxMessage): Promise<RenderedMail | null> {
  const answerId = payloadId(message, "answerId");
  if (!answerId) return null;
  const row = await trx
    .selectFrom("idea_answers")
    .innerJoin("ideas", "ideas.id", "idea_answers.idea_id")
    .innerJoin("networks", "networks.id", "ideas.network_id")
    .leftJoin("ideas as merged_into", "merged_into.id", "idea_answers.merged_into_id")
    .select([
      "ideas.public_id",
      "ideas.title",
      "networks.name as network_name",
      "idea_answers.from_status",
      "idea_answers.to_status",
      "idea_answers.body",
      "idea_answers.look_again_at",
      "idea_answers.created_at",
      "merged_into.public_id as merged_into_public_id",
    ])
    .where("idea_answers.id", "=", answerId)
    .executeTakeFirst();
  if (!row) return null;
  const locale = localeOf(message);
  const t = await getTranslator(locale);
  const status = t(`ideas:status.${row.to_status}`);
  const values = { publicId: row.public_id, title: row.title, network: row.network_name, status };
  const details = [
    { label: t("email.numberLabel", ns), value: row.public_id },
    { label: t("email.titleLabel", ns), value: row.title },
    { label: t("email.statusLabel", ns), value: status },
  ];
  if (row.look_again_at) details.push({ label: t("email.lookAgainLabel", ns), value: formatOsloDate(new Date(`${row.look_again_at}T12:00:00Z`), locale) });
  if (row.merged_into_public_id) details.push({ label: t("email.mergedIntoLabel", ns), value: row.merged_into_public_id });
  const changed = row.from_status !== row.to_status;
  const subject = t(changed ? "email.answer.subjectStatus" : "email.answer.subject", { ...ns, ...values });
  const mail = await renderTriageEmail({
    lang: locale,
    subject,
    link: ideaUrl(row.public_id),
    texts: {
      preview: subject,
      heading: t("email.answer.heading", ns),
      intro: t(message.payload.onBehalf === true ? "email.answer.introOnBehalf" : changed ? "email.answer.introStatus" : "email.answer.intro", { ...ns, ...values }),
      quoteLabel: t("email.answer.quoteLabel", { ...ns, ...values }),
      quote: row.body,
      details,
      button: t("email.openIdea", ns),
      linkFallback: t("email.linkFallback", ns),
      footer: t("email.footerAnswer", ns),
    },
  });
  return { ...mail, tags: { kind: "idea_answer" } };
}

/** kind 'idea_transferred', payload { ideaId, transferId, onBehalf? }: the submitter is told where and why. */
export async function renderIdeaTransferred(trx: Trx, message: OutboxMessage): Promise<RenderedMail | null> {
  const transferId = payloadId(message, "transferId");
  if (!transferId) return null;
  const row = await trx
    .selectFrom("idea_transfers")
    .innerJoin("ideas", "ideas.id", "idea_transfers.idea_id")
    .innerJoin("networks as from_network", "from_network.id", "idea_transfers.from_network_id")
    .innerJoin("networks as to_network", "to_network.id", "idea_transfers.to_network_id")
    .select(["ideas.public_id", "ideas.title", "ideas.next_due_at", "idea_transfers.reason", "from_network.name as from_name", "to_network.name as to_name"])
    .where("idea_transfers.id", "=", transferId)
    .executeTakeFirst();
  if (!row) return null;
  const locale = localeOf(message);
  const t = await getTranslator(locale);
  const values = { publicId: row.public_id, title: row.title, from: row.from_name, to: row.to_name };
  const details = [
    { label: t("email.numberLabel", ns), value: row.public_id },
    { label: t("email.titleLabel", ns), value: row.title },
    { label: t("email.networkLabel", ns), value: row.to_name },
  ];
  if (row.next_due_at) details.push({ label: t("email.dueLabel", ns), value: formatOsloDate(row.next_due_at, locale) });
  const subject = t("email.transfer.subject", { ...ns, ...values });
  const mail = await renderTriageEmail({
    lang: locale,
    subject,
    link: ideaUrl(row.public_id),
    texts: {
      preview: subject,
      heading: t("email.transfer.heading", ns),
      intro: t("email.transfer.intro", { ...ns, ...values }),
      quoteLabel: t("email.transfer.reasonLabel", ns),
      quote: row.reason,
      details,
      button: t("email.openIdea", ns),
      linkFallback: t("email.linkFallback", ns),
      footer: t("email.footerAnswer", ns),
    },
  });
  return { ...mail, tags: { kind: "idea_transferred" } };
}

/** kind 'idea_assigned', payload { ideaId, assignedBy }: the new owner (ansvarlig) is told. */
export async function renderIdeaAssigned(trx: Trx, message: OutboxMessage): Promise<RenderedMail | null> {
  const ideaId = payloadId(message, "ideaId");
  if (!ideaId) return null;
  const row = await trx
    .selectFrom("ideas")
    .innerJoin("networks", "networks.id", "ideas.network_id")
    .select(["ideas.public_id", "ideas.title", "ideas.next_due_at", "networks.name as network_name"])
    .where("ideas.id", "=", ideaId)
    .executeTakeFirst();
  if (!row) return null;
  const assignedBy = payloadId(message, "assignedBy");
  const by = assignedBy ? await trx.selectFrom("profiles").select("full_name").where("id", "=", assignedBy).executeTakeFirst() : undefined;
  const locale = localeOf(message);
  const t = await getTranslator(locale);
  const values = { publicId: row.public_id, title: row.title, network: row.network_name, by: by?.full_name ?? t("email.assigned.someone", ns) };
  const details = [
    { label: t("email.numberLabel", ns), value: row.public_id },
    { label: t("email.titleLabel", ns), value: row.title },
    { label: t("email.networkLabel", ns), value: row.network_name },
  ];
  if (row.next_due_at) details.push({ label: t("email.dueLabel", ns), value: formatOsloDate(row.next_due_at, locale) });
  const subject = t("email.assigned.subject", { ...ns, ...values });
  const mail = await renderTriageEmail({
    lang: locale,
    subject,
    link: `${getEnv().APP_URL.replace(/\/+$/, "")}/ideer/${encodeURIComponent(row.public_id)}/behandle`,
    texts: {
      preview: subject,
      heading: t("email.assigned.heading", ns),
      intro: t("email.assigned.intro", { ...ns, ...values }),
      quoteLabel: null,
      quote: null,
      details,
      button: t("email.assigned.button", ns),
      linkFallback: t("email.linkFallback", ns),
      footer: t("email.footerAssigned", ns),
    },
  });
  return { ...mail, tags: { kind: "idea_assigned" } };
}
