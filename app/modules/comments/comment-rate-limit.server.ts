import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type pg from "pg";
import { getDatabase } from "~/db/client.server";
import { AppError } from "~/utils/app-error";

export const COMMENTS_PER_WINDOW = 10;
export const COMMENT_WINDOW_SECONDS = 10 * 60;

let cached: { pool: pg.Pool; limiter: RateLimiterPostgres } | undefined;

function getLimiter() {
  const { pool } = getDatabase().engine;
  if (cached?.pool !== pool) {
    cached = {
      pool,
      limiter: new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        schemaName: "public",
        tableName: "rate_limits",
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: "comment_user",
        points: COMMENTS_PER_WINDOW,
        duration: COMMENT_WINDOW_SECONDS,
      }),
    };
  }
  return cached.limiter;
}

/** Never inside withUser/asService: PGlite has one connection, a nested query would deadlock. */
export async function limitCommenting(userId: string) {
  try {
    await getLimiter().consume(userId);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new AppError("comment_rate_limited", { retryAfterMinutes: Math.max(1, Math.ceil(rejection.msBeforeNext / 60000)) });
    }
    throw rejection;
  }
}
