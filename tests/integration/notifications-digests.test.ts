import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import type { EmailMode } from "~/db/schema";
import { createNotifications } from "~/modules/notification-centre/create-notifications.server";
import { createMailboxMailer } from "~/modules/mail/mailbox-mailer.server";
import { dispatchOutbox } from "~/modules/notifications/dispatch-outbox.server";
import { sendDailyDigests, sendWeeklyNetworkDigests, type WeeklyDigestNetwork } from "~/modules/sla-sweeper/digests.server";
import { dailyDigestPeriod, osloTimeOn, weeklyDigestPeriod } from "~/modules/sla-sweeper/oslo-schedule";
import { runSlaJobsOnce } from "~/modules/sla-sweeper/sla-loop.server";
import { demoUser } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { useTestEnv } from "./auth-helpers";
import { clearPendingOutbox, mailboxMessagesTo, submitDemoIdea, useTempFileStorage } from "./outbox-support";

let testDb: TestDatabase;
let cleanStorage: () => Promise<void>;

const KARI = "kari.nordby@asker.example.no"; // no network
const INGRID = "ingrid.solberg@asker.example.no"; // member of digi-asker and hh-kompetanse
const MARIUS = "marius.bakken@asker.example.no"; // coordinator of digi-asker
const EMILY = "emily.carter@drammen.example.no"; // locale en
const ids: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  cleanStorage = await useTempFileStorage();
  for (const email of [KARI, INGRID, MARIUS, EMILY]) ids[email] = (await demoUser(testDb.db, email)).id;
});
afterAll(async () => {
  await cleanStorage();
  await testDb.close();
});

const oslo = (day: string, hour: number, minute = 0) => {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(osloTimeOn({ year, month, day: date }, hour).getTime() + minute * 60_000);
};

async function setPreferences(email: string, mode: EmailMode, weekly = true) {
  await asService("test: set preference", (trx) =>
    trx
      .insertInto("notification_preferences")
      .values({ profile_id: ids[email], email_mode: mode, weekly_network_digest: weekly })
      .onConflict((oc) => oc.column("profile_id").doUpdateSet({ email_mode: mode, weekly_network_digest: weekly }))
      .execute(),
  );
}

/** A notification created at a chosen time, through the same operation the sweeper uses. */
async function notifyAt(email: string, at: Date, publicId: string) {
  return asService("test: notify", async (trx) => {
    const [created] = await createNotifications(trx, [
      { recipientId: ids[email], kind: "sla_owner_reminder", values: { title: `Forslag ${publicId}`, publicId, dueAt: "2027-03-30T21:59:59.999Z" }, link: `/ideer/${publicId}` },
    ]);
    await trx.updateTable("notifications").set({ created_at: at } as never).where("id", "=", created.id).execute();
    return created;
  });
}

async function outboxOfKind(kind: string, email: string) {
  return asService("test: read outbox", (trx) =>
    trx.selectFrom("outbox_messages").selectAll().where("kind", "=", kind).where("recipient_email", "=", email).orderBy("created_at").execute(),
  );
}

describe("digest periods (Oslo time)", () => {
  it("ends the daily period at 07:00 and the weekly one on Monday 07:00, also across summer time", () => {
    expect(dailyDigestPeriod(oslo("2027-03-29", 6, 59)).id).toBe("2027-03-28");
    const daily = dailyDigestPeriod(oslo("2027-03-28", 7));
    expect(daily).toEqual({ id: "2027-03-28", start: oslo("2027-03-27", 7), end: oslo("2027-03-28", 7) });
    expect(daily.end.getTime() - daily.start.getTime()).toBe(23 * 3_600_000); // the night summer time began
    expect(weeklyDigestPeriod(oslo("2027-03-08", 6)).id).toBe("2027-03-01");
    expect(weeklyDigestPeriod(oslo("2027-03-08", 7, 30)).id).toBe("2027-03-08");
    expect(weeklyDigestPeriod(oslo("2027-03-14", 23)).id).toBe("2027-03-08");
  });
});

describe("sendDailyDigests", () => {
  it("sends the daily-digest users their unread notifications of the day once, and nobody else", async () => {
    await clearPendingOutbox(testDb.db);
    await setPreferences(INGRID, "daily_digest");
    await setPreferences(MARIUS, "immediate");
    await setPreferences(KARI, "off");
    const inWindow = await notifyAt(INGRID, oslo("2027-03-10", 15), "IDE-2027-0101");
    const alsoInWindow = await notifyAt(INGRID, oslo("2027-03-11", 6, 30), "IDE-2027-0102");
    const read = await notifyAt(INGRID, oslo("2027-03-10", 16), "IDE-2027-0103");
    await asService("test: read one", (trx) => trx.updateTable("notifications").set({ read_at: new Date() }).where("id", "=", read.id).execute());
    await notifyAt(INGRID, oslo("2027-03-09", 12), "IDE-2027-0104"); // the period before
    const mariusImmediate = await notifyAt(MARIUS, oslo("2027-03-10", 15), "IDE-2027-0105");
    await notifyAt(KARI, oslo("2027-03-10", 15), "IDE-2027-0106");
    expect([inWindow.emailed, mariusImmediate.emailed]).toEqual([false, true]);

    const now = oslo("2027-03-11", 7, 1);
    expect((await sendDailyDigests({ now })).queued).toBe(1);
    expect((await sendDailyDigests({ now: oslo("2027-03-11", 12) })).queued).toBe(0);
    const rows = await outboxOfKind("daily_digest", INGRID);
    expect(rows).toHaveLength(1);
    expect(rows[0].idempotency_key).toBe(`daily_digest:${ids[INGRID]}:2027-03-11`);
    expect([...(rows[0].payload.notificationIds as string[])].sort()).toEqual([inWindow.id, alsoInWindow.id].sort());
    expect(await outboxOfKind("daily_digest", MARIUS)).toEqual([]);
    expect(await outboxOfKind("daily_digest", KARI)).toEqual([]);

    const before = (await mailboxMessagesTo(testDb.db, INGRID)).length;
    await dispatchOutbox({ now: oslo("2027-03-11", 7, 2), mailer: createMailboxMailer() });
    const mail = (await mailboxMessagesTo(testDb.db, INGRID)).slice(before).find((m) => m.subject.startsWith("Daglig sammendrag"));
    expect(mail?.subject).toBe("Daglig sammendrag: 2 uleste varsler");
    expect(mail?.text).toContain("IDE-2027-0101");
    expect(mail?.text).toContain("IDE-2027-0102");
    expect(mail?.text).not.toContain("IDE-2027-0103");
    expect(mail?.text).toContain("/innstillinger/varsler");

    // The next day is a new period.
    await notifyAt(INGRID, oslo("2027-03-11", 9), "IDE-2027-0107");
    expect((await sendDailyDigests({ now: oslo("2027-03-12", 7) })).queued).toBe(1);
    expect(await outboxOfKind("daily_digest", INGRID)).toHaveLength(2);
  });
});

