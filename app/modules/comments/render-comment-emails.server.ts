import type { Trx } from "~/db/client.server";
import type { Locale } from "~/db/schema";
import { isSupportedLocale } from "~/i18n/config";
import { getTranslator } from "~/i18n/i18n.server";
import { renderNotificationDigestEmail } from "~/modules/mail/render-notification-digest-email.server";
import type { OutboxMessage, RenderedMail } from "~/modules/notifications/outbox-message";
import { getEnv } from "~/utils/env.server";

function appUrl(path: string) {
  return `${getEnv().APP_URL.replace(/\/+$/, "")}${path}`;
}

async function loadComment(trx: Trx, message: OutboxMessage) {
  const commentId = typeof message.payload.commentId === "string" ? message.payload.commentId : null;
  if (!commentId) return null;
  return (
    (await trx
      .selectFrom("idea_comments")
      .innerJoin("ideas", "ideas.id", "idea_comments.idea_id")
      .leftJoin("profiles", "profiles.id", "idea_comments.author_id")
      .select([
        "idea_comments.id",
        "idea_comments.body",
        "idea_comments.deleted_at",
        "idea_comments.hidden_at",
        "idea_comments.hidden_reason",
        "ideas.public_id",
        "ideas.title",
        "profiles.full_name as author_name",
      ])
      .where("idea_comments.id", "=", commentId)
      .executeTakeFirst()) ?? null
  );
}

async function texts(locale: Locale) {
  const t = await getTranslator(locale);
  const ns = { ns: "cocreation" };
  return {
    t,
    common: {
      button: t("email.button", ns),
      linkFallback: t("email.linkFallback", ns),
      settingsHint: t("email.settingsHint", ns),
      footer: t("email.footer", ns),
    },
  };
}

/** kind 'comment_mention', payload { commentId }: "X mentioned you", with the comment's text. */
export async function renderCommentMention(trx: Trx, message: OutboxMessage): Promise<RenderedMail | null> {
  const comment = await loadComment(trx, message);
  // Deleted or hidden before the mail went out: nothing to tell any more.
  if (!comment || comment.deleted_at || comment.hidden_at) return null;
  const locale = isSupportedLocale(message.locale) ? message.locale : "nb";
  const { t, common } = await texts(locale);
  const values = { ns: "cocreation", author: comment.author_name ?? t("comments.formerUser", { ns: "cocreation" }), title: comment.title, publicId: comment.public_id };
  const link = appUrl(`/ideer/${encodeURIComponent(comment.public_id)}#comment-${comment.id}`);
  const mail = await renderNotificationDigestEmail({
    lang: locale,
    subject: t("email.mentionSubject", values),
    texts: { ...common, preview: t("email.mentionSubject", values), heading: t("email.mentionHeading", values), intro: t("email.mentionIntro", values) },
    sections: [{ heading: null, items: [{ text: comment.body, link: null }] }],
    link,
    settingsLink: appUrl("/innstillinger/varsler"),
  });
  return { ...mail, tags: { kind: "comment_mention" } };
}

/** kind 'comment_hidden', payload { commentId, reason }: the author is told why. */
export async function renderCommentHidden(trx: Trx, message: OutboxMessage): Promise<RenderedMail | null> {
  const comment = await loadComment(trx, message);
  if (!comment) return null;
  const reason = typeof message.payload.reason === "string" ? message.payload.reason : (comment.hidden_reason ?? "");
  const locale = isSupportedLocale(message.locale) ? message.locale : "nb";
  const { t, common } = await texts(locale);
  const values = { ns: "cocreation", title: comment.title, publicId: comment.public_id, reason };
  const mail = await renderNotificationDigestEmail({
    lang: locale,
    subject: t("email.hiddenSubject", values),
    texts: { ...common, preview: t("email.hiddenSubject", values), heading: t("email.hiddenHeading", values), intro: t("email.hiddenIntro", values) },
    sections: [{ heading: null, items: [{ text: t("email.hiddenReason", values), link: null }] }],
    link: appUrl(`/ideer/${encodeURIComponent(comment.public_id)}#comment-${comment.id}`),
    settingsLink: appUrl("/innstillinger/varsler"),
  });
  return { ...mail, tags: { kind: "comment_hidden" } };
}
