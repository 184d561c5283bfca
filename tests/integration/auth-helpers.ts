import { initSessionSecret } from "~/modules/auth/session-secret.server";
import { parseEnv, setEnv, type Env } from "~/utils/env.server";

export const APP_URL = "http://idehub.test";

/** A validated env for sign-in tests; `overrides` as raw variables, like process.env. */
export async function useTestEnv(overrides: Record<string, string> = {}): Promise<Env> {
  const env = parseEnv({
    APP_ENV: "test",
    APP_URL,
    SESSION_SECRET: "test-session-secret-0123456789abcdef",
    MAILER: "mailbox",
    ...overrides,
  });
  setEnv(env);
  await initSessionSecret(env);
  return env;
}

/** A browser in miniature: keeps cookies from Set-Cookie headers and sends them back. */
export class CookieJar {
  private cookies = new Map<string, string>();

  store(response: Response | Headers) {
    const headers = response instanceof Response ? response.headers : response;
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(name: string) {
    return this.cookies.has(name);
  }

  names() {
    return [...this.cookies.keys()];
  }

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  get(path: string) {
    return new Request(`${APP_URL}${path}`, { headers: { Cookie: this.header() } });
  }

  post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return new Request(`${APP_URL}${path}`, {
      method: "POST",
      headers: { Cookie: this.header(), "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

export const routeArgs = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

/** Route handlers return a redirect Response or throw one; both mean "went elsewhere". */
export async function settle(result: Promise<unknown>): Promise<unknown> {
  try {
    return await result;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export function expectRedirect(result: unknown): Response {
  if (!(result instanceof Response) || result.status < 300 || result.status >= 400) {
    throw new Error(`expected a redirect, got ${result instanceof Response ? `status ${result.status}` : JSON.stringify(result)}`);
  }
  return result;
}

export function extractCode(text: string) {
  return /\b(\d{6})\b/.exec(text)?.[1] ?? null;
}

export function extractLinkToken(text: string) {
  const match = /\/logg-inn\/lenke\?token=([A-Za-z0-9_-]+)/.exec(text);
  return match?.[1] ?? null;
}
