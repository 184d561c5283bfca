import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type DbEngine = {
  kind: "pglite" | "postgres";
  pool: pg.Pool;
  /** Human-readable target, without credentials. */
  describe: string;
  close(): Promise<void>;
};

// Dates and timestamps come back as strings for date columns, Date objects for timestamptz.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * PGlite (real Postgres compiled to WASM) behind pglite-socket, so the app talks to it with
 * the same `pg` pool it uses for a PostgreSQL server. PGlite is one session: pool size 1.
 */
export async function openPglite(dataDir: string | "memory"): Promise<DbEngine> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const extensions = { pg_trgm };
  let db;
  if (dataDir === "memory") {
    db = await PGlite.create({ extensions });
  } else {
    await fs.mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
    db = await PGlite.create(path.resolve(dataDir), { extensions });
  }
  const socketDir = await fs.mkdtemp(path.join(os.tmpdir(), "idehub-pglite-"));
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, ".s.PGSQL.5432") });
  await server.start();
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: "postgres", database: "postgres", max: 1 });
  return {
    kind: "pglite",
    pool,
    describe: dataDir === "memory" ? "PGlite (in memory)" : `PGlite (${dataDir})`,
    async close() {
      if (!pool.ended) await pool.end();
      await server.stop();
      await db.close();
      await fs.rm(socketDir, { recursive: true, force: true });
    },
  };
}

export async function openPostgres(url: string, poolSize: number): Promise<DbEngine> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  pool.on("error", (error) => console.error("[db] idle client error:", error.message));
  const parsed = new URL(url);
  return {
    kind: "postgres",
    pool,
    describe: `PostgreSQL (${parsed.hostname}:${parsed.port || 5432}${parsed.pathname})`,
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

/** Fails fast with an operator-readable message when the server is unreachable. */
export async function assertReachable(engine: DbEngine) {
  try {
    await engine.pool.query("select 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot reach the database at ${engine.describe}: ${reason}`);
  }
}
