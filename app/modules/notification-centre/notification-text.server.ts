import type { TFunction } from "i18next";
import type { Locale } from "~/db/schema";
import { formatOsloDate } from "~/modules/notifications/format-oslo-date";

type Stored = { kind: string; title_key: string; values: Record<string, unknown> };

/** Values that name a person; empty when the person is unknown or has deleted their account. */
const PERSON_KEYS = ["author", "name"];

function interpolationValues(t: TFunction, values: Record<string, unknown>, locale: Locale) {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string" || typeof value === "number") out[key] = String(value);
  }
  for (const key of PERSON_KEYS) {
    if (out[key] === "") out[key] = t("formerUser", { ns: "notifications" });
  }
  // Dates are stored as instants and written out in the reader's language and Oslo's calendar.
  if (typeof values.dueAt === "string" && !Number.isNaN(Date.parse(values.dueAt))) {
    out.due = formatOsloDate(new Date(values.dueAt), locale);
  }
  return out;
}

/** A notification's text in the reader's language (`t` must be the "notifications" translator). */
export function notificationText(t: TFunction, locale: Locale, row: Stored): string {
  const vars = interpolationValues(t, row.values, locale);
  return t(row.title_key, { ns: "notifications", ...vars, defaultValue: t("items.fallback", { ns: "notifications" }) });
}

/** The subject line for a single-notification e-mail. */
export function notificationSubject(t: TFunction, locale: Locale, row: Stored): string {
  const vars = interpolationValues(t, row.values, locale);
  return t(`subjects.${row.kind}`, { ns: "notifications", ...vars, defaultValue: t("subjects.fallback", { ns: "notifications" }) });
}
