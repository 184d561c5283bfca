import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import type { DbEngine } from "./engine.server";
import { ReplaceNulPlugin } from "./replace-nul.server";
import type { Database } from "./schema";

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

/** Who a request acts as. `id` is the auth user id (auth.users / Supabase Auth). */
export type SessionUser = { id: string; email: string };

type Connected = { engine: DbEngine; db: Db };

// Kept on globalThis so that Vite's dev server reloads reuse the open database.
const globalStore = globalThis as unknown as { __idehubDb?: Connected };

export function connectKysely(engine: DbEngine): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: engine.pool }), plugins: [new ReplaceNulPlugin()] });
}

export function setDatabase(engine: DbEngine) {
  globalStore.__idehubDb = { engine, db: connectKysely(engine) };
  return globalStore.__idehubDb;
}

export function getDatabase(): Connected {
  const connected = globalStore.__idehubDb;
  if (!connected) throw new Error("Database is not open: the server must call startServerServices() first.");
  return connected;
}

export async function closeDatabase() {
  const connected = globalStore.__idehubDb;
  globalStore.__idehubDb = undefined;
  if (connected) {
    await connected.db.destroy();
  }
}

/**
 * Runs `work` in one transaction as the signed-in user: the role is `authenticated` and
 * `auth.uid()` returns the user's id, so row-level security holds even if a route forgets a check.
 */
export async function withUser<T>(user: SessionUser, work: (trx: Trx) => Promise<T>, db: Db = getDatabase().db): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const claims = JSON.stringify({ sub: user.id, email: user.email, role: "authenticated" });
    await sql`select set_config('request.jwt.claims', ${claims}, true), set_config('role', 'authenticated', true)`.execute(trx);
    return work(trx);
  });
}

/** Runs `work` in one transaction as an anonymous visitor (role `anon`). */
export async function withAnon<T>(work: (trx: Trx) => Promise<T>, db: Db = getDatabase().db): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('request.jwt.claims', ${JSON.stringify({ role: "anon" })}, true), set_config('role', 'anon', true)`.execute(trx);
    return work(trx);
  });
}

/**
 * The privileged path: bypasses row-level security. Only for sign-in, jobs, seeding and mail
 * delivery; the `reason` is there so every call site says why it needs it.
 */
export async function asService<T>(_reason: string, work: (trx: Trx) => Promise<T>, db: Db = getDatabase().db): Promise<T> {
  return db.transaction().execute(work);
}
