import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import type { EmailMode } from "~/db/schema";
import { createMailboxMailer } from "~/modules/mail/mailbox-mailer.server";
import { dispatchOutbox } from "~/modules/notifications/dispatch-outbox.server";
import { osloTimeOn } from "~/modules/sla-sweeper/oslo-schedule";
import { startSlaLoop, stopSlaLoop } from "~/modules/sla-sweeper/sla-loop.server";
import { dueLevels, sweepSla } from "~/modules/sla-sweeper/sweep-sla.server";
import { endOfOsloDay } from "~/modules/sla/oslo-calendar";
import { demoUser } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { useTestEnv } from "./auth-helpers";
import { clearPendingOutbox, mailboxMessagesTo, submitDemoIdea, useTempFileStorage } from "./outbox-support";

let testDb: TestDatabase;
let cleanStorage: () => Promise<void>;

const KARI = "kari.nordby@asker.example.no"; // submitter; Asker's ideas go to digi-asker
const INGRID = "ingrid.solberg@asker.example.no"; // member of digi-asker: the owner
const MARIUS = "marius.bakken@asker.example.no"; // coordinator of digi-asker
const VIGDIS = "vigdis.ruud@drammen-helsepark.example.no"; // platform administrator

const ids: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  cleanStorage = await useTempFileStorage();
  for (const email of [KARI, INGRID, MARIUS, VIGDIS]) ids[email] = (await demoUser(testDb.db, email)).id;
});
afterAll(async () => {
  await cleanStorage();
  await testDb.close();
});

const calendarDay = (text: string) => {
  const [year, month, day] = text.split("-").map(Number);
  return { year, month, day };
};
/** An Oslo wall-clock time (summer time included) as an instant. */
const oslo = (day: string, hour: number, minute = 0) => new Date(osloTimeOn(calendarDay(day), hour).getTime() + minute * 60_000);
/** The end of an Oslo calendar day, as addWorkingDays gives deadlines. */
const endOfDay = (day: string) => endOfOsloDay(calendarDay(day));

async function openIdea({ dueAt, ownerEmail }: { dueAt: Date; ownerEmail: string | null }) {
  const { ideaId } = await submitDemoIdea(testDb.db, KARI);
  await asService("test: make the idea open and due", (trx) =>
    sql`update public.ideas set next_due_at = ${dueAt}, owner_id = ${ownerEmail ? ids[ownerEmail] : null} where id = ${ideaId}`.execute(trx),
  );
  return ideaId;
}

async function setEmailMode(email: string, mode: EmailMode) {
  await asService("test: set preference", (trx) =>
    trx
      .insertInto("notification_preferences")
      .values({ profile_id: ids[email], email_mode: mode })
      .onConflict((oc) => oc.column("profile_id").doUpdateSet({ email_mode: mode }))
      .execute(),
  );
}

async function escalations(ideaId: string) {
  return asService("test: read escalations", (trx) =>
    trx.selectFrom("sla_escalations").select(["level", "due_at"]).where("idea_id", "=", ideaId).orderBy("created_at").execute(),
  );
}

async function notificationsFor(ideaId: string) {
  return asService("test: read notifications", (trx) =>
    trx
      .selectFrom("notifications")
      .innerJoin("profiles", "profiles.id", "notifications.recipient_id")
      .select(["notifications.id", "notifications.kind", "profiles.email", "notifications.link"])
      .where("notifications.idea_id", "=", ideaId)
      // Setting the owner also tells them they were assigned; only the sweeper's kinds count here.
      .where("notifications.kind", "like", "sla\\_%")
      .orderBy("notifications.created_at")
      .orderBy("profiles.email")
      .execute(),
  );
}

async function notificationMailsFor(ideaId: string) {
  return asService("test: read outbox", (trx) =>
    trx
      .selectFrom("outbox_messages")
      .innerJoin("notifications", (join) => join.on(sql`notifications.id::text`, "=", sql`outbox_messages.payload->>'notificationId'`))
      .select(["outbox_messages.recipient_email", "notifications.kind", "outbox_messages.idempotency_key"])
      .where("notifications.idea_id", "=", ideaId)
      .where("notifications.kind", "like", "sla\\_%")
      .where("outbox_messages.kind", "=", "notification_email")
      .orderBy("outbox_messages.recipient_email")
      .execute(),
  );
}

