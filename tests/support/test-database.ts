import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { sql } from "kysely";
import { connectKysely, setDatabase, type Db } from "~/db/client.server";
import { openPglite, openPostgres, type DbEngine } from "~/db/engine.server";
import { migrate } from "~/db/migrate.server";

export type TestDatabase = {
  engine: DbEngine;
  db: Db;
  /** Loads supabase/seed.sql (the demo data). */
  seedDemoData(): Promise<void>;
  close(): Promise<void>;
};

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
 * It also becomes the app's database, so code under test that calls getDatabase() uses it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let engine: DbEngine;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `idehub_test_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    engine = await openPostgres(url.toString(), 5);
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  } else {
    engine = await openPglite("memory");
  }
  await migrate(engine.pool);
  const { db } = setDatabase(engine);
  return {
    engine,
    db,
    async seedDemoData() {
      const seed = await fs.readFile(path.resolve("supabase/seed.sql"), "utf8");
      await sql.raw(seed).execute(db);
    },
    async close() {
      await db.destroy().catch(() => {});
      // Kysely ends the pool only if it was used; close it ourselves so that `drop ... with (force)`
      // does not kill idle connections (which the pool would report as errors).
      await engine.close().catch(() => {});
      // The drop below ends any connection still closing; that is our own teardown, not an app error.
      engine.pool.removeAllListeners("error");
      engine.pool.on("error", () => {});
      await dropDatabase();
    },
  };
}

export { connectKysely };
