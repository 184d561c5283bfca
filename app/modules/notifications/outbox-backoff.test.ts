import { describe, expect, it } from "vitest";
import { defaultBackoffPolicy, retryDelayMs } from "./outbox-backoff";

const minute = 60_000;

describe("outbox retry backoff", () => {
  it("doubles from two minutes, without jitter at the midpoint", () => {
    const delays = [1, 2, 3, 4, 10].map((attempt) => retryDelayMs(attempt, defaultBackoffPolicy, () => 0.5));
    expect(delays).toEqual([2 * minute, 4 * minute, 8 * minute, 16 * minute, 9 * 60 * minute]);
  });

  it("spreads each delay by at most ±20 %", () => {
    expect(retryDelayMs(3, defaultBackoffPolicy, () => 0)).toBe(0.8 * 8 * minute);
    expect(retryDelayMs(3, defaultBackoffPolicy, () => 0.999999)).toBeCloseTo(1.2 * 8 * minute, -2);
  });

  it("spans most of a day over the allowed attempts, so a long outage loses nothing", () => {
    let total = 0;
    for (let attempt = 1; attempt < defaultBackoffPolicy.maxAttempts; attempt += 1) total += retryDelayMs(attempt, defaultBackoffPolicy, () => 0.5);
    expect(total / (60 * minute)).toBeGreaterThan(12);
    expect(total / (60 * minute)).toBeLessThan(24);
  });
});
