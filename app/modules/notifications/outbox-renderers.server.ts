import type { Trx } from "~/db/client.server";
import type { OutboxMessage, RenderedMail } from "./outbox-message";
import { renderDailyDigest, renderNotificationEmail, renderWeeklyNetworkDigest } from "~/modules/notification-centre/render-notification-emails.server";
import { renderCommentHidden, renderCommentMention } from "~/modules/comments/render-comment-emails.server";
import { renderIdeaReceipt } from "./render-idea-receipt.server";
import { renderIdeaAnswer, renderIdeaAssigned, renderIdeaTransferred } from "./render-triage-mails.server";

/**
 * Turns an outbox row into a mail, reading what it needs through the service transaction it gets.
 * Returns null when there is nothing to send any more (the idea was deleted): the row is then
 * closed as 'failed' with that reason instead of being retried.
 */
export type OutboxRenderer = (trx: Trx, message: OutboxMessage) => Promise<RenderedMail | null>;

/**
 * Every outbox kind this version can deliver. The dispatcher claims only these kinds, so a row
 * written by a newer version is left for an instance that knows it (rolling deploys lose nothing).
 * A new kind: write its rows in the same transaction as the change, and add its renderer here.
 */
export const outboxRenderers: Record<string, OutboxRenderer> = {
  idea_receipt: renderIdeaReceipt,
  idea_answer: renderIdeaAnswer,
  idea_assigned: renderIdeaAssigned,
  idea_transferred: renderIdeaTransferred,
  notification_email: renderNotificationEmail,
  daily_digest: renderDailyDigest,
  weekly_network_digest: renderWeeklyNetworkDigest,
  comment_mention: renderCommentMention,
  comment_hidden: renderCommentHidden,
};
