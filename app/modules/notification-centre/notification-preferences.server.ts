import { withUser, type SessionUser } from "~/db/client.server";
import type { EmailMode } from "~/db/schema";
import type { NotificationPreferencesInput } from "./notification-preferences-schema";

export type NotificationPreferences = { emailMode: EmailMode; weeklyNetworkDigest: boolean };

export const defaultNotificationPreferences: NotificationPreferences = { emailMode: "immediate", weeklyNetworkDigest: true };

export async function getNotificationPreferences({ user }: { user: SessionUser }): Promise<NotificationPreferences> {
  const row = await withUser(user, (trx) =>
    trx
      .selectFrom("notification_preferences")
      .select(["email_mode", "weekly_network_digest"])
      .where("profile_id", "=", user.id)
      .executeTakeFirst(),
  );
  return row ? { emailMode: row.email_mode, weeklyNetworkDigest: row.weekly_network_digest } : defaultNotificationPreferences;
}

export async function saveNotificationPreferences({ user, input }: { user: SessionUser; input: NotificationPreferencesInput }) {
  await withUser(user, (trx) =>
    trx
      .insertInto("notification_preferences")
      .values({ profile_id: user.id, email_mode: input.emailMode, weekly_network_digest: input.weeklyNetworkDigest })
      .onConflict((oc) =>
        oc.column("profile_id").doUpdateSet({ email_mode: input.emailMode, weekly_network_digest: input.weeklyNetworkDigest }),
      )
      .execute(),
  );
}
