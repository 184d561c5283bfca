import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import pg from "pg";
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
  const claims = JSON.stringify({ sub: user.id, email: user.email, role: "authenticated" });
  return inTransactionAs(db, claims, "authenticated", work);
}

/** Runs `work` in one transaction as an anonymous visitor (role `anon`). */
export async function withAnon<T>(work: (trx: Trx) => Promise<T>, db: Db = getDatabase().db): Promise<T> {
  return inTransactionAs(db, JSON.stringify({ role: "anon" }), "anon", work);
}

/**
 * `begin` and the transaction-local role and claims go to the server as one message (a simple
 * query with two statements, so the claims are a quoted literal): every page runs one or two of
 * these transactions, and each round trip costs a write, a read and a wake-up on both sides.
 */
async function inTransactionAs<T>(db: Db, claims: string, role: "authenticated" | "anon", work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql
      .raw(`begin; select set_config('request.jwt.claims', ${pg.escapeLiteral(claims)}, true), set_config('role', '${role}', true)`)
      .execute(connection);
    let result: T;
    try {
      // A Kysely bound to this one connection, inside the transaction begun above.
      result = await work(connection as unknown as Trx);
    } catch (error) {
      await sql.raw("rollback").execute(connection).catch(() => undefined);
      throw error;
    }
    await sql.raw("commit").execute(connection);
    return result;
  });
}

/**
 * The privileged path: bypasses row-level security. Only for sign-in, jobs, seeding and mail
 * delivery; the `reason` is there so every call site says why it needs it.
 */
export async function asService<T>(_reason: string, work: (trx: Trx) => Promise<T>, db: Db = getDatabase().db): Promise<T> {
  return db.transaction().execute(work);
}
