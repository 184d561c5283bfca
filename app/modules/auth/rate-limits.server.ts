import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type pg from "pg";
import { getDatabase } from "~/db/client.server";
import { CLIENT_IP_HEADER } from "~/modules/security/security-middleware.server";
import { AuthError } from "./auth-error";

type Limiters = {
  requestPerEmail: RateLimiterPostgres;
  requestPerIp: RateLimiterPostgres;
  verifyPerEmail: RateLimiterPostgres;
  verifyPerIp: RateLimiterPostgres;
};

let cached: { pool: pg.Pool; limiters: Limiters } | undefined;

function limiter(pool: pg.Pool, keyPrefix: string, points: number, durationSeconds: number) {
  // Counters live in Postgres so every app instance shares them. The table comes from a migration.
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    schemaName: "public",
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix,
    points,
    duration: durationSeconds,
  });
}

function getLimiters(): Limiters {
  const { pool } = getDatabase().engine;
  if (cached?.pool !== pool) {
    cached = {
      pool,
      limiters: {
        requestPerEmail: limiter(pool, "signin_req_email", 5, 15 * 60),
        requestPerIp: limiter(pool, "signin_req_ip", 30, 60 * 60),
        verifyPerEmail: limiter(pool, "signin_verify_email", 10, 15 * 60),
        verifyPerIp: limiter(pool, "signin_verify_ip", 60, 60 * 60),
      },
    };
  }
  return cached.limiters;
}

async function consume(limiterToUse: RateLimiterPostgres, key: string) {
  try {
    await limiterToUse.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new AuthError("rateLimited", Math.ceil(rejection.msBeforeNext / 1000));
    }
    throw rejection;
  }
}

/**
 * The client's address, as the server's first middleware set it from the connection (and from
 * X-Forwarded-For only when TRUST_PROXY trusts the proxy). Without it, only the per-e-mail limit
 * applies (a shared "unknown" bucket would lock everybody out at once).
 */
export function clientIp(request: Request): string | null {
  return request.headers.get(CLIENT_IP_HEADER)?.trim() || null;
}

// Never call these inside withUser/asService: PGlite has one connection, a nested query deadlocks.
export async function limitSignInRequest(email: string, ip: string | null) {
  const limiters = getLimiters();
  if (ip) await consume(limiters.requestPerIp, ip);
  await consume(limiters.requestPerEmail, email);
}

export async function limitCodeVerification(email: string, ip: string | null) {
  const limiters = getLimiters();
  if (ip) await consume(limiters.verifyPerIp, ip);
  await consume(limiters.verifyPerEmail, email);
}
