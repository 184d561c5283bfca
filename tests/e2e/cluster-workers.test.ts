import { spawnSync } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/server";
import { ideaForms, postIdea, receiptPath, signInDemoProfile } from "./support/submission-burst";

// WEB_CONCURRENCY=2 on PostgreSQL: the production server runs two worker processes on one port.
// Sessions made by one worker are valid on the other, both serve, a worker that dies is replaced
// without the site going down, receipts still leave through the outbox, and SIGTERM stops all.

let pgDir: string;
let databaseUrl: string;
let db: pg.Client;
let server: AppServer | undefined;

const childPids = (pid: number) =>
  fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
/** CPU time (user + system, clock ticks) a process has used so far. */
const cpuTicks = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  pgDir = await fsp.mkdtemp(path.join(os.tmpdir(), "idehub-cluster-pg-"));
  const started = spawnSync("bash", ["scripts/ci-postgres.sh", "start", pgDir], { encoding: "utf8" });
  if (started.status !== 0) throw new Error(`could not start PostgreSQL: ${started.stderr}`);
  databaseUrl = started.stdout.trim();
  db = new pg.Client({ connectionString: databaseUrl });
});

afterAll(async () => {
  await server?.stop().catch(() => {});
  await db?.end().catch(() => {});
  if (pgDir) spawnSync("bash", ["scripts/ci-postgres.sh", "stop", pgDir]);
});

describe("WEB_CONCURRENCY: several worker processes on PostgreSQL", () => {
  it("refuses more than one process on the embedded database, with a clear message", async () => {
    const failed = await startAppServer({ WEB_CONCURRENCY: "2" }).catch((error: Error) => error);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toContain("WEB_CONCURRENCY: more than 1 needs DATABASE_URL");
  });

  it("serves from two workers, replaces one that dies, delivers receipts and stops cleanly", { timeout: 180_000 }, async () => {
    server = await startAppServer({ DATABASE_URL: databaseUrl, WEB_CONCURRENCY: "2", SESSION_SECRET: "cluster-test-session-secret-0123456789abcdef" });
    // /healthz answers once the first worker listens; the primary says so when both do.
    await until("both workers to listen", () => server!.readLog().includes("with 2 worker processes"));
    const workers = childPids(server.pid);
    expect(workers).toHaveLength(2);
    const base = server.baseUrl;

    await db.connect();
    const { rows: people } = await db.query<{ id: string; full_name: string }>(
      `select id, full_name from profiles where platform_role = 'employee' and onboarded_at is not null order by email limit 1`,
    );
    const cookie = await signInDemoProfile(base, people[0]!.id);

    // Each request on a new connection, so the primary hands them out to both workers in turn.
    const before = workers.map(cpuTicks);
    const pages = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const response = await fetch(`${base}/mine-forslag`, { headers: { Cookie: cookie, Connection: "close" }, redirect: "manual" });
        return { status: response.status, html: await response.text() };
      }),
    );
    expect(pages.map((p) => p.status)).toEqual(pages.map(() => 200));
    // Signed in on every answer: the session cookie one worker made is valid on the other.
    for (const page of pages) expect(page.html).toContain(people[0]!.full_name);
    const after = workers.map(cpuTicks);
    expect(after[0]! - before[0]!, "first worker served some").toBeGreaterThan(0);
    expect(after[1]! - before[1]!, "second worker served some").toBeGreaterThan(0);

    // A worker dies: the other keeps serving, and the primary starts a replacement.
    process.kill(workers[0]!, "SIGKILL");
    const replaced = await until("a replacement worker", () => {
      const now = childPids(server!.pid);
      return now.length === 2 && !now.includes(workers[0]!) ? now : undefined;
    });
    expect(replaced).toContain(workers[1]!);
    expect(server.readLog()).toMatch(new RegExp(`worker ${workers[0]} stopped \\(SIGKILL\\); starting another`));
    await until("the replacement to serve", () => (server!.readLog().match(/starting another/g)?.length ?? 0) >= 1);
    const again = await Promise.all(
      Array.from({ length: 10 }, async () => (await fetch(`${base}/healthz`, { headers: { Connection: "close" } })).status),
    );
    expect(again).toEqual(again.map(() => 200));

    // A submission through a worker gets its receipt e-mail (the workers dispatch the outbox).
    const ref = await db.query<{ theme: string; area: string }>(
      `select (select id from themes where slug = 'trygghetsskapende-teknologi') as theme, (select id from service_areas where slug = 'hjemmetjenester') as area`,
    );
    const [form] = ideaForms(1, 1, ref.rows[0]!);
    const submitted = await postIdea(base, form!, cookie);
    const publicId = receiptPath.exec(submitted.location ?? "")?.[1];
    expect(publicId, `submission answered ${submitted.status} ${submitted.location}`).toBeDefined();
    const delivered = async () =>
      Number((await db.query(`select count(*) from mailbox_messages where subject like '%(' || $1 || ')%'`, [publicId])).rows[0].count);
    const deadline = Date.now() + 20_000;
    while ((await delivered()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await delivered()).toBe(1);

    // SIGTERM to the primary stops every process.
    const all = [server.pid, ...childPids(server.pid)];
    await server.stop();
    server = undefined;
    await until("every process to exit", () => all.every((pid) => !alive(pid)), 15_000);
  });
});
