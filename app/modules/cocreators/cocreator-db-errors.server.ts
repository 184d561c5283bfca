import { AppError } from "~/utils/app-error";

type PgError = { code?: string; hint?: string };

const byHint: Record<string, string> = {
  idea_not_found: "idea_not_found",
  idea_closed: "idea_closed",
  cocreator_is_submitter: "cocreator_is_submitter",
  cocreator_cannot_see: "cocreator_cannot_see",
  cocreator_already_answered: "cocreator_already_answered",
  contact_other_organisation: "contact_other_organisation",
  contact_not_vacant: "contact_not_vacant",
  not_allowed: "not_allowed",
};

/** The database's refusals (checks it makes again, also under races) as AppErrors. */
export function cocreatorDbError(error: unknown): unknown {
  const e = error as PgError;
  if (e?.hint && byHint[e.hint]) return new AppError(byHint[e.hint]!);
  if (e?.code === "23505") return new AppError("cocreator_exists");
  if (e?.code === "42501") return new AppError("not_allowed");
  return error;
}