describe("sendWeeklyNetworkDigests", () => {
  it("sends members a snapshot of new, due-soon and overdue ideas once a week, unless they turned it off", async () => {
    await clearPendingOutbox(testDb.db);
    await setPreferences(INGRID, "immediate", false);
    await setPreferences(MARIUS, "off", true); // the weekly digest is its own choice
    const fresh = await submitDemoIdea(testDb.db, KARI);
    const late = await submitDemoIdea(testDb.db, KARI);
    const soon = await submitDemoIdea(testDb.db, KARI);
    await asService("test: place the ideas in March 2027", async (trx) => {
      const place = (id: string, submitted: Date, due: Date | null) =>
        sql`update public.ideas set submitted_at = ${submitted}, first_answer_due_at = ${new Date(submitted.getTime() + 14 * 86_400_000)},
            next_due_at = ${due} where id = ${id}`.execute(trx);
      await place(fresh.ideaId, oslo("2027-03-03", 10), oslo("2027-03-17", 23));
      await place(late.ideaId, oslo("2027-02-10", 10), oslo("2027-03-05", 23));
      await place(soon.ideaId, oslo("2027-02-20", 10), oslo("2027-03-12", 23));
    });
    const publicIds = await asService("test", (trx) =>
      trx.selectFrom("ideas").select(["id", "public_id"]).where("id", "in", [fresh.ideaId, late.ideaId, soon.ideaId]).execute(),
    );
    const publicId = (id: string) => publicIds.find((r) => r.id === id)!.public_id;

    const now = oslo("2027-03-08", 7, 30);
    const first = await sendWeeklyNetworkDigests({ now });
    expect(first.periodId).toBe("2027-03-08");
    expect(first.queued).toBeGreaterThan(0);
    expect((await sendWeeklyNetworkDigests({ now: oslo("2027-03-10", 12) })).queued).toBe(0);

    expect(await outboxOfKind("weekly_network_digest", INGRID)).toEqual([]);
    expect(await outboxOfKind("weekly_network_digest", KARI)).toEqual([]);
    const rows = await outboxOfKind("weekly_network_digest", MARIUS);
    expect(rows).toHaveLength(1);
    const networks = rows[0].payload.networks as WeeklyDigestNetwork[];
    const digiAsker = networks.find((n) => n.newIdeas.some((i) => i.publicId === publicId(fresh.ideaId)));
    expect(digiAsker).toBeDefined();
    expect(digiAsker!.overdue.map((i) => i.publicId)).toContain(publicId(late.ideaId));
    expect(digiAsker!.dueSoon.map((i) => i.publicId)).toContain(publicId(soon.ideaId));
    expect(digiAsker!.dueSoon.map((i) => i.publicId)).not.toContain(publicId(fresh.ideaId));

    const before = (await mailboxMessagesTo(testDb.db, MARIUS)).length;
    await dispatchOutbox({ now: oslo("2027-03-08", 7, 31), mailer: createMailboxMailer() });
    const mail = (await mailboxMessagesTo(testDb.db, MARIUS)).slice(before).find((m) => m.subject === "Ukesammendrag for nettverkene dine");
    expect(mail?.text).toContain(publicId(fresh.ideaId));
    expect(mail?.text).toMatch(/: \d+ forsinke(t|de) forslag/);
  });

  it("is run by the loop's pass only once per period", async () => {
    const now = oslo("2027-03-15", 7, 5);
    const first = await runSlaJobsOnce(now);
    expect(first.weekly?.periodId).toBe("2027-03-15");
    const again = await runSlaJobsOnce(oslo("2027-03-15", 7, 6), { done: { daily: first.daily!.periodId, weekly: first.weekly!.periodId } });
    expect(again.daily).toBeNull();
    expect(again.weekly).toBeNull();
    // Another instance that has not remembered anything queues nothing more either.
    const other = await runSlaJobsOnce(oslo("2027-03-15", 7, 7));
    expect(other.weekly?.queued).toBe(0);
    expect(other.daily?.queued).toBe(0);
  });
});
