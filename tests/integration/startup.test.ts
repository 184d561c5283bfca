import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "~/db/engine.server";
import { migrate } from "~/db/migrate.server";
import { startServerServices, stopServerServices } from "~/server-startup.server";
import { parseEnv } from "~/utils/env.server";
import { createTestDatabase } from "../support/test-database";

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe("start-up", () => {
  it("reports an unreachable DATABASE_URL clearly and names the target without credentials", async () => {
    const env = parseEnv({ DATABASE_URL: "postgres://someone:hunter2@127.0.0.1:1/idehub" });
    const error = await startServerServices(env, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Cannot reach the database at PostgreSQL \(127\.0\.0\.1:1\/idehub\)/);
    expect((error as Error).message).not.toContain("hunter2");
  });

  it("migrates and seeds an empty embedded database once, and reuses it on the next start", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "idehub-start-"));
    tempDirs.push(dir);
    const env = parseEnv({ PGLITE_DATA_DIR: path.join(dir, "pglite") });
    const firstLog: string[] = [];
    const first = await startServerServices(env, (line) => firstLog.push(line));
    const { rows } = await first.pool.query<{ n: number }>("select count(*)::int as n from public.organisations");
    expect(rows[0].n).toBeGreaterThan(0);
    expect(firstLog.some((l) => l.includes("loaded demo data"))).toBe(true);
    await stopServerServices();
    await first.close();

    const secondLog: string[] = [];
    const second = await startServerServices(env, (line) => secondLog.push(line));
    expect(secondLog.some((l) => l.startsWith("applied migration"))).toBe(false);
    expect(secondLog.some((l) => l.includes("loaded demo data"))).toBe(false);
    const again = await second.pool.query<{ n: number }>("select count(*)::int as n from public.organisations");
    expect(again.rows[0].n).toBe(rows[0].n);
    await stopServerServices();
    await second.close();
  });

  // Several workers (WEB_CONCURRENCY) or instances start at once against one database. PGlite has one
  // connection, so only a PostgreSQL server can run them side by side.
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("lets several instances start at once without tripping over each other (PostgreSQL)", async () => {
    const testDb = await createTestDatabase();
    const url = (testDb.engine.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const instances = await Promise.all([1, 2, 3, 4].map(() => openPostgres(url, 2)));
    try {
      for (let round = 0; round < 5; round++) {
        const results = await Promise.allSettled(instances.map((instance) => migrate(instance.pool)));
        expect(results.map((r) => (r.status === "fulfilled" ? r.value : String(r.reason)))).toEqual([[], [], [], []]);
      }
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await testDb.close();
    }
  });

  it("applies nothing when every migration is already recorded", async () => {
    const testDb = await createTestDatabase();
    try {
      expect(await migrate(testDb.engine.pool)).toEqual([]);
    } finally {
      await testDb.close();
    }
  });
});
