import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type pg from "pg";
import { getDatabase } from "~/db/client.server";
import { getEnv } from "~/utils/env.server";

export type LimitOptions = { keyPrefix: string; points: number; durationSeconds: number };

/** Retry-after in seconds when the limit is reached, else null. */
export type LimitResult = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * A counter in public.rate_limits (created by a migration), so every app instance on the same
 * database shares it: N instances behind a load balancer still allow `points` per window, not N×.
 */
export function createSharedLimiter(pool: pg.Pool, options: LimitOptions) {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    schemaName: "public",
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSeconds,
  });
  return {
    /** Counts one use of `key`. Never inside withUser/asService: PGlite's single connection would deadlock. */
    async consume(key: string): Promise<LimitResult> {
      try {
        await limiter.consume(key);
        return { limited: false };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },
  };
}

type SharedLimiter = ReturnType<typeof createSharedLimiter>;
const cache = new Map<string, { pool: pg.Pool; points: number; limiter: SharedLimiter }>();

/** The app's limiter for `options`, rebuilt when the database or the configured points change. */
function appLimiter(options: LimitOptions): SharedLimiter {
  const { pool } = getDatabase().engine;
  const cached = cache.get(options.keyPrefix);
  if (cached?.pool === pool && cached.points === options.points) return cached.limiter;
  const limiter = createSharedLimiter(pool, options);
  cache.set(options.keyPrefix, { pool, points: options.points, limiter });
  return limiter;
}

/** Searches and list pages per signed-in user: generous, it only stops scripted scraping. */
export function limitSearch(userId: string): Promise<LimitResult> {
  return appLimiter({ keyPrefix: "search_user", points: getEnv().RATE_LIMIT_SEARCH_PER_MINUTE, durationSeconds: 60 }).consume(userId);
}

/** Ideas submitted per user and hour. */
export function limitIdeaSubmission(userId: string): Promise<LimitResult> {
  return appLimiter({ keyPrefix: "idea_submit_user", points: getEnv().RATE_LIMIT_IDEAS_PER_HOUR, durationSeconds: 60 * 60 }).consume(userId);
}

/** For a loader to throw: the root error page explains it in the user's language. */
export function tooManyRequests(retryAfterSeconds: number): Response {
  return new Response(null, { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } });
}
