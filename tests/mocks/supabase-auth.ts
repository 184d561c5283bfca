import crypto from "node:crypto";
import { http, HttpResponse } from "msw";

export const SUPABASE_URL = "https://testproject.supabase.co";
// Shaped like a real anon key (a JWT); nothing checks its signature here.
export const SUPABASE_ANON_KEY = fakeJwt({ iss: "supabase", ref: "testproject", role: "anon" });

function base64url(value: string | Buffer) {
  return Buffer.from(value).toString("base64url");
}

function fakeJwt(payload: Record<string, unknown>) {
  return `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(payload))}.${base64url("signature")}`;
}

type FakeUser = { id: string; email: string; user_metadata: Record<string, unknown> };
type PendingOtp = { email: string; code: string; tokenHash: string; authCode: string | null; codeChallenge: string | null; redirectTo: string | null };

/**
 * An in-memory imitation of the Supabase Auth (GoTrue) HTTP API at a fake project URL: enough of
 * /otp, /verify, /token, /user and /logout for supabase-js to run its real code against it.
 */
export function createSupabaseAuthMock() {
  const users = new Map<string, FakeUser>();
  const otps: PendingOtp[] = [];
  const accessTokens = new Map<string, string>();
  const refreshTokens = new Map<string, string>();
  const calls: { method: string; path: string }[] = [];
  const loggedOut: string[] = [];

  function userJson(user: FakeUser) {
    return {
      id: user.id,
      aud: "authenticated",
      role: "authenticated",
      email: user.email,
      email_confirmed_at: new Date().toISOString(),
      app_metadata: { provider: "email", providers: ["email"] },
      user_metadata: user.user_metadata,
      identities: [],
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    };
  }

  function sessionFor(user: FakeUser) {
    const expiresAt = Math.floor(Date.now() / 1000) + 3600;
    const accessToken = fakeJwt({ sub: user.id, email: user.email, role: "authenticated", aud: "authenticated", exp: expiresAt, session_id: crypto.randomUUID() });
    const refreshToken = crypto.randomBytes(12).toString("hex");
    accessTokens.set(accessToken, user.id);
    refreshTokens.set(refreshToken, user.id);
    return { access_token: accessToken, token_type: "bearer", expires_in: 3600, expires_at: expiresAt, refresh_token: refreshToken, user: userJson(user) };
  }

  function authError(status: number, errorCode: string, message: string) {
    return HttpResponse.json({ code: status, error_code: errorCode, msg: message }, { status });
  }

  function userById(id: string) {
    return [...users.values()].find((u) => u.id === id);
  }

  function takeOtp(match: (otp: PendingOtp) => boolean) {
    const index = otps.findIndex(match);
    if (index === -1) return null;
    const [otp] = otps.splice(index, 1);
    return otp;
  }

  const url = (path: string) => `${SUPABASE_URL}/auth/v1${path}`;
  const handlers = [
    http.post(url("/otp"), async ({ request }) => {
      calls.push({ method: "POST", path: "/otp" });
      const body = (await request.json()) as { email: string; create_user?: boolean; data?: Record<string, unknown>; code_challenge?: string };
      const email = body.email.toLowerCase();
      if (!users.has(email)) {
        if (body.create_user === false) return authError(422, "otp_disabled", "Signups not allowed for otp");
        users.set(email, { id: crypto.randomUUID(), email, user_metadata: body.data ?? {} });
      }
      otps.push({
        email,
        code: crypto.randomInt(0, 1_000_000).toString().padStart(6, "0"),
        tokenHash: crypto.randomBytes(16).toString("hex"),
        authCode: body.code_challenge ? crypto.randomUUID() : null,
        codeChallenge: body.code_challenge ?? null,
        redirectTo: new URL(request.url).searchParams.get("redirect_to"),
      });
      return HttpResponse.json({});
    }),

    http.post(url("/verify"), async ({ request }) => {
      calls.push({ method: "POST", path: "/verify" });
      const body = (await request.json()) as { email?: string; token?: string; token_hash?: string; type: string };
      const otp = body.token_hash
        ? takeOtp((o) => o.tokenHash === body.token_hash)
        : takeOtp((o) => o.email === body.email?.toLowerCase() && o.code === body.token);
      if (!otp || body.type !== "email") return authError(403, "otp_expired", "Token has expired or is invalid");
      return HttpResponse.json(sessionFor(users.get(otp.email)!));
    }),

    http.post(url("/token"), async ({ request }) => {
      const grantType = new URL(request.url).searchParams.get("grant_type");
      calls.push({ method: "POST", path: `/token?grant_type=${grantType}` });
      const body = (await request.json()) as { auth_code?: string; code_verifier?: string; refresh_token?: string };
      if (grantType === "pkce") {
        const otp = takeOtp((o) => o.authCode === body.auth_code);
        const challenge = body.code_verifier ? crypto.createHash("sha256").update(body.code_verifier).digest("base64url") : null;
        if (!otp || !challenge || otp.codeChallenge !== challenge) return authError(403, "bad_code_verifier", "invalid flow state, no valid flow state found");
        return HttpResponse.json(sessionFor(users.get(otp.email)!));
      }
      if (grantType === "refresh_token") {
        const userId = body.refresh_token ? refreshTokens.get(body.refresh_token) : undefined;
        const user = userId ? userById(userId) : undefined;
        if (!user) return authError(400, "refresh_token_not_found", "Invalid Refresh Token");
        refreshTokens.delete(body.refresh_token!);
        return HttpResponse.json(sessionFor(user));
      }
      return authError(400, "unsupported_grant_type", "unsupported grant type");
    }),

    http.get(url("/user"), ({ request }) => {
      calls.push({ method: "GET", path: "/user" });
      const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
      const userId = accessTokens.get(token);
      const user = userId ? userById(userId) : undefined;
      if (!user) return authError(401, "bad_jwt", "invalid JWT");
      return HttpResponse.json(userJson(user));
    }),

    http.post(url("/logout"), ({ request }) => {
      calls.push({ method: "POST", path: "/logout" });
      const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
      if (!accessTokens.has(token)) return authError(401, "bad_jwt", "invalid JWT");
      accessTokens.delete(token);
      loggedOut.push(token);
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return {
    handlers,
    calls,
    loggedOut,
    /** The newest pending OTP for an address: what Supabase would have put in the e-mail. */
    lastOtp(email: string) {
      return [...otps].reverse().find((o) => o.email === email.toLowerCase()) ?? null;
    },
    userId(email: string) {
      return users.get(email.toLowerCase())?.id ?? null;
    },
  };
}
