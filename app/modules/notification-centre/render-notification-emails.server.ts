import type { Trx } from "~/db/client.server";
import type { Locale } from "~/db/schema";
import { isSupportedLocale } from "~/i18n/config";
import { getTranslator } from "~/i18n/i18n.server";
import { renderNotificationDigestEmail } from "~/modules/mail/render-notification-digest-email.server";
import type { NotificationDigestSection } from "~/modules/mail/templates/notification-digest-email";
import { formatOsloDate } from "~/modules/notifications/format-oslo-date";
import type { OutboxMessage, RenderedMail } from "~/modules/notifications/outbox-message";
import type { WeeklyDigestNetwork } from "~/modules/sla-sweeper/digests.server";
import { getEnv } from "~/utils/env.server";
import { notificationSubject, notificationText } from "./notification-text.server";

function appUrl(path: string) {
  return `${getEnv().APP_URL.replace(/\/+$/, "")}${path}`;
}

function localeOf(message: OutboxMessage): Locale {
  return isSupportedLocale(message.locale) ? message.locale : "nb";
}

async function commonTexts(locale: Locale) {
  const t = await getTranslator(locale);
  const ns = { ns: "notifications" };
  return {
    t,
    button: t("email.button", ns),
    linkFallback: t("email.linkFallback", ns),
    settingsHint: t("email.settingsHint", ns),
    footer: t("email.footer", ns),
  };
}

/** kind 'notification_email', payload { notificationId }: one notification, in the recipient's language. */
export async function renderNotificationEmail(trx: Trx, message: OutboxMessage): Promise<RenderedMail | null> {
  const id = typeof message.payload.notificationId === "string" ? message.payload.notificationId : null;
  if (!id) return null;
  const row = await trx.selectFrom("notifications").select(["kind", "title_key", "values", "link"]).where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const locale = localeOf(message);
  const { t, ...common } = await commonTexts(locale);
  const text = notificationText(t, locale, row);
  const link = appUrl(row.link ?? "/varsler");
  const mail = await renderNotificationDigestEmail({
    lang: locale,
    subject: notificationSubject(t, locale, row),
    texts: { ...common, preview: text, heading: t("email.notification.heading", { ns: "notifications" }), intro: null },
    sections: [{ heading: null, items: [{ text, link: null }] }],
    link,
    settingsLink: appUrl("/innstillinger/varsler"),
  });
  return { ...mail, tags: { kind: "notification_email" } };
}

/** kind 'daily_digest', payload { periodId, notificationIds }: the unread notifications of the day. */
export async function renderDailyDigest(trx: Trx, message: OutboxMessage): Promise<RenderedMail | null> {
  const ids = Array.isArray(message.payload.notificationIds) ? message.payload.notificationIds.filter((v): v is string => typeof v === "string") : [];
  if (ids.length === 0) return null;
  const rows = await trx
    .selectFrom("notifications")
    .select(["kind", "title_key", "values", "link"])
    .where("id", "in", ids)
    .orderBy("created_at", "desc")
    .execute();
  if (rows.length === 0) return null;
  const locale = localeOf(message);
  const { t, ...common } = await commonTexts(locale);
  const ns = { ns: "notifications" };
  const items = rows.map((row) => ({ text: notificationText(t, locale, row), link: row.link ? appUrl(row.link) : null }));
  const mail = await renderNotificationDigestEmail({
    lang: locale,
    subject: t("email.daily.subject", { ...ns, count: rows.length }),
    texts: { ...common, preview: t("email.daily.subject", { ...ns, count: rows.length }), heading: t("email.daily.heading", ns), intro: t("email.daily.intro", ns) },
    sections: [{ heading: null, items }],
    link: appUrl("/varsler"),
    settingsLink: appUrl("/innstillinger/varsler"),
  });
  return { ...mail, tags: { kind: "daily_digest" } };
}

/** kind 'weekly_network_digest', payload { periodId, networks }: a snapshot taken when it was queued. */
export async function renderWeeklyNetworkDigest(_trx: Trx, message: OutboxMessage): Promise<RenderedMail | null> {
  const networks = Array.isArray(message.payload.networks) ? (message.payload.networks as WeeklyDigestNetwork[]) : [];
  if (networks.length === 0) return null;
  const locale = localeOf(message);
  const { t, ...common } = await commonTexts(locale);
  const ns = { ns: "notifications" };
  const ideaLink = (publicId: string) => appUrl(`/ideer/${encodeURIComponent(publicId)}`);
  const sections: NotificationDigestSection[] = [];
  for (const network of networks) {
    const groups = [
      { key: "newIdeas", items: network.newIdeas.map((i) => ({ text: t("email.weekly.item", { ...ns, publicId: i.publicId, title: i.title }), link: ideaLink(i.publicId) })) },
      {
        key: "overdue",
        items: network.overdue.map((i) => ({
          text: t("email.weekly.itemDue", { ...ns, publicId: i.publicId, title: i.title, due: formatOsloDate(new Date(i.dueAt), locale) }),
          link: ideaLink(i.publicId),
        })),
      },
      {
        key: "dueSoon",
        items: network.dueSoon.map((i) => ({
          text: t("email.weekly.itemDue", { ...ns, publicId: i.publicId, title: i.title, due: formatOsloDate(new Date(i.dueAt), locale) }),
          link: ideaLink(i.publicId),
        })),
      },
    ];
    for (const group of groups) {
      if (group.items.length === 0) continue;
      sections.push({ heading: `${network.name}: ${t(`email.weekly.${group.key}`, { ...ns, count: group.items.length })}`, items: group.items });
    }
  }
  const mail = await renderNotificationDigestEmail({
    lang: locale,
    subject: t("email.weekly.subject", ns),
    texts: { ...common, preview: t("email.weekly.intro", ns), heading: t("email.weekly.heading", ns), intro: t("email.weekly.intro", ns) },
    sections,
    link: appUrl("/varsler"),
    settingsLink: appUrl("/innstillinger/varsler"),
  });
  return { ...mail, tags: { kind: "weekly_network_digest" } };
}
