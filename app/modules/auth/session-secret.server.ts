import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Env } from "~/utils/env.server";

let secret: string | undefined;

/**
 * Production must set SESSION_SECRET (env validation enforces it). The embedded demo generates
 * one and keeps it beside the data, so sessions survive a restart without any set-up.
 */
export async function initSessionSecret(env: Env) {
  if (env.SESSION_SECRET) {
    secret = env.SESSION_SECRET;
    return;
  }
  const file = path.resolve(env.PGLITE_DATA_DIR === "memory" ? ".data" : path.dirname(env.PGLITE_DATA_DIR), "session-secret");
  try {
    secret = (await fs.readFile(file, "utf8")).trim();
  } catch {
    secret = crypto.randomBytes(32).toString("hex");
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, secret, { mode: 0o600 });
  }
}

export function getSessionSecret(): string {
  if (!secret) throw new Error("Session secret not initialised: startServerServices() must run first.");
  return secret;
}
