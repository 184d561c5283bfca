import { sql } from "kysely";
import type { Trx } from "~/db/client.server";
import type { EmailMode } from "~/db/schema";

export type NewNotification = {
  recipientId: string;
  /** Also the key of its text: `items.<kind>` in the "notifications" namespace. */
  kind: string;
  ideaId?: string | null;
  values?: Record<string, string | number | null>;
  /** A path inside the app, e.g. /ideer/2026-0042. */
  link?: string | null;
  /**
   * Answers to the recipient's own ideas: e-mailed at once whatever their preference.
   * Everything else follows notification_preferences.email_mode (immediate when unset).
   */
  alwaysEmail?: boolean;
};

export type CreatedNotification = { id: string; recipientId: string; emailed: boolean };

/**
 * Writes in-app notifications, and for recipients who want them at once an outbox e-mail, inside
 * the caller's transaction, so that the notification stands or falls with the change it reports.
 * Call it with a service transaction (or from security definer code): API roles cannot insert.
 */
export async function createNotifications(trx: Trx, notifications: NewNotification[]): Promise<CreatedNotification[]> {
  if (notifications.length === 0) return [];
  const recipientIds = [...new Set(notifications.map((n) => n.recipientId))];
  const recipients = await trx
    .selectFrom("profiles")
    .leftJoin("notification_preferences", "notification_preferences.profile_id", "profiles.id")
    .select(["profiles.id", "profiles.email", "profiles.locale", "notification_preferences.email_mode"])
    .where("profiles.id", "in", recipientIds)
    .execute();
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const created: CreatedNotification[] = [];
  for (const notification of notifications) {
    const recipient = byId.get(notification.recipientId);
    if (!recipient) continue;
    const row = await trx
      .insertInto("notifications")
      .values({
        recipient_id: recipient.id,
        kind: notification.kind,
        idea_id: notification.ideaId ?? null,
        title_key: `items.${notification.kind}`,
        values: JSON.stringify(notification.values ?? {}),
        link: notification.link ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const mode: EmailMode = recipient.email_mode ?? "immediate";
    const emailed = notification.alwaysEmail === true || mode === "immediate";
    if (emailed) {
      await trx
        .insertInto("outbox_messages")
        .values({
          kind: "notification_email",
          recipient_email: recipient.email,
          recipient_profile_id: recipient.id,
          locale: recipient.locale,
          payload: JSON.stringify({ notificationId: row.id }),
          idempotency_key: `notification:${row.id}`,
        })
        .onConflict((oc) => oc.column("idempotency_key").doNothing())
        .execute();
    }
    created.push({ id: row.id, recipientId: recipient.id, emailed });
  }
  return created;
}

/** The coordinators of a network (profile ids). */
export async function networkCoordinatorIds(trx: Trx, networkId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom("network_members")
    .select("profile_id")
    .where("network_id", "=", networkId)
    .where("role", "=", "coordinator")
    .orderBy("profile_id")
    .execute();
  return rows.map((r) => r.profile_id);
}

/** Platform administrators (profile ids). */
export async function platformAdminIds(trx: Trx): Promise<string[]> {
  const rows = await sql<{ id: string }>`select id from public.profiles where platform_role = 'admin' order by id`.execute(trx);
  return rows.rows.map((r) => r.id);
}
