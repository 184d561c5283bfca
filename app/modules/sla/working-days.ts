import { isNorwegianPublicHolidayOn } from "./norwegian-public-holidays";
import {
  addCalendarDays,
  compareCalendarDates,
  dayOfWeek,
  endOfOsloDay,
  toOsloCalendarDate,
  type CalendarDate,
} from "./oslo-calendar";

/*
 * What "an answer within N working days" means here:
 * - A working day is an Oslo calendar day, Monday to Friday, that is not a Norwegian public holiday.
 *   Julaften (24 Dec) and nyttårsaften (31 Dec) are working days.
 * - The day of submission never counts, whatever the time of day: working day 1 is the first working
 *   day after the Oslo calendar day of submission. Submitting on a Saturday evening or on a holiday
 *   makes the following Monday (or next working day) working day 1.
 * - The deadline is the end (23:59:59.999 Oslo time) of working day N.
 * Example: submitted Friday 3 Jan 2025 at 15:00, 10 working days → end of Friday 17 Jan 2025.
 */

/** Whether an Oslo calendar date is a working day. */
export function isWorkingDayOn(date: CalendarDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isNorwegianPublicHolidayOn(date);
}

/** Whether the Oslo calendar day that `instant` falls on is a working day. */
export function isWorkingDay(instant: Date): boolean {
  return isWorkingDayOn(toOsloCalendarDate(instant));
}

function assertWholeNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of days, 0 or more`);
  }
}

/**
 * The deadline `workingDays` working days after something happened at `start`: the end of that
 * working day in Oslo. With 0, the end of `start`'s own day if it is a working day, otherwise the end of the
 * next working day.
 */
export function addWorkingDays(start: Date, workingDays: number): Date {
  assertWholeNumber(workingDays, "workingDays");
  let day = toOsloCalendarDate(start);
  if (workingDays === 0) {
    while (!isWorkingDayOn(day)) day = addCalendarDays(day, 1);
    return endOfOsloDay(day);
  }
  let counted = 0;
  while (counted < workingDays) {
    day = addCalendarDays(day, 1);
    if (isWorkingDayOn(day)) counted += 1;
  }
  return endOfOsloDay(day);
}

/**
 * How many working days lie after `from`'s Oslo day, up to and including `to`'s Oslo day; negative
 * when `to` is before `from`. The inverse of addWorkingDays: workingDaysBetween(s, addWorkingDays(s, n)) === n
 * for n ≥ 1.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const first = toOsloCalendarDate(from);
  const last = toOsloCalendarDate(to);
  const order = compareCalendarDates(first, last);
  if (order > 0) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = addCalendarDays(first, 1); compareCalendarDates(day, last) <= 0; day = addCalendarDays(day, 1)) {
    if (isWorkingDayOn(day)) count += 1;
  }
  return count;
}
