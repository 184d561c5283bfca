import { createServerClient, parseCookieHeader, serializeCookieHeader } from "@supabase/ssr";
import type { AuthError as SupabaseAuthError, User } from "@supabase/supabase-js";
import ws from "ws";
import { asService } from "~/db/client.server";
import { isSupportedLocale } from "~/i18n/config";
import type { Env } from "~/utils/env.server";
import { AuthError, type AuthErrorCode } from "./auth-error";
import type { AuthProvider } from "./auth-provider.server";
import { ensureProfile } from "./ensure-profile.server";
import { findOrganisationForEmail } from "./find-organisation-for-email.server";
import { clientIp, limitCodeVerification, limitSignInRequest } from "./rate-limits.server";
import { safeRedirect } from "./safe-redirect";
import type { SignInResult } from "./sign-in-result";

/** One client per request: it reads Supabase's cookies from the request, writes them to `headers`. */
export function createSupabaseServerClient(env: Env, request: Request, headers: Headers) {
  return createServerClient(env.SUPABASE_URL ?? "", env.SUPABASE_ANON_KEY ?? "", {
    cookies: {
      getAll() {
        return parseCookieHeader(request.headers.get("Cookie") ?? "").map(({ name, value }) => ({ name, value: value ?? "" }));
      },
      setAll(cookies) {
        for (const { name, value, options } of cookies) headers.append("Set-Cookie", serializeCookieHeader(name, value, options));
      },
    },
    cookieOptions: { secure: env.APP_URL.startsWith("https://"), sameSite: "lax", path: "/", httpOnly: true },
    // supabase-js needs a WebSocket implementation on Node 20 even though we never use realtime.
    realtime: { transport: ws as never },
  });
}

function toAuthError(error: SupabaseAuthError, fallback: AuthErrorCode): AuthError {
  if (error.status === 429) return new AuthError("rateLimited");
  if (error.code === "otp_expired") return new AuthError(fallback === "linkInvalid" ? "linkExpired" : "codeExpired");
  if (error.status && error.status >= 500) return new AuthError("providerFailed");
  return new AuthError(fallback);
}

async function finish(user: User | null, redirectTo: string | null): Promise<SignInResult> {
  if (!user?.email) throw new AuthError("providerFailed");
  const email = user.email.toLowerCase();
  const metaLocale = user.user_metadata?.locale;
  const profile = await asService("sign-in (Supabase): ensure the profile for the Supabase user", (trx) =>
    ensureProfile(trx, { userId: user.id, email, locale: isSupportedLocale(metaLocale) ? metaLocale : "nb" }),
  );
  return { user: { id: profile.id, email: profile.email }, locale: profile.locale, onboarded: profile.onboarded_at !== null, redirectTo };
}

/**
 * Supabase Auth proves the e-mail address (OTP code or magic link; Supabase sends the mail from
 * its own templates). The app then keeps its own signed session cookie, exactly as in local mode,
 * so loaders need no Auth round-trip; sign-out revokes the Supabase session too.
 */
export function createSupabaseAuthProvider(env: Env): AuthProvider {
  return {
    kind: "supabase",
    async requestSignIn({ request, email, redirectTo, locale }) {
      const organisation = await asService("sign-in: is the e-mail domain a partner's", (trx) => findOrganisationForEmail(trx, email));
      if (!organisation) throw new AuthError("domainNotAllowed");
      await limitSignInRequest(email, clientIp(request));
      const headers = new Headers();
      const supabase = createSupabaseServerClient(env, request, headers);
      const callback = new URL("/logg-inn/lenke", env.APP_URL);
      if (redirectTo) callback.searchParams.set("redirectTo", redirectTo);
      const { error } = await supabase.auth.signInWithOtp({
        email,
        options: { shouldCreateUser: true, emailRedirectTo: callback.toString(), data: { locale } },
      });
      if (error) throw toAuthError(error, "providerFailed");
      return { headers };
    },

    async verifyCode({ request, email, code, redirectTo }) {
      await limitCodeVerification(email, clientIp(request));
      const headers = new Headers();
      const supabase = createSupabaseServerClient(env, request, headers);
      const { error } = await supabase.auth.verifyOtp({ email, token: code, type: "email" });
      if (error) throw toAuthError(error, "codeInvalid");
      const { data, error: userError } = await supabase.auth.getUser();
      if (userError) throw toAuthError(userError, "providerFailed");
      return { result: await finish(data.user, redirectTo ? safeRedirect(redirectTo) : null), headers };
    },

    async verifyLink({ request }) {
      const url = new URL(request.url);
      const headers = new Headers();
      const supabase = createSupabaseServerClient(env, request, headers);
      const code = url.searchParams.get("code");
      const tokenHash = url.searchParams.get("token_hash");
      if (code) {
        const { error } = await supabase.auth.exchangeCodeForSession(code);
        if (error) throw toAuthError(error, "linkInvalid");
      } else if (tokenHash) {
        const { error } = await supabase.auth.verifyOtp({ token_hash: tokenHash, type: "email" });
        if (error) throw toAuthError(error, "linkInvalid");
      } else {
        throw new AuthError("linkInvalid");
      }
      const { data, error: userError } = await supabase.auth.getUser();
      if (userError) throw toAuthError(userError, "linkInvalid");
      const redirectTo = url.searchParams.get("redirectTo");
      return { result: await finish(data.user, redirectTo ? safeRedirect(redirectTo) : null), headers };
    },

    async signOut(request) {
      const headers = new Headers();
      const supabase = createSupabaseServerClient(env, request, headers);
      const { error } = await supabase.auth.signOut({ scope: "local" });
      // The app session ends regardless; a failed revoke is for operators, not the user.
      if (error && error.status !== 401 && error.status !== 403) console.warn("[sign-out] Supabase sign-out failed:", error.message);
      return { headers };
    },
  };
}
