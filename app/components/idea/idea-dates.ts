import type { Locale } from "~/db/schema";

const OSLO = "Europe/Oslo";
const intlLocale: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

/**
 * Dates on Oslo's calendar, formatted once on the server and sent as text, so the browser's own
 * time zone or ICU data never changes what the page says (and hydration always matches).
 */
// Intl formatters are costly to create (a few hundred microseconds each) and a list page formats
// dozens of dates: one instance per locale and pattern, created on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

export function formatIdeaDate(instant: Date, locale: Locale): string {
  return formatter(`date:${locale}`, intlLocale[locale], { day: "numeric", month: "long", year: "numeric", timeZone: OSLO }).format(instant);
}

export function formatIdeaDateTime(instant: Date, locale: Locale): string {
  return formatter(`datetime:${locale}`, intlLocale[locale], {
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
  return formatter("iso", "en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: OSLO }).format(instant);
}

export type DisplayDate = { iso: string; text: string };

export function displayDate(instant: Date, locale: Locale, withTime = false): DisplayDate {
  return { iso: withTime ? instant.toISOString() : osloIsoDate(instant), text: withTime ? formatIdeaDateTime(instant, locale) : formatIdeaDate(instant, locale) };
}
