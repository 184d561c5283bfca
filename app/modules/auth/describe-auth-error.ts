import { AuthError } from "./auth-error";

/** The translation key for a sign-in failure; anything unexpected is rethrown for the error page. */
export function authErrorKey(error: unknown): string {
  if (error instanceof AuthError) return `errors.${error.code}`;
  throw error;
}
