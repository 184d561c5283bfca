import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { AdminActionData } from "~/components/admin/admin-form";
import { getTranslator } from "~/i18n/i18n.server";
import type { CurrentUser } from "~/modules/auth/current-user.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { isAppError } from "~/utils/app-error";
import { adminErrorStatus } from "./admin-db-errors.server";

/** Which of the page's forms was posted (each carries a hidden formId). */
export function postedFormId(formData: FormData) {
  const value = formData.get("formId");
  return typeof value === "string" && /^[a-z0-9-]{1,80}$/i.test(value) ? value : "form";
}

/** The form again with its errors (400). */
export function invalidForm(formId: string, submission: Submission<unknown>) {
  return data<AdminActionData>({ formId, result: submission.reply() }, { status: 400 });
}

/**
 * A refusal the user can act on: the AppError's message in the reader's language, with the
 * details it carries (a domain's owner, how many open ideas …), and the typed values kept.
 */
export async function refusedForm(request: Request, user: CurrentUser, formId: string, submission: Submission<unknown>, error: unknown) {
  if (!isAppError(error)) throw error;
  const t = await getTranslator(await resolveLocale(request, user));
  const message = t(`errors.${error.code}`, { ns: "admin", ...error.details });
  return data<AdminActionData>({ formId, result: submission.reply({ formErrors: [message] }) }, { status: adminErrorStatus(error.code) });
}
