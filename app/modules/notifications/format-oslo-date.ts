import { dateTimeFormat } from "~/i18n/intl-formats";
import type { Locale } from "~/db/schema";
import { OSLO_TIME_ZONE } from "~/modules/sla/oslo-calendar";

const intlLocale: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

/** A date as people in Norway write it, on Oslo's calendar: "fredag 5. desember 2026". */
export function formatOsloDate(instant: Date, locale: Locale): string {
  return dateTimeFormat(intlLocale[locale], {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: OSLO_TIME_ZONE,
  }).format(instant);
}
