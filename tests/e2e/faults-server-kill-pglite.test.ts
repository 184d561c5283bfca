import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/server";
import { burst, ideaForms, receiptPath, resend, signInDemoProfile } from "./support/submission-burst";

// The same fault as faults-server-kill.test.ts, on the embedded database `npm start` uses: the
// server (and with it PGlite, which runs inside the server process) is SIGKILLed in the middle of
// 500 concurrent submissions and started again on the same data directory. PGlite must recover
// from its write-ahead log; every confirmed submission exists exactly once and every receipt is
// delivered exactly once. PGlite is one session in the server's process, so the test reads the
// database only while no server runs.

const SUBMISSIONS = 500;
const KILL_AFTER_RESPONSES = 200;
const PEOPLE = 10;
/** No outbox activity for this long after the resent forms: the queue is empty or stuck. */
const QUIET_MS = 15_000;

let dir: string;
let server: AppServer | undefined;
const dataDir = () => path.join(dir, "app", "pglite");
const env = {
  SESSION_SECRET: "faults-test-session-secret-0123456789abcdef",
  RATE_LIMIT_IDEAS_PER_HOUR: "100000",
  // A claim by the killed server's dispatcher comes back after this (default 5 minutes).
  OUTBOX_LOCK_SECONDS: "5",
};

async function withDatabase<T>(use: (db: PGlite) => Promise<T>): Promise<T> {
  const db = await PGlite.create(dataDir(), { extensions: { pg_trgm } });
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

const start = () => startAppServer(env, { dir: path.join(dir, "app") });

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "idehub-faults-pglite-"));
});

afterAll(async () => {
  await server?.stop().catch(() => {});
  await fsp.rm(dir, { recursive: true, force: true });
});

/** Total of the "[outbox] sent N" lines in a server log. */
function sentInLog(log: string) {
  return [...log.matchAll(/\[outbox\] sent (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

describe("the server killed during a burst of submissions, on embedded PGlite", () => {
  it("recovers the data directory, keeps every confirmed submission once and delivers every receipt once", { timeout: 300_000 }, async () => {
    // First start migrates and seeds; read the ids the forms need, with the server stopped.
    server = await start();
    await server.stop();
    server = undefined;
    const { ids, people } = await withDatabase(async (db) => ({
      ids: (
        await db.query<{ theme: string; area: string }>(
          `select (select id from themes where slug = 'trygghetsskapende-teknologi') as theme, (select id from service_areas where slug = 'hjemmetjenester') as area`,
        )
      ).rows[0]!,
      people: (await db.query<{ id: string }>(`select id from profiles where platform_role = 'employee' and onboarded_at is not null order by email limit ${PEOPLE}`)).rows,
    }));
    const forms = ideaForms(SUBMISSIONS, PEOPLE, ids);
    const keys = forms.map((f) => f.key);

    const first = await start();
    server = first;
    let cookies = await Promise.all(people.map((person) => signInDemoProfile(first.baseUrl, person.id)));
    let killed: Promise<void> | undefined;
    const { ms: burstMs, confirmed, otherAnswers, lost } = await burst(first.baseUrl, forms, cookies, (answered) => {
      if (answered === KILL_AFTER_RESPONSES) killed = first.kill();
    });
    await killed;
    server = undefined;
    expect(otherAnswers.map((r) => `${r.status} ${r.location}`)).toEqual([]);
    expect(confirmed.length).toBeGreaterThan(0);
    expect(lost.length).toBeGreaterThan(0);

    // Restart on the killed server's data directory: PGlite replays its log.
    const restartStarted = performance.now();
    const second = await start();
    server = second;
    const restartMs = performance.now() - restartStarted;
    const logBefore = second.readLog().length;

    cookies = await Promise.all(people.map((person) => signInDemoProfile(second.baseUrl, person.id)));
    const retried = await resend(second.baseUrl, forms, cookies);
    expect(retried.filter((r) => !receiptPath.test(r.location ?? "")).map((r) => `${r.status} ${r.error ?? r.location}`)).toEqual([]);
    // A confirmed submission keeps the number its receipt page showed.
    for (const result of confirmed) expect(retried.find((r) => r.key === result.key)!.location).toBe(result.location);

    // Let the outbox drain: wait until it has been quiet for QUIET_MS, then stop the server gracefully.
    const drainStarted = performance.now();
    let lastSent = -1;
    let quietSince = performance.now();
    let lastActivity = performance.now();
    while (performance.now() - quietSince < QUIET_MS) {
      const sent = sentInLog(second.readLog().slice(logBefore));
      if (sent !== lastSent) {
        lastSent = sent;
        quietSince = performance.now();
        if (sent > 0) lastActivity = performance.now();
      }
      if (performance.now() - drainStarted > 150_000) throw new Error("the outbox never went quiet");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await second.stop();
    server = undefined;
    const drainMs = lastActivity - drainStarted;

    await withDatabase(async (db) => {
      const { rows: counts } = await db.query<{ n: number; keys: number }>(
        `select count(*)::int as n, count(distinct idempotency_key)::int as keys from ideas where idempotency_key = any($1::uuid[])`,
        [keys],
      );
      expect(counts[0]).toEqual({ n: SUBMISSIONS, keys: SUBMISSIONS });
      const { rows: stored } = await db.query<{ idempotency_key: string; public_id: string }>(
        `select idempotency_key, public_id from ideas where idempotency_key = any($1::uuid[])`,
        [keys],
      );
      const byKey = new Map(stored.map((row) => [row.idempotency_key, row.public_id]));
      for (const result of confirmed) expect(byKey.get(result.key), result.key).toBe(receiptPath.exec(result.location!)![1]);

      const { rows: pending } = await db.query<{ n: number }>(
        `select count(*)::int as n from outbox_messages m join ideas i on i.id = (m.payload ->> 'ideaId')::uuid
         where m.kind = 'idea_receipt' and m.status <> 'sent' and i.idempotency_key = any($1::uuid[])`,
        [keys],
      );
      expect(pending[0]!.n, "receipts not sent").toBe(0);
      const { rows: deliveries } = await db.query<{ public_id: string; n: number }>(
        `select i.public_id, (select count(*)::int from mailbox_messages b where b.subject like '%(' || i.public_id || ')%') as n
         from ideas i where i.idempotency_key = any($1::uuid[])`,
        [keys],
      );
      expect(deliveries.filter((row) => row.n !== 1).map((row) => `${row.public_id}: ${row.n}`)).toEqual([]);
    });

    const figures = [
      `[faults, PGlite] ${SUBMISSIONS} concurrent submissions, server SIGKILLed after ${KILL_AFTER_RESPONSES} answers (${Math.round(burstMs)} ms into the burst):`,
      `  ${confirmed.length} got their receipt page before the kill, ${lost.length} lost their connection;`,
      `  restart on the same data directory to healthy: ${Math.round(restartMs)} ms; resending all ${SUBMISSIONS} forms: ${SUBMISSIONS} ideas, none twice;`,
      `  every receipt delivered exactly once, the last ${Math.round(drainMs / 100) / 10} s after the resent forms were answered.`,
    ].join("\n");
    console.log(figures);
    fs.writeFileSync(path.join(os.tmpdir(), "idehub-faults-server-kill-pglite.txt"), `${figures}\n`);
  });
});
