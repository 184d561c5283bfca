/** A failure the user can act on. Routes map `code` to a status and a translated message. */
export class AppError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
