import Holidays from "date-holidays";
import { formatCalendarDate, toOsloCalendarDate, type CalendarDate } from "./oslo-calendar";

// Only "public" (helligdager and the statutory 1 and 17 May). Julaften and nyttårsaften are "bank"
// days in date-holidays: many offices close early, but they are ordinary working days by law.
let holidays: Holidays | undefined;
const publicHolidaysByYear = new Map<number, ReadonlySet<string>>();

function publicHolidayKeys(year: number): ReadonlySet<string> {
  let keys = publicHolidaysByYear.get(year);
  if (!keys) {
    holidays ??= new Holidays("NO", { timezone: "Europe/Oslo", types: ["public"] });
    keys = new Set(
      holidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === "public")
        // `date` is the local date in Norway, "YYYY-MM-DD hh:mm:ss".
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    publicHolidaysByYear.set(year, keys);
  }
  return keys;
}

export function isNorwegianPublicHolidayOn(date: CalendarDate): boolean {
  return publicHolidayKeys(date.year).has(formatCalendarDate(date));
}

/** Whether the Oslo calendar day that `instant` falls on is a Norwegian public holiday. */
export function isNorwegianPublicHoliday(instant: Date): boolean {
  return isNorwegianPublicHolidayOn(toOsloCalendarDate(instant));
}

/** The public holidays of `year` as "YYYY-MM-DD", in date order. */
export function norwegianPublicHolidayDates(year: number): string[] {
  return [...publicHolidayKeys(year)].sort();
}
