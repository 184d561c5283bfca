import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { createResendMailer } from "~/modules/mail/resend-mailer.server";
import { dispatchOutbox, safeErrorText } from "~/modules/notifications/dispatch-outbox.server";
import { defaultBackoffPolicy } from "~/modules/notifications/outbox-backoff";
import { kickOutbox, startOutboxLoop, stopOutboxLoop } from "~/modules/notifications/outbox-loop.server";
import { parseEnv, setEnv } from "~/utils/env.server";
import { createResendMock, RESEND_API } from "../mocks/resend";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import {
  clearPendingOutbox,
  mailboxMessagesTo,
  outboxRowsFor,
  rateLimited,
  scriptedMailer,
  serverError,
  submitDemoIdea,
  useTempFileStorage,
} from "./outbox-support";

const resend = createResendMock();
const server = setupServer(...resend.handlers);
const minute = 60_000;
const midpoint = () => 0.5;

let testDb: TestDatabase;
let cleanUpStorage: () => Promise<void>;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  setEnv(parseEnv({ APP_ENV: "test", APP_URL: "https://idehub.example.no" }));
  cleanUpStorage = await useTempFileStorage();
});
beforeEach(async () => {
  await clearPendingOutbox(testDb.db);
});
afterEach(() => {
  server.resetHandlers();
  resend.reset();
});
afterAll(async () => {
  server.close();
  await stopOutboxLoop();
  await cleanUpStorage();
  await testDb.close();
});

