import { closeDatabase, setDatabase } from "./db/client.server";
import { assertReachable, openPglite, openPostgres } from "./db/engine.server";
import { migrate } from "./db/migrate.server";
import { seedDemoDataIfEmpty } from "./db/seed.server";
import { getEnv, type Env } from "./utils/env.server";
import { initSessionSecret } from "./modules/auth/session-secret.server";
import { startOutboxLoop, stopOutboxLoop } from "./modules/notifications/outbox-loop.server";
import { startSlaLoop, stopSlaLoop } from "./modules/sla-sweeper/sla-loop.server";

/**
 * What this process does besides serving HTTP. "single": everything. With WEB_CONCURRENCY > 1 the
 * cluster's "primary" loads demo data and runs the SLA sweeper once for all, and each "worker"
 * dispatches the outbox (so a submission's receipt leaves at once; dispatchers share the outbox
 * safely through the database).
 */
export type ServerRole = "single" | "primary" | "worker";

/**
 * Opens the database, applies migrations and (outside production) demo data — at start-up,
 * never on the first request.
 */
export async function startServerServices(env: Env = getEnv(), log: (line: string) => void = console.log, role: ServerRole = "single") {
  const engine = env.DATABASE_URL
    ? await openPostgres(env.DATABASE_URL, env.DATABASE_POOL_SIZE)
    : await openPglite(env.PGLITE_DATA_DIR);
  await assertReachable(engine);
  const applied = await migrate(engine.pool, { log });
  const { db } = setDatabase(engine);
  if (env.SEED_DEMO_DATA && role !== "worker") {
    const seeded = await seedDemoDataIfEmpty(db);
    if (seeded) log("loaded demo data (supabase/seed.sql)");
  }
  await initSessionSecret(env);
  log(`database: ${engine.describe}${applied.length ? `, ${applied.length} migration(s) applied` : ""}`);
  if (env.OUTBOX_DISPATCH === "on" && role !== "primary") startOutboxLoop({ log, dispatch: { lockMs: env.OUTBOX_LOCK_SECONDS * 1000 } });
  if (env.SLA_SWEEP === "on" && role !== "worker") startSlaLoop({ log });
  return engine;
}

export async function stopServerServices() {
  await stopSlaLoop();
  await stopOutboxLoop();
  await closeDatabase();
}

/** How many processes should serve HTTP (WEB_CONCURRENCY; validated against the database choice). */
export function webConcurrency(env: Env = getEnv()): number {
  return env.WEB_CONCURRENCY;
}
