/** Why a sign-in step failed; each code has a message in app/locales/<lng>/auth.json under "errors". */
export type AuthErrorCode =
  | "emailInvalid"
  | "domainNotAllowed"
  | "rateLimited"
  | "codeInvalid"
  | "codeExpired"
  | "tooManyAttempts"
  | "linkInvalid"
  | "linkExpired"
  | "demoUnavailable"
  | "providerFailed"
  | "mailFailed";

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    readonly retryAfterSeconds?: number,
  ) {
    super(`sign-in failed: ${code}`);
    this.name = "AuthError";
  }
}
