import type { SupportedLocale } from "~/i18n/config";
import { getEnv, type Env } from "~/utils/env.server";
import { createLocalAuthProvider } from "./local-auth-provider.server";
import { createSupabaseAuthProvider } from "./supabase-auth-provider.server";
import type { SignInResult } from "./sign-in-result";

export type RequestSignInOptions = {
  request: Request;
  email: string;
  redirectTo: string | null;
  locale: SupportedLocale;
  now?: Date;
};

/**
 * How a person proves they own an e-mail address. Every method throws AuthError on bad input.
 * `headers` carry cookies the provider itself needs (Supabase's session and PKCE verifier);
 * the app's own signed session cookie is set by the route from the SignInResult.
 */
export type AuthProvider = {
  kind: "local" | "supabase";
  requestSignIn(options: RequestSignInOptions): Promise<{ headers: Headers }>;
  verifyCode(options: {
    request: Request;
    email: string;
    code: string;
    /** From the code form; the local provider uses the one stored with the token instead. */
    redirectTo?: string | null;
    now?: Date;
  }): Promise<{ result: SignInResult; headers: Headers }>;
  /** The link from the e-mail; the route passes the whole request (query parameters differ by provider). */
  verifyLink(options: { request: Request; now?: Date }): Promise<{ result: SignInResult; headers: Headers }>;
  signOut(request: Request): Promise<{ headers: Headers }>;
};

let chosen: { env: Env; provider: AuthProvider } | undefined;

/** Chosen once per validated environment (AUTH_PROVIDER). */
export function getAuthProvider(): AuthProvider {
  const env = getEnv();
  if (chosen?.env !== env) {
    chosen = { env, provider: env.AUTH_PROVIDER === "supabase" ? createSupabaseAuthProvider(env) : createLocalAuthProvider() };
  }
  return chosen.provider;
}
