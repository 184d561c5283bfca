import type { Locale } from "~/db/schema";

const OSLO = "Europe/Oslo";
const intlLocale: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

/**
 * Dates on Oslo's calendar, formatted once on the server and sent as text, so the browser's own
 * time zone or ICU data never changes what the page says (and hydration always matches).
 */
export function formatIdeaDate(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { day: "numeric", month: "long", year: "numeric", timeZone: OSLO }).format(instant);
}

export function formatIdeaDateTime(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: OSLO,
  }).format(instant);
}

/** The calendar day in Oslo as YYYY-MM-DD, for `<time dateTime>`. */
export function osloIsoDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: OSLO }).format(instant);
}

export type DisplayDate = { iso: string; text: string };

export function displayDate(instant: Date, locale: Locale, withTime = false): DisplayDate {
  return { iso: withTime ? instant.toISOString() : osloIsoDate(instant), text: withTime ? formatIdeaDateTime(instant, locale) : formatIdeaDate(instant, locale) };
}
