import { createCookieSessionStorage, type Session } from "@remix-run/node";
import { getEnv } from "~/utils/env.server";
import { getSessionSecret } from "./session-secret.server";

export type SessionData = { userId: string; email: string; expiresAt: number };
type FlashData = { flash: string };

let storage: ReturnType<typeof createCookieSessionStorage<SessionData, FlashData>> | undefined;

/** Signed cookie sessions (stateless, so any app instance can serve any request). */
export function getSessionStorage() {
  if (!storage) {
    const env = getEnv();
    storage = createCookieSessionStorage<SessionData, FlashData>({
      cookie: {
        name: "__idehub_session",
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: env.APP_URL.startsWith("https://"),
        secrets: [getSessionSecret()],
        maxAge: env.SESSION_MAX_AGE_DAYS * 24 * 60 * 60,
      },
    });
  }
  return storage;
}

export function getSession(request: Request): Promise<Session<SessionData, FlashData>> {
  return getSessionStorage().getSession(request.headers.get("Cookie"));
}
