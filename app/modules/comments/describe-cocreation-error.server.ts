import type { SupportedLocale } from "~/i18n/config";
import { getTranslator } from "~/i18n/i18n.server";
import type { AppError } from "~/utils/app-error";

const statusByCode: Record<string, number> = {
  idea_not_found: 404,
  comment_not_found: 404,
  same_need_not_found: 404,
  not_comment_author: 403,
  not_coordinator: 403,
  not_allowed: 403,
  same_need_not_allowed: 403,
  idea_closed: 409,
  comment_deleted: 409,
  reply_too_deep: 409,
  same_need_own_organisation: 409,
  comment_rate_limited: 429,
  cocreator_not_found: 404,
  cocreator_unknown_email: 404,
  cocreator_exists: 409,
  cocreator_already_answered: 409,
  cocreator_is_submitter: 409,
  cocreator_cannot_see: 409,
  contact_not_vacant: 409,
  contact_other_organisation: 403,
  idea_closed_for_support: 409,
};

/** A refusal from a co-creation operation as a message in the user's language and an HTTP status. */
export async function describeCocreationError(error: AppError, locale: SupportedLocale) {
  const t = await getTranslator(locale);
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error.details)) {
    if (typeof value === "string" || typeof value === "number") values[key] = value;
  }
  const message = t(`errors.${error.code}`, { ns: "cocreation", ...values, defaultValue: t("errors.not_allowed", { ns: "cocreation" }) });
  return { message, status: statusByCode[error.code] ?? 400 };
}
