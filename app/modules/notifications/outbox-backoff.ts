/** How long to wait before retrying a message that failed on attempt `attempts` (1-based). */
export type BackoffPolicy = {
  /** Delay after the first failed attempt. */
  baseDelayMs: number;
  /** Upper bound for one delay. */
  maxDelayMs: number;
  /** After this many attempts the message is given up as 'failed'. */
  maxAttempts: number;
  /** ±fraction of random spread, so that many messages that failed together do not retry together. */
  jitter: number;
};

/**
 * Defaults: 2, 4, 8 … 512 minutes between ten attempts — about 17 hours from the first try to the
 * last, so a provider outage of most of a day loses nothing.
 */
export const defaultBackoffPolicy: BackoffPolicy = {
  baseDelayMs: 2 * 60_000,
  maxDelayMs: 9 * 60 * 60_000,
  maxAttempts: 10,
  jitter: 0.2,
};

/** Exponential backoff with jitter; `random` returns [0, 1) like Math.random. */
export function retryDelayMs(attempts: number, policy: BackoffPolicy = defaultBackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const spread = 1 - policy.jitter + 2 * policy.jitter * random();
  return Math.round(exponential * spread);
}
