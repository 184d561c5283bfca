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

/** Set-Cookie value for a fresh session that ends SESSION_MAX_AGE_DAYS after `now`. */
export async function commitUserSession(request: Request, user: { id: string; email: string }, now: Date = new Date()) {
  const session = await getSession(request);
  session.set("userId", user.id);
  session.set("email", user.email);
  session.set("expiresAt", now.getTime() + getEnv().SESSION_MAX_AGE_DAYS * 24 * 60 * 60 * 1000);
  return getSessionStorage().commitSession(session);
}

/** Set-Cookie value that removes the session cookie. */
export async function destroyUserSession(request: Request) {
  return getSessionStorage().destroySession(await getSession(request));
}
