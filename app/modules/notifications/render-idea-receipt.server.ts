import type { Trx } from "~/db/client.server";
import { isSupportedLocale } from "~/i18n/config";
import { describeRouting } from "~/modules/ideas/describe-routing.server";
import { renderIdeaReceiptEmail } from "~/modules/mail/render-idea-receipt-email.server";
import { getEnv } from "~/utils/env.server";
import type { OutboxMessage, RenderedMail } from "./outbox-message";

/** The link to an idea's page, for mail. */
export function ideaUrl(publicId: string) {
  return `${getEnv().APP_URL.replace(/\/+$/, "")}/ideer/${encodeURIComponent(publicId)}`;
}

/** kind 'idea_receipt', payload { ideaId, onBehalf? }: the receipt for the submitter or the colleague it was sent for. */
export async function renderIdeaReceipt(trx: Trx, message: OutboxMessage): Promise<RenderedMail | null> {
  const ideaId = typeof message.payload.ideaId === "string" ? message.payload.ideaId : null;
  if (!ideaId) return null;
  const idea = await trx
    .selectFrom("ideas")
    .innerJoin("idea_submitters", "idea_submitters.idea_id", "ideas.id")
    .select([
      "ideas.public_id",
      "ideas.title",
      "ideas.network_id",
      "ideas.organisation_id",
      "ideas.routing_explanation",
      "ideas.first_answer_due_at",
      "idea_submitters.display_name",
      "idea_submitters.on_behalf_of_name",
    ])
    .where("ideas.id", "=", ideaId)
    .executeTakeFirst();
  if (!idea) return null;

  const locale = isSupportedLocale(message.locale) ? message.locale : "nb";
  const routing = await describeRouting(trx, {
    networkId: idea.network_id,
    organisationId: idea.organisation_id,
    explanation: idea.routing_explanation,
    locale,
  });
  const forColleague = message.payload.onBehalf === true;
  const mail = await renderIdeaReceiptEmail({
    locale,
    publicId: idea.public_id,
    title: idea.title,
    networkName: routing.networkName,
    reasons: routing.reasons,
    firstAnswerDueAt: idea.first_answer_due_at,
    link: ideaUrl(idea.public_id),
    submittedBy: forColleague ? idea.display_name : null,
    submittedFor: forColleague ? null : idea.on_behalf_of_name,
  });
  return { ...mail, tags: { kind: "idea_receipt" } };
}
