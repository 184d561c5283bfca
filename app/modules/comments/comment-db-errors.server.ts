import { AppError } from "~/utils/app-error";

type PgError = { code?: string; hint?: string };

/** Turns the database's own refusals (a race the checks before it could not see) into AppErrors. */
export function commentDbError(error: unknown): unknown {
  const e = error as PgError;
  if (e?.hint === "comment_reply_depth") return new AppError("reply_too_deep");
  if (e?.hint === "comment_parent_not_found") return new AppError("comment_not_found");
  if (e?.hint === "comment_deleted") return new AppError("comment_deleted");
  if (e?.code === "42501") return new AppError("not_allowed");
  return error;
}
