import { spawnSync } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/server";
import { burst, ideaForms, receiptPath, resend, signInDemoProfile } from "./support/submission-burst";

// The production server is SIGKILLed in the middle of a burst of 500 concurrent idea submissions,
// then started again on the same PostgreSQL database. Every submission that got its receipt page
// (303) exists exactly once, sending the same forms again (same idempotency keys) creates nothing
// twice, and every receipt e-mail reaches the (local) mailbox exactly once after recovery.

const SUBMISSIONS = 500;
const KILL_AFTER_RESPONSES = 200;
const PEOPLE = 10;

let dir: string;
let pgDir: string;
let databaseUrl: string;
let db: pg.Client;
let server: AppServer | undefined;
const env = () => ({
  DATABASE_URL: databaseUrl,
  DATABASE_POOL_SIZE: "10",
  SESSION_SECRET: "faults-test-session-secret-0123456789abcdef",
  RATE_LIMIT_IDEAS_PER_HOUR: "100000",
  // A claim by the killed server's dispatcher comes back after this (default 5 minutes).
  OUTBOX_LOCK_SECONDS: "10",
});

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "idehub-faults-"));
  // Its own top-level directory: the script hands it to the postgres OS user when run as root.
  pgDir = await fsp.mkdtemp(path.join(os.tmpdir(), "idehub-faults-pg-"));
  const started = spawnSync("bash", ["scripts/ci-postgres.sh", "start", pgDir], { encoding: "utf8" });
  if (started.status !== 0) throw new Error(`could not start PostgreSQL: ${started.stderr}`);
  const serverUrl = new URL(started.stdout.trim());
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query("create database idehub_faults");
  await admin.end();
  serverUrl.pathname = "/idehub_faults";
  databaseUrl = serverUrl.toString();
  db = new pg.Client({ connectionString: databaseUrl });
});

afterAll(async () => {
  await server?.stop().catch(() => {});
  await db?.end().catch(() => {});
  if (pgDir) spawnSync("bash", ["scripts/ci-postgres.sh", "stop", pgDir]);
  await fsp.rm(dir, { recursive: true, force: true });
});