async function totals() {
  return asService("test: count", async (trx) => {
    const count = async (table: "notifications" | "sla_escalations" | "outbox_messages") =>
      Number((await trx.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
    return { notifications: await count("notifications"), escalations: await count("sla_escalations"), outbox: await count("outbox_messages") };
  });
}

beforeEach(async () => {
  for (const email of [INGRID, MARIUS, VIGDIS]) await setEmailMode(email, "immediate");
});

describe("when reminders and escalations are due (working days, Norwegian holidays)", () => {
  const config = { reminderWorkingDays: 2, adminEscalationWorkingDays: 5 };

  it("counts Easter 2027 (Skjærtorsdag, Langfredag, 2. påskedag) and the weekend out", () => {
    const due = endOfDay("2027-03-30"); // Tuesday after Easter
    expect(dueLevels(due, oslo("2027-03-22", 12), config)).toEqual([]); // Mon: 3 working days left
    expect(dueLevels(due, oslo("2027-03-23", 12), config)).toEqual(["owner_reminder"]); // Tue: 2 left (24 Mar, 30 Mar)
    expect(dueLevels(due, oslo("2027-03-30", 23), config)).toEqual(["owner_reminder"]);
    expect(dueLevels(due, oslo("2027-03-31", 0, 30), config)).toEqual(["coordinators"]);
    expect(dueLevels(due, oslo("2027-04-05", 12), config)).toEqual(["coordinators"]); // 4 working days overdue
    expect(dueLevels(due, oslo("2027-04-06", 8), config)).toEqual(["coordinators", "admins"]); // 5
  });

  it("counts 17 May 2027 (also 2. pinsedag) out", () => {
    const due = endOfDay("2027-05-18"); // Tuesday
    expect(dueLevels(due, oslo("2027-05-12", 12), config)).toEqual([]); // Wed: 13, 14, 18 May
    expect(dueLevels(due, oslo("2027-05-13", 12), config)).toEqual(["owner_reminder"]); // Thu: 14, 18 May
  });
});

describe("sweepSla", () => {
  it("reminds the owner before Easter, escalates to coordinators and then admins, each exactly once", async () => {
    await clearPendingOutbox(testDb.db);
    const due = endOfDay("2027-03-30");
    const ideaId = await openIdea({ dueAt: due, ownerEmail: INGRID });

    await sweepSla({ now: oslo("2027-03-22", 12) });
    expect(await escalations(ideaId)).toEqual([]);

    await sweepSla({ now: oslo("2027-03-23", 12) });
    expect((await notificationsFor(ideaId)).map((n) => [n.kind, n.email])).toEqual([["sla_owner_reminder", INGRID]]);

    // Over the Easter weekend nothing new happens, however often the sweeper runs.
    for (const day of ["2027-03-25", "2027-03-26", "2027-03-27", "2027-03-28", "2027-03-29"]) {
      await sweepSla({ now: oslo(day, 12) });
    }
    expect(await escalations(ideaId)).toHaveLength(1);

    await sweepSla({ now: oslo("2027-03-31", 9) });
    await sweepSla({ now: oslo("2027-04-05", 9) });
    expect((await escalations(ideaId)).map((e) => e.level)).toEqual(["owner_reminder", "coordinators"]);

    await sweepSla({ now: oslo("2027-04-06", 9) });
    const before = await totals();
    await sweepSla({ now: oslo("2027-04-06", 9) });
    await sweepSla({ now: oslo("2027-04-07", 9) });
    // Running again (the same minute or a day later) creates nothing twice, for this idea or any other.
    expect(await totals()).toEqual(before);

    const levels = await escalations(ideaId);
    expect(levels.map((e) => e.level)).toEqual(["owner_reminder", "coordinators", "admins"]);
    expect(levels.every((e) => e.due_at.getTime() === due.getTime())).toBe(true);
    const notified = (await notificationsFor(ideaId)).map((n) => [n.kind, n.email]);
    expect(notified).toContainEqual(["sla_overdue", MARIUS]);
    expect(notified).toContainEqual(["sla_overdue_admin", VIGDIS]);
    expect(notified.filter(([kind]) => kind === "sla_owner_reminder")).toEqual([["sla_owner_reminder", INGRID]]);
    expect(notified.filter(([kind]) => kind === "sla_overdue").map(([, email]) => email)).not.toContain(INGRID);
    expect((await notificationsFor(ideaId)).every((n) => n.link?.startsWith("/ideer/IDE-"))).toBe(true);
  });

  it("reminds the coordinators when the idea has no owner, before 17 May", async () => {
    const due = endOfDay("2027-05-18");
    const ideaId = await openIdea({ dueAt: due, ownerEmail: null });
    await sweepSla({ now: oslo("2027-05-12", 12) });
    expect(await notificationsFor(ideaId)).toEqual([]);
    await sweepSla({ now: oslo("2027-05-13", 12) });
    expect((await notificationsFor(ideaId)).map((n) => [n.kind, n.email])).toEqual([["sla_owner_reminder", MARIUS]]);
  });

  it("starts over when the deadline moves (the network answered), and ignores closed ideas", async () => {
    const first = endOfDay("2027-03-30");
    const ideaId = await openIdea({ dueAt: first, ownerEmail: INGRID });
    await sweepSla({ now: oslo("2027-03-31", 9) });
    expect((await escalations(ideaId)).map((e) => e.level)).toEqual(["coordinators"]);

    const next = endOfDay("2027-06-01");
    await asService("test: answered", (trx) => sql`update public.ideas set next_due_at = ${next} where id = ${ideaId}`.execute(trx));
    await sweepSla({ now: oslo("2027-05-28", 9) }); // Fri: 31 May and 1 June left
    expect((await escalations(ideaId)).map((e) => [e.level, e.due_at.getTime()])).toEqual([
      ["coordinators", first.getTime()],
      ["owner_reminder", next.getTime()],
    ]);

    await asService("test: closed", (trx) => sql`update public.ideas set next_due_at = null where id = ${ideaId}`.execute(trx));
    await sweepSla({ now: oslo("2027-06-15", 9) });
    expect(await escalations(ideaId)).toHaveLength(2);
  });

  it("e-mails according to each recipient's preference: immediate → outbox, digest → later, off → in-app only", async () => {
    await setEmailMode(INGRID, "off");
    await setEmailMode(MARIUS, "daily_digest");
    await setEmailMode(VIGDIS, "immediate");
    const ideaId = await openIdea({ dueAt: endOfDay("2027-03-30"), ownerEmail: INGRID });

    await sweepSla({ now: oslo("2027-03-23", 12) });
    await sweepSla({ now: oslo("2027-04-06", 12) });
    const notified = (await notificationsFor(ideaId)).map((n) => [n.kind, n.email]);
    expect(notified).toEqual(
      expect.arrayContaining([
        ["sla_owner_reminder", INGRID],
        ["sla_overdue", MARIUS],
        ["sla_overdue_admin", VIGDIS],
      ]),
    );
    expect((await notificationMailsFor(ideaId)).map((m) => [m.kind, m.recipient_email])).toEqual([["sla_overdue_admin", VIGDIS]]);
  });

  it("delivers the immediate e-mail in the recipient's language through the outbox", async () => {
    await clearPendingOutbox(testDb.db);
    await setEmailMode(VIGDIS, "immediate");
    const ideaId = await openIdea({ dueAt: endOfDay("2027-03-30"), ownerEmail: INGRID });
    await sweepSla({ now: oslo("2027-04-06", 12) });
    const before = (await mailboxMessagesTo(testDb.db, VIGDIS)).length;
    const result = await dispatchOutbox({ now: oslo("2027-04-06", 12, 1), mailer: createMailboxMailer() });
    expect(result.failed).toBe(0);
    const mails = (await mailboxMessagesTo(testDb.db, VIGDIS)).slice(before);
    const publicId = (await asService("test", (trx) => trx.selectFrom("ideas").select("public_id").where("id", "=", ideaId).executeTakeFirstOrThrow())).public_id;
    const mail = mails.find((m) => m.subject.includes(publicId));
    expect(mail?.subject).toBe(`Fortsatt forsinket svar på ${publicId}`);
    expect(mail?.text).toContain("tirsdag 30. mars 2027");
    expect(mail?.text).toContain(`/ideer/${publicId}`);
  });

  it("escalates once when several instances sweep at the same moment", async () => {
    const ideaId = await openIdea({ dueAt: endOfDay("2027-03-30"), ownerEmail: INGRID });
    const now = oslo("2027-03-31", 9);
    await Promise.all([sweepSla({ now }), sweepSla({ now }), sweepSla({ now })]);
    expect((await escalations(ideaId)).map((e) => e.level)).toEqual(["coordinators"]);
    const notified = await notificationsFor(ideaId);
    expect(new Set(notified.map((n) => n.email)).size).toBe(notified.length);
    expect(await notificationMailsFor(ideaId)).toHaveLength(notified.length);
  });

  it("runs from the background loop with an injected clock, and stops cleanly", async () => {
    const ideaId = await openIdea({ dueAt: endOfDay("2027-05-18"), ownerEmail: INGRID });
    const lines: string[] = [];
    startSlaLoop({ clock: () => oslo("2027-05-13", 12), intervalMs: 60_000, log: (line) => lines.push(line) });
    await stopSlaLoop();
    expect((await escalations(ideaId)).map((e) => e.level)).toEqual(["owner_reminder"]);
    expect(lines.some((line) => line.startsWith("[sla] reminders"))).toBe(true);
  });
});

