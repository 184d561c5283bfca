import { addCalendarDays, dayOfWeek, formatCalendarDate, osloUtcOffsetMinutes, toOsloCalendarDate, type CalendarDate } from "~/modules/sla/oslo-calendar";

/** The instant Oslo's clocks show `hour`:00 on `date` (07:00 is never in a clock change). */
export function osloTimeOn(date: CalendarDate, hour: number): Date {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, hour);
  let guess = wallAsUtc - osloUtcOffsetMinutes(new Date(wallAsUtc)) * 60_000;
  guess = wallAsUtc - osloUtcOffsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}

export type DigestPeriod = { id: string; start: Date; end: Date };

export const DIGEST_HOUR = 7;

/** The last day that ended at or before `now`: from 07:00 Oslo the day before to 07:00 Oslo; id = the day it ends. */
export function dailyDigestPeriod(now: Date): DigestPeriod {
  let day = toOsloCalendarDate(now);
  if (osloTimeOn(day, DIGEST_HOUR) > now) day = addCalendarDays(day, -1);
  return { id: formatCalendarDate(day), start: osloTimeOn(addCalendarDays(day, -1), DIGEST_HOUR), end: osloTimeOn(day, DIGEST_HOUR) };
}

/** The last week that ended at or before `now`: Monday 07:00 Oslo to Monday 07:00; id = the Monday it ends. */
export function weeklyDigestPeriod(now: Date): DigestPeriod {
  let day = toOsloCalendarDate(now);
  while (dayOfWeek(day) !== 1) day = addCalendarDays(day, -1);
  if (osloTimeOn(day, DIGEST_HOUR) > now) day = addCalendarDays(day, -7);
  return { id: formatCalendarDate(day), start: osloTimeOn(addCalendarDays(day, -7), DIGEST_HOUR), end: osloTimeOn(day, DIGEST_HOUR) };
}