const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe("dispatching the outbox", () => {
  it("delivers a submitted idea's receipts exactly once, even when two dispatchers run at the same time", async () => {
    const idea = await submitDemoIdea(testDb.db, "ahmed.rahimi@drammen.example.no", {
      onBehalf: "on",
      onBehalfName: "Per Kollega",
      onBehalfEmail: "per.kollega@drammen.example.no",
    });
    const now = new Date();
    const [first, second] = await Promise.all([dispatchOutbox({ now }), dispatchOutbox({ now })]);
    expect(first.sent + second.sent).toBe(2);
    expect(first.claimed + second.claimed).toBe(2);

    const again = await dispatchOutbox({ now: later(now, 60 * minute) });
    expect(again.claimed).toBe(0);

    const rows = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(rows.map((r) => [r.recipient_email, r.status, r.attempts])).toEqual([
      ["ahmed.rahimi@drammen.example.no", "sent", 1],
      ["per.kollega@drammen.example.no", "sent", 1],
    ]);
    for (const row of rows) {
      expect(row.sent_at?.getTime()).toBe(now.getTime());
      expect(row.locked_until).toBeNull();
      const mail = await mailboxMessagesTo(testDb.db, row.recipient_email);
      const receipts = mail.filter((m) => m.tags.idempotencyKey === row.idempotency_key);
      expect(receipts).toHaveLength(1);
      expect(row.provider_message_id).toBe(receipts[0].id);
      expect(receipts[0].subject).toContain(idea.publicId);
    }
  });

  it("lets dispatchers that overlap while sending share the work without sending anything twice", async () => {
    const ideas = [];
    for (const email of ["kari.nordby@asker.example.no", "ahmed.rahimi@drammen.example.no", "maria.haugen@lier.example.no"]) {
      ideas.push(await submitDemoIdea(testDb.db, email));
    }
    const { mailer, calls } = scriptedMailer(() => null);
    const slowMailer = { send: async (message: Parameters<typeof mailer.send>[0]) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return mailer.send(message);
    } };
    const now = new Date();
    const results = await Promise.all([1, 2, 3].map(() => dispatchOutbox({ now, mailer: slowMailer, batchSize: 2 })));
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    expect(results.reduce((sum, r) => sum + r.claimed, 0)).toBe(3);
    expect(calls.sort()).toEqual(["ahmed.rahimi@drammen.example.no", "kari.nordby@asker.example.no", "maria.haugen@lier.example.no"]);
    for (const idea of ideas) {
      const [row] = await outboxRowsFor(testDb.db, idea.ideaId);
      expect(row).toMatchObject({ status: "sent", attempts: 1 });
    }
  });

  // PGlite has one connection, so a second instance holding a lock cannot be simulated there.
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("skips, without waiting, rows another instance is claiming (PostgreSQL)", async () => {
    const busy = await submitDemoIdea(testDb.db, "kari.nordby@asker.example.no");
    const free = await submitDemoIdea(testDb.db, "ahmed.rahimi@drammen.example.no");
    const [busyRow] = await outboxRowsFor(testDb.db, busy.ideaId);
    const { mailer, calls } = scriptedMailer(() => null);
    const result = await asService(
      "test: another instance mid-claim",
      async (trx) => {
        await trx.selectFrom("outbox_messages").select("id").where("id", "=", busyRow.id).forUpdate().execute();
        return dispatchOutbox({ mailer });
      },
      testDb.db,
    );
    expect(result).toMatchObject({ claimed: 1, sent: 1 });
    expect(calls).toEqual(["ahmed.rahimi@drammen.example.no"]);
    expect((await outboxRowsFor(testDb.db, free.ideaId))[0].status).toBe("sent");
    expect((await outboxRowsFor(testDb.db, busy.ideaId))[0]).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("retries a failing mailer with growing delays and then delivers once", async () => {
    const idea = await submitDemoIdea(testDb.db, "kari.nordby@asker.example.no");
    const { mailer, calls } = scriptedMailer((call) => (call <= 2 ? serverError() : null));
    const start = new Date();

    const firstTry = await dispatchOutbox({ now: start, mailer, random: midpoint });
    expect(firstTry).toMatchObject({ claimed: 1, sent: 0, retried: 1, failed: 0 });
    let [row] = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(row).toMatchObject({ status: "pending", attempts: 1, locked_until: null });
    expect(row.next_attempt_at.getTime()).toBe(start.getTime() + 2 * minute);
    expect(row.last_error).toMatch(/status 500/);

    expect((await dispatchOutbox({ now: later(start, 1 * minute), mailer })).claimed).toBe(0);

    const secondAt = later(start, 2 * minute);
    expect(await dispatchOutbox({ now: secondAt, mailer, random: midpoint })).toMatchObject({ claimed: 1, retried: 1 });
    [row] = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(row.attempts).toBe(2);
    expect(row.next_attempt_at.getTime()).toBe(secondAt.getTime() + 4 * minute);

    expect(await dispatchOutbox({ now: later(secondAt, 4 * minute), mailer })).toMatchObject({ claimed: 1, sent: 1 });
    [row] = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(row).toMatchObject({ status: "sent", attempts: 3, last_error: null });
    expect(calls).toHaveLength(3);
    expect(await mailboxMessagesTo(testDb.db, "kari.nordby@asker.example.no").then((m) => m.filter((x) => x.tags.idempotencyKey === row.idempotency_key))).toHaveLength(1);
  });

  it("gives a message up as 'failed' after the last allowed attempt, and never claims it again", async () => {
    const idea = await submitDemoIdea(testDb.db, "kari.nordby@asker.example.no");
    const { mailer, calls } = scriptedMailer(() => serverError());
    const policy = { ...defaultBackoffPolicy, maxAttempts: 3 };
    let now = new Date();
    const results = [];
    for (let i = 0; i < 4; i += 1) {
      results.push(await dispatchOutbox({ now, mailer, policy }));
      now = later(now, 24 * 60 * minute);
    }
    expect(results.map((r) => [r.retried, r.failed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    const [row] = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(row).toMatchObject({ status: "failed", attempts: 3, sent_at: null, locked_until: null });
    expect(row.last_error).toMatch(/status 500/);
    expect(calls).toHaveLength(3);
  });

  it("on a 429 waits as long as Retry-After says, stops the batch, and does not count it as an attempt", async () => {
    const first = await submitDemoIdea(testDb.db, "kari.nordby@asker.example.no");
    const second = await submitDemoIdea(testDb.db, "ahmed.rahimi@drammen.example.no");
    const { mailer, calls } = scriptedMailer((call) => (call === 1 ? rateLimited(30) : null));
    const now = new Date();

    const limited = await dispatchOutbox({ now, mailer });
    expect(limited).toMatchObject({ claimed: 2, sent: 0, deferred: 2 });
    expect(limited.rateLimitedUntil?.getTime()).toBe(now.getTime() + 30_000);
    expect(calls).toHaveLength(1);
    for (const ideaId of [first.ideaId, second.ideaId]) {
      const [row] = await outboxRowsFor(testDb.db, ideaId);
      expect(row).toMatchObject({ status: "pending", attempts: 0, locked_until: null });
      expect(row.next_attempt_at.getTime()).toBe(now.getTime() + 30_000);
    }

    expect((await dispatchOutbox({ now: later(now, 10_000), mailer })).claimed).toBe(0);
    expect(await dispatchOutbox({ now: later(now, 31_000), mailer })).toMatchObject({ claimed: 2, sent: 2 });
  });

  it("after a 429 without Retry-After waits the default time", async () => {
    const idea = await submitDemoIdea(testDb.db, "kari.nordby@asker.example.no");
    const { mailer } = scriptedMailer((call) => (call === 1 ? rateLimited(null) : null));
    const now = new Date();
    const limited = await dispatchOutbox({ now, mailer, defaultRateLimitMs: 45_000 });
    expect(limited.rateLimitedUntil?.getTime()).toBe(now.getTime() + 45_000);
    const [row] = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(row.next_attempt_at.getTime()).toBe(now.getTime() + 45_000);
  });

  it("closes a message whose idea no longer exists instead of retrying it", async () => {
    const idea = await submitDemoIdea(testDb.db, "kari.nordby@asker.example.no");
    const [before] = await outboxRowsFor(testDb.db, idea.ideaId);
    await asService("test: delete idea", (trx) => trx.deleteFrom("ideas").where("id", "=", idea.ideaId).execute(), testDb.db);
    const { mailer, calls } = scriptedMailer(() => null);
    expect(await dispatchOutbox({ mailer })).toMatchObject({ claimed: 1, failed: 1 });
    const [after] = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(after.id).toBe(before.id);
    expect(after.status).toBe("failed");
    expect(after.last_error).toMatch(/nothing to send/);
    expect(calls).toHaveLength(0);
  });

  it("leaves kinds it cannot render for an instance that can", async () => {
    await asService(
      "test: a message of a kind from a newer version",
      (trx) =>
        trx
          .insertInto("outbox_messages")
          .values({ kind: "from_the_future", recipient_email: "kari.nordby@asker.example.no", idempotency_key: "from_the_future:1" })
          .execute(),
      testDb.db,
    );
    expect((await dispatchOutbox()).claimed).toBe(0);
    const row = await asService(
      "test: read",
      (trx) => trx.selectFrom("outbox_messages").selectAll().where("idempotency_key", "=", "from_the_future:1").executeTakeFirstOrThrow(),
      testDb.db,
    );
    expect(row).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("does not store credentials in last_error", () => {
    const text = safeErrorText(new Error("connect to postgres://idehub:s3cret@db.example.no/idehub failed with Bearer re_abc123XYZ"));
    expect(text).not.toContain("s3cret");
    expect(text).not.toContain("re_abc123XYZ");
    expect(text).toContain("postgres://…@db.example.no");
  });
});

describe("dispatching through Resend (MSW)", () => {
  const resendMailer = () => createResendMailer({ apiKey: "re_test_key", from: "HelseHub Idéhub <idehub@example.no>" });

  it("sends a single message with the row's idempotency key as the Idempotency-Key header", async () => {
    const idea = await submitDemoIdea(testDb.db, "kari.nordby@asker.example.no");
    const [row] = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(await dispatchOutbox({ mailer: resendMailer() })).toMatchObject({ sent: 1 });
    expect(resend.sent).toHaveLength(1);
    expect(resend.sent[0].idempotencyKey).toBe(row.idempotency_key);
    expect(resend.sent[0].body.to).toBe("kari.nordby@asker.example.no");
    expect(resend.sent[0].body.text).toContain(idea.publicId);
    const [sent] = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(sent.provider_message_id).toBe(resend.sent[0].id);
  });

  const submitWithColleague = () =>
    submitDemoIdea(testDb.db, "ahmed.rahimi@drammen.example.no", {
      onBehalf: "on",
      onBehalfName: "Per Kollega",
      onBehalfEmail: "per.kollega@drammen.example.no",
    });
  const recipientsOf = (sent: { body: { to: string | string[] } }[]) => sent.map((s) => s.body.to).sort();
  const BOTH = ["ahmed.rahimi@drammen.example.no", "per.kollega@drammen.example.no"];

  it("sends first attempts as one batch; after a 500 the same batch goes again under its key, exactly once", async () => {
    const idea = await submitWithColleague();
    const keys: (string | null)[] = [];
    server.use(
      http.post(
        `${RESEND_API}/emails/batch`,
        ({ request }) => {
          keys.push(request.headers.get("idempotency-key"));
          return HttpResponse.json({ statusCode: 500, name: "internal_server_error", message: "An unexpected error occurred." }, { status: 500 });
        },
        { once: true },
      ),
    );
    const mailer = resendMailer();
    const now = new Date();
    expect(await dispatchOutbox({ now, mailer, random: midpoint })).toMatchObject({ claimed: 2, retried: 2 });
    expect(keys[0]).toMatch(/^outbox-batch:[0-9a-f]{64}$/);
    expect(resend.sent).toHaveLength(0);
    const waiting = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(waiting.map((r) => r.batch_key)).toEqual([keys[0], keys[0]]);
    // Both come due at the same time, so they can go again together.
    expect(waiting[0].next_attempt_at).toEqual(waiting[1].next_attempt_at);

    expect(await dispatchOutbox({ now: later(now, 3 * minute), mailer })).toMatchObject({ claimed: 2, sent: 2 });
    expect(resend.batches.map((b) => b.idempotencyKey)).toEqual([keys[0]]);
    expect(recipientsOf(resend.sent)).toEqual(BOTH);
  });

  it("repeats a batch Resend accepted but whose answer was lost, and every mail arrives once", async () => {
    const idea = await submitWithColleague();
    const mailer = resendMailer();
    const now = new Date();
    resend.loseAnswers(1);
    expect(await dispatchOutbox({ now, mailer, random: midpoint })).toMatchObject({ claimed: 2, retried: 2 });
    expect(recipientsOf(resend.sent)).toEqual(BOTH); // delivered, but we were not told

    expect(await dispatchOutbox({ now: later(now, 3 * minute), mailer })).toMatchObject({ claimed: 2, sent: 2 });
    expect(recipientsOf(resend.sent)).toEqual(BOTH);
    const rows = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(rows.map((r) => r.provider_message_id).sort()).toEqual([...resend.batches[0].ids].sort());
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["sent", 2], ["sent", 2]]);
  });

  it("repeats the mails as first sent, even when the idea changed in between, and keeps no mail body once sent", async () => {
    const idea = await submitWithColleague();
    const mailer = resendMailer();
    const now = new Date();
    resend.loseAnswers(1);
    await dispatchOutbox({ now, mailer, random: midpoint });
    const firstSubjects = resend.sent.map((s) => s.body.subject);
    await asService("test: the submitter edits the title", (trx) => trx.updateTable("ideas").set({ title: "Nattlig tilsyn med kamera, nytt navn" }).where("id", "=", idea.ideaId).execute(), testDb.db);
    const waiting = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(waiting.every((r) => r.sent_mail !== null && r.sent_mail.subject.length > 0)).toBe(true);

    // Re-rendered, the mails would differ and Resend would answer 409 for the reused key.
    expect(await dispatchOutbox({ now: later(now, 3 * minute), mailer })).toMatchObject({ claimed: 2, sent: 2 });
    expect(resend.sent.map((s) => s.body.subject)).toEqual(firstSubjects);
    const rows = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(rows.map((r) => [r.status, r.sent_mail])).toEqual([["sent", null], ["sent", null]]);
    // Whoever closes a message, its body goes (a trigger).
    await asService("test: a body on a sent message", (trx) => trx.updateTable("outbox_messages").set({ sent_mail: JSON.stringify({ subject: "x", html: "x", text: "x" }) }).where("id", "=", rows[0].id).execute(), testDb.db);
    expect((await outboxRowsFor(testDb.db, idea.ideaId))[0].sent_mail).toBeNull();
  });

  it("lets the next dispatcher repeat a batch whose dispatcher died while sending it, exactly once", async () => {
    const idea = await submitWithColleague();
    const real = resendMailer();
    // Sends, then never comes back: as a process killed before it could record the answer.
    const dying = { send: real.send, sendBatch: async (...args: Parameters<NonNullable<typeof real.sendBatch>>) => {
      await real.sendBatch!(...args);
      return new Promise<never>(() => {});
    } };
    const now = new Date();
    void dispatchOutbox({ now, mailer: dying, lockMs: 10_000 });
    await expect.poll(() => resend.sent.length).toBe(2);
    expect(await dispatchOutbox({ now: later(now, 5_000), mailer: real })).toMatchObject({ claimed: 0 });

    expect(await dispatchOutbox({ now: later(now, 11_000), mailer: real })).toMatchObject({ claimed: 2, sent: 2 });
    expect(recipientsOf(resend.sent)).toEqual(BOTH);
    expect(resend.batches).toHaveLength(1);
    expect((await outboxRowsFor(testDb.db, idea.ideaId)).map((r) => r.status)).toEqual(["sent", "sent"]);
  });

  it("claims a batch whole or not at all", async () => {
    const idea = await submitWithColleague();
    const mailer = resendMailer();
    const now = new Date();
    resend.loseAnswers(1);
    await dispatchOutbox({ now, mailer, random: midpoint });
    const [first, second] = await outboxRowsFor(testDb.db, idea.ideaId);
    // Another dispatcher holds one of the two (its lease runs for another hour).
    await asService("test: one member leased elsewhere", (trx) => trx.updateTable("outbox_messages").set({ locked_until: later(now, 60 * minute) }).where("id", "=", second.id).execute(), testDb.db);
    expect(await dispatchOutbox({ now: later(now, 3 * minute), mailer })).toMatchObject({ claimed: 0, sent: 0 });
    expect((await outboxRowsFor(testDb.db, idea.ideaId)).find((r) => r.id === first.id)).toMatchObject({ status: "pending", attempts: 1, locked_until: null });

    expect(await dispatchOutbox({ now: later(now, 61 * minute), mailer })).toMatchObject({ claimed: 2, sent: 2 });
    expect(recipientsOf(resend.sent)).toEqual(BOTH);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("leaves a batch alone while another instance is claiming one of its mails (PostgreSQL)", async () => {
    const idea = await submitWithColleague();
    const mailer = resendMailer();
    const now = new Date();
    resend.loseAnswers(1);
    await dispatchOutbox({ now, mailer, random: midpoint });
    const [, second] = await outboxRowsFor(testDb.db, idea.ideaId);
    const result = await asService(
      "test: another instance mid-claim",
      async (trx) => {
        await trx.selectFrom("outbox_messages").select("id").where("id", "=", second.id).forUpdate().execute();
        return dispatchOutbox({ now: later(now, 3 * minute), mailer });
      },
      testDb.db,
    );
    expect(result).toMatchObject({ claimed: 0 });
    expect((await outboxRowsFor(testDb.db, idea.ideaId)).map((r) => [r.status, r.attempts])).toEqual([["pending", 1], ["pending", 1]]);
    expect(await dispatchOutbox({ now: later(now, 3 * minute), mailer })).toMatchObject({ claimed: 2, sent: 2 });
    expect(recipientsOf(resend.sent)).toEqual(BOTH);
  });

  it("counts a batch that lost a member since as sent when Resend answers 409 for its reused key (it was sent before)", async () => {
    const idea = await submitWithColleague();
    const mailer = resendMailer();
    const now = new Date();
    resend.loseAnswers(1);
    await dispatchOutbox({ now, mailer, random: midpoint });
    expect(recipientsOf(resend.sent)).toEqual(BOTH);
    // The colleague's message goes (as when its recipient deletes their account): the batch is now one mail.
    const [ahmed, colleague] = await outboxRowsFor(testDb.db, idea.ideaId);
    await asService("test: a member of the batch deleted", (trx) => trx.deleteFrom("outbox_messages").where("id", "=", colleague!.id).execute(), testDb.db);

    expect(await dispatchOutbox({ now: later(now, 3 * minute), mailer })).toMatchObject({ claimed: 1, sent: 1 });
    expect(recipientsOf(resend.sent)).toEqual(BOTH); // nothing sent again
    expect((await outboxRowsFor(testDb.db, idea.ideaId)).find((r) => r.id === ahmed!.id)).toMatchObject({
      status: "sent",
      provider_message_id: null,
      last_error: "sent earlier under the same idempotency key",
      sent_mail: null,
    });
  });

  it("splits a batch Resend refused outright (422): each mail then goes alone with its own key", async () => {
    const idea = await submitWithColleague();
    const rows = await outboxRowsFor(testDb.db, idea.ideaId);
    server.use(
      http.post(`${RESEND_API}/emails/batch`, () => HttpResponse.json({ statusCode: 422, name: "validation_error", message: "Invalid `to` field." }, { status: 422 }), {
        once: true,
      }),
    );
    const mailer = resendMailer();
    const now = new Date();
    expect(await dispatchOutbox({ now, mailer, random: midpoint })).toMatchObject({ claimed: 2, retried: 2 });
    expect((await outboxRowsFor(testDb.db, idea.ideaId)).map((r) => r.batch_key)).toEqual([null, null]);

    expect(await dispatchOutbox({ now: later(now, 3 * minute), mailer })).toMatchObject({ claimed: 2, sent: 2 });
    expect(resend.batches).toHaveLength(0);
    expect(resend.sent.map((s) => [s.body.to, s.idempotencyKey]).sort()).toEqual(rows.map((r) => [r.recipient_email, r.idempotency_key]).sort());
  });

  it("delivers a batch in one request when all goes well", async () => {
    const idea = await submitDemoIdea(testDb.db, "ahmed.rahimi@drammen.example.no", {
      onBehalf: "on",
      onBehalfName: "Per Kollega",
      onBehalfEmail: "per.kollega@drammen.example.no",
    });
    expect(await dispatchOutbox({ mailer: resendMailer() })).toMatchObject({ claimed: 2, sent: 2 });
    expect(resend.batches).toHaveLength(1);
    expect(resend.sent.map((s) => s.body.to).sort()).toEqual(["ahmed.rahimi@drammen.example.no", "per.kollega@drammen.example.no"]);
    const rows = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(rows.map((r) => r.provider_message_id).sort()).toEqual([...resend.batches[0].ids].sort());
  });

  it("reads Resend's Retry-After on a 429 and sends nothing until then", async () => {
    const idea = await submitDemoIdea(testDb.db, "kari.nordby@asker.example.no");
    server.use(
      http.post(
        `${RESEND_API}/emails`,
        () =>
          HttpResponse.json(
            { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests." },
            { status: 429, headers: { "retry-after": "20" } },
          ),
        { once: true },
      ),
    );
    const mailer = resendMailer();
    const now = new Date();
    const limited = await dispatchOutbox({ now, mailer });
    expect(limited).toMatchObject({ deferred: 1, sent: 0 });
    expect(limited.rateLimitedUntil?.getTime()).toBe(now.getTime() + 20_000);
    expect(await dispatchOutbox({ now: later(now, 21_000), mailer })).toMatchObject({ sent: 1 });
    expect(resend.sent).toHaveLength(1);
    const [row] = await outboxRowsFor(testDb.db, idea.ideaId);
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
  });
});

describe("the background loop", () => {
  it("delivers right after a kick and stops cleanly", async () => {
    const idea = await submitDemoIdea(testDb.db, "kari.nordby@asker.example.no");
    const lines: string[] = [];
    startOutboxLoop({ intervalMs: 60_000, log: (line) => lines.push(line) });
    kickOutbox();
    const deadline = Date.now() + 10_000;
    let status = "pending";
    while (status === "pending" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      [{ status }] = await outboxRowsFor(testDb.db, idea.ideaId);
    }
    await stopOutboxLoop();
    expect(status).toBe("sent");
    expect(lines.some((l) => l.startsWith("[outbox] sent 1"))).toBe(true);
    kickOutbox(); // a no-op once stopped
  });
});
