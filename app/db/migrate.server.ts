import fs from "node:fs/promises";
import path from "node:path";
import type pg from "pg";

const MIGRATIONS_DIR = path.resolve(process.cwd(), "supabase/migrations");
const BOOTSTRAP_FILE = path.resolve(process.cwd(), "supabase/local/bootstrap.sql");
// Any fixed number; serialises migrators when several app instances start at once.
const MIGRATION_LOCK_KEY = 874_120_551;

export type MigrationFile = { version: string; name: string; file: string };

export async function listMigrationFiles(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = (await fs.readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  return entries.map((file) => {
    const match = /^(\d+)_(.+)\.sql$/.exec(file);
    if (!match) throw new Error(`Migration file name must be <timestamp>_<name>.sql: ${file}`);
    return { version: match[1], name: match[2], file: path.join(dir, file) };
  });
}

/**
 * Supplies what Supabase provides (roles, auth schema, auth.uid()) where it is missing; safe to run
 * on every start. It is never part of `supabase db push`. Run under the migration lock: two
 * processes replacing the same function at once fail with "tuple concurrently updated".
 */
async function applyBootstrap(client: pg.PoolClient) {
  await client.query(await fs.readFile(BOOTSTRAP_FILE, "utf8"));
}

/**
 * Applies pending files from supabase/migrations in order, each in its own transaction, and records
 * them in supabase_migrations.schema_migrations exactly as the Supabase CLI does.
 */
export async function migrate(pool: pg.Pool, options: { log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    // Several workers or instances may start at once: one at a time bootstraps and migrates.
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await applyBootstrap(client);
    await client.query(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text primary key,
        statements text[],
        name text
      );`);
    const done = new Set(
      (await client.query<{ version: string }>("select version from supabase_migrations.schema_migrations")).rows.map(
        (r) => r.version,
      ),
    );
    for (const migration of await listMigrationFiles()) {
      if (done.has(migration.version)) continue;
      const sqlText = await fs.readFile(migration.file, "utf8");
      try {
        await client.query("begin");
        await client.query(sqlText);
        await client.query(
          "insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)",
          [migration.version, [sqlText], migration.name],
        );
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Migration ${path.basename(migration.file)} failed: ${reason}`);
      }
      applied.push(migration.version);
      log(`applied migration ${path.basename(migration.file)}`);
    }
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
  return applied;
}