describe("the server killed during a burst of submissions", () => {
  it("keeps every confirmed submission exactly once and delivers every receipt once after restart", { timeout: 240_000 }, async () => {
    server = await startAppServer(env(), { dir: path.join(dir, "app-1") });
    await db.connect();
    const ref = await db.query<{ theme: string; area: string }>(
      `select (select id from themes where slug = 'trygghetsskapende-teknologi') as theme, (select id from service_areas where slug = 'hjemmetjenester') as area`,
    );
    const { rows: people } = await db.query<{ id: string }>(
      `select id from profiles where platform_role = 'employee' and onboarded_at is not null order by email limit ${PEOPLE}`,
    );
    const { theme, area } = ref.rows[0]!;
    const cookiesFor = async (base: string) => Promise.all(people.map((person) => signInDemoProfile(base, person.id)));
    let cookies = await cookiesFor(server.baseUrl);

    const forms = ideaForms(SUBMISSIONS, PEOPLE, { theme, area });

    // The burst: all at once; the server dies after KILL_AFTER_RESPONSES answers.
    const first = server;
    let killed: Promise<void> | undefined;
    const { ms: burstMs, confirmed, otherAnswers, lost } = await burst(first.baseUrl, forms, cookies, (answered) => {
      if (answered === KILL_AFTER_RESPONSES) killed = first.kill();
    });
    await killed;
    expect(otherAnswers.map((r) => `${r.status} ${r.location}`)).toEqual([]);
    expect(confirmed.length).toBeGreaterThan(0);
    expect(lost.length).toBeGreaterThan(0);

    const committedAtKill = Number((await db.query(`select count(*) from ideas where idempotency_key = any($1::uuid[])`, [forms.map((f) => f.key)])).rows[0].count);

    // Restart on the same database.
    const restartStarted = performance.now();
    server = await startAppServer(env(), { dir: path.join(dir, "app-2") });
    const restartMs = performance.now() - restartStarted;

    // Every confirmed submission exists exactly once, under the number its receipt page showed.
    const { rows: stored } = await db.query<{ idempotency_key: string; public_id: string }>(
      `select idempotency_key, public_id from ideas where idempotency_key = any($1::uuid[])`,
      [forms.map((f) => f.key)],
    );
    const byKey = new Map(stored.map((row) => [row.idempotency_key, row.public_id]));
    for (const result of confirmed) expect(byKey.get(result.key), result.key).toBe(receiptPath.exec(result.location!)![1]);

    // Everyone sends the same forms again (a browser retry, or the user pressing the button again).
    cookies = await cookiesFor(server.baseUrl);
    const retried = await resend(server.baseUrl, forms, cookies);
    expect(retried.filter((r) => !receiptPath.test(r.location ?? "")).map((r) => `${r.status} ${r.error ?? r.location}`)).toEqual([]);
    for (const result of confirmed) expect(retried.find((r) => r.key === result.key)!.location).toBe(result.location);
    const { rows: counts } = await db.query<{ n: string; keys: string }>(
      `select count(*) as n, count(distinct idempotency_key) as keys from ideas where idempotency_key = any($1::uuid[])`,
      [forms.map((f) => f.key)],
    );
    expect(Number(counts[0]!.n)).toBe(SUBMISSIONS);
    expect(Number(counts[0]!.keys)).toBe(SUBMISSIONS);

    // Every receipt is delivered exactly once (the local mailbox stands in for Resend).
    const drainStarted = performance.now();
    const receiptsPending = async () =>
      Number(
        (
          await db.query(
            `select count(*) from outbox_messages m join ideas i on i.id = (m.payload ->> 'ideaId')::uuid
             where m.kind = 'idea_receipt' and m.status <> 'sent' and i.idempotency_key = any($1::uuid[])`,
            [forms.map((f) => f.key)],
          )
        ).rows[0].count,
      );
    while ((await receiptsPending()) > 0) {
      if (performance.now() - drainStarted > 90_000) throw new Error(`receipts still pending after 90 s: ${await receiptsPending()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const drainMs = performance.now() - drainStarted;
    const { rows: deliveries } = await db.query<{ public_id: string; n: string }>(
      `select i.public_id, (select count(*) from mailbox_messages b where b.subject like '%(' || i.public_id || ')%') as n
       from ideas i where i.idempotency_key = any($1::uuid[])`,
      [forms.map((f) => f.key)],
    );
    expect(deliveries.filter((row) => Number(row.n) !== 1).map((row) => `${row.public_id}: ${row.n}`)).toEqual([]);
    const { rows: duplicateKeys } = await db.query(
      `select tags ->> 'idempotencyKey' as key, count(*) from mailbox_messages group by 1 having count(*) > 1 and tags ->> 'idempotencyKey' is not null`,
    );
    expect(duplicateKeys).toEqual([]);

    const figures = [
      `[faults] ${SUBMISSIONS} concurrent submissions, server SIGKILLed after ${KILL_AFTER_RESPONSES} answers (${Math.round(burstMs)} ms into the burst):`,
      `  ${confirmed.length} got their receipt page (303) before the kill, ${lost.length} lost their connection, ${committedAtKill} were in the database at the kill`,
      `  (${committedAtKill - confirmed.length} committed without the answer reaching the browser);`,
      `  restart to healthy: ${Math.round(restartMs)} ms; resending all ${SUBMISSIONS} forms: ${SUBMISSIONS} ideas, none twice;`,
      `  every receipt delivered exactly once, the last ${Math.round(drainMs / 100) / 10} s after the resent forms were answered.`,
    ].join("\n");
    console.log(figures);
    fs.writeFileSync(path.join(os.tmpdir(), "idehub-faults-server-kill.txt"), `${figures}\n`);
  });
});
