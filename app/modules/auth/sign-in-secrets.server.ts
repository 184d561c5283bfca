import crypto from "node:crypto";

export const SIGN_IN_VALID_MINUTES = 15;
export const MAX_CODE_ATTEMPTS = 5;

export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value, "utf8").digest("hex");
}

/** 32 random bytes for the magic link, URL-safe. */
export function generateLinkToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** A uniformly random 6-digit code (leading zeros allowed). */
export function generateCode(): string {
  return crypto.randomInt(0, 1_000_000).toString().padStart(6, "0");
}

export function hashesMatch(expectedHex: string, actualHex: string): boolean {
  const a = Buffer.from(expectedHex, "hex");
  const b = Buffer.from(actualHex, "hex");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
