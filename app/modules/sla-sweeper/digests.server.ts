import { sql } from "kysely";
import { asService, getDatabase, type Db } from "~/db/client.server";
import type { Locale } from "~/db/schema";
import { addWorkingDays } from "~/modules/sla/working-days";
import { dailyDigestPeriod, weeklyDigestPeriod } from "./oslo-schedule";

export type DigestResult = { periodId: string; queued: number };

/** One network's part of a weekly digest, as stored in the outbox payload (a snapshot at sending time). */
export type WeeklyDigestNetwork = {
  name: string;
  newIdeas: { publicId: string; title: string }[];
  dueSoon: { publicId: string; title: string; dueAt: string }[];
  overdue: { publicId: string; title: string; dueAt: string }[];
};

const WEEKLY_DUE_SOON_WORKING_DAYS = 5;
const MAX_ITEMS = 20;

/**
 * Queues one e-mail per user who chose the daily digest and has unread notifications from the last
 * period (07:00–07:00 Oslo). The outbox key is per user and period, so running it again (or on
 * another instance) queues nothing more.
 */
export async function sendDailyDigests({ now = new Date(), db = getDatabase().db }: { now?: Date; db?: Db } = {}): Promise<DigestResult> {
  const period = dailyDigestPeriod(now);
  return asService(
    "digests: queue daily notification digests",
    async (trx) => {
      const rows = await trx
        .selectFrom("notifications")
        .innerJoin("notification_preferences", "notification_preferences.profile_id", "notifications.recipient_id")
        .innerJoin("profiles", "profiles.id", "notifications.recipient_id")
        .select(["profiles.id as profile_id", "profiles.email", "profiles.locale", "notifications.id"])
        .where("notification_preferences.email_mode", "=", "daily_digest")
        .where("notifications.read_at", "is", null)
        .where("notifications.created_at", ">=", period.start)
        .where("notifications.created_at", "<", period.end)
        .orderBy("notifications.created_at", "desc")
        .execute();
      const byUser = new Map<string, { email: string; locale: Locale; ids: string[] }>();
      for (const row of rows) {
        const entry = byUser.get(row.profile_id) ?? { email: row.email, locale: row.locale, ids: [] };
        entry.ids.push(row.id);
        byUser.set(row.profile_id, entry);
      }
      let queued = 0;
      for (const [profileId, entry] of byUser) {
        const inserted = await trx
          .insertInto("outbox_messages")
          .values({
            kind: "daily_digest",
            recipient_email: entry.email,
            recipient_profile_id: profileId,
            locale: entry.locale,
            payload: JSON.stringify({ periodId: period.id, notificationIds: entry.ids }),
            idempotency_key: `daily_digest:${profileId}:${period.id}`,
          })
          .onConflict((oc) => oc.column("idempotency_key").doNothing())
          .returning("id")
          .executeTakeFirst();
        if (inserted) queued += 1;
      }
      return { periodId: period.id, queued };
    },
    db,
  );
}

/**
 * Queues the weekly digest for network members who have not turned it off: per network, ideas
 * submitted in the past week, ideas due within five working days and overdue ideas. Once per user
 * and week; nothing is sent to someone whose networks had nothing to report.
 */
export async function sendWeeklyNetworkDigests({ now = new Date(), db = getDatabase().db }: { now?: Date; db?: Db } = {}): Promise<DigestResult> {
  const period = weeklyDigestPeriod(now);
  const dueSoonUntil = addWorkingDays(now, WEEKLY_DUE_SOON_WORKING_DAYS);
  return asService(
    "digests: queue weekly network digests",
    async (trx) => {
      const members = await trx
        .selectFrom("network_members")
        .innerJoin("profiles", "profiles.id", "network_members.profile_id")
        .innerJoin("networks", "networks.id", "network_members.network_id")
        .leftJoin("notification_preferences", "notification_preferences.profile_id", "profiles.id")
        .select(["profiles.id as profile_id", "profiles.email", "profiles.locale", "networks.id as network_id", "networks.name as network_name"])
        .where((eb) => eb.or([eb("notification_preferences.weekly_network_digest", "is", null), eb("notification_preferences.weekly_network_digest", "=", true)]))
        .orderBy("networks.name")
        .execute();
      const networkIds = [...new Set(members.map((m) => m.network_id))];
      if (networkIds.length === 0) return { periodId: period.id, queued: 0 };
      const { rows: ideas } = await sql<{ network_id: string; public_id: string; title: string; submitted_at: Date; next_due_at: Date | null }>`
        select i.network_id, i.public_id, i.title, i.submitted_at, i.next_due_at
        from public.ideas i
        where i.network_id = any(${sql.val(networkIds)}::uuid[])
          and ((i.submitted_at >= ${period.start} and i.submitted_at < ${period.end})
               or (i.next_due_at is not null and i.next_due_at <= ${dueSoonUntil}))
        order by i.next_due_at nulls last, i.submitted_at desc`.execute(trx);

      const sections = new Map<string, Omit<WeeklyDigestNetwork, "name">>();
      for (const networkId of networkIds) sections.set(networkId, { newIdeas: [], dueSoon: [], overdue: [] });
      for (const idea of ideas) {
        const section = sections.get(idea.network_id)!;
        if (idea.submitted_at >= period.start && idea.submitted_at < period.end) section.newIdeas.push({ publicId: idea.public_id, title: idea.title });
        if (idea.next_due_at) {
          const item = { publicId: idea.public_id, title: idea.title, dueAt: idea.next_due_at.toISOString() };
          if (idea.next_due_at < now) section.overdue.push(item);
          else if (idea.next_due_at <= dueSoonUntil) section.dueSoon.push(item);
        }
      }

      const byUser = new Map<string, { email: string; locale: Locale; networks: WeeklyDigestNetwork[] }>();
      for (const member of members) {
        const section = sections.get(member.network_id)!;
        if (section.newIdeas.length + section.dueSoon.length + section.overdue.length === 0) continue;
        const entry = byUser.get(member.profile_id) ?? { email: member.email, locale: member.locale, networks: [] };
        entry.networks.push({
          name: member.network_name,
          newIdeas: section.newIdeas.slice(0, MAX_ITEMS),
          dueSoon: section.dueSoon.slice(0, MAX_ITEMS),
          overdue: section.overdue.slice(0, MAX_ITEMS),
        });
        byUser.set(member.profile_id, entry);
      }
      let queued = 0;
      for (const [profileId, entry] of byUser) {
        const inserted = await trx
          .insertInto("outbox_messages")
          .values({
            kind: "weekly_network_digest",
            recipient_email: entry.email,
            recipient_profile_id: profileId,
            locale: entry.locale,
            payload: JSON.stringify({ periodId: period.id, networks: entry.networks }),
            idempotency_key: `weekly_network_digest:${profileId}:${period.id}`,
          })
          .onConflict((oc) => oc.column("idempotency_key").doNothing())
          .returning("id")
          .executeTakeFirst();
        if (inserted) queued += 1;
      }
      return { periodId: period.id, queued };
    },
    db,
  );
}
