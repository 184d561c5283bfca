/** A date on the wall calendar in Norway (no time, no zone). `month` is 1–12. */
export type CalendarDate = { year: number; month: number; day: number };

export const OSLO_TIME_ZONE = "Europe/Oslo";

const osloParts = new Intl.DateTimeFormat("en-US", {
  timeZone: OSLO_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

function assertValidInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError("Expected a valid Date");
  }
}

function osloWallClock(instant: Date) {
  const parts: Record<string, number> = {};
  for (const part of osloParts.formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    // Some engines render midnight as hour 24 even with h23.
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Minutes Oslo is ahead of UTC at `instant` (60 in winter, 120 in summer). */
export function osloUtcOffsetMinutes(instant: Date): number {
  assertValidInstant(instant);
  const wall = osloWallClock(instant);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const truncated = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - truncated) / 60_000);
}

/** The Oslo calendar date that `instant` falls on. */
export function toOsloCalendarDate(instant: Date): CalendarDate {
  assertValidInstant(instant);
  const { year, month, day } = osloWallClock(instant);
  return { year, month, day };
}

/**
 * The instant Oslo's clocks show 00:00 on `date`. Oslo changes clocks at 02:00/03:00 local time,
 * so midnight always exists exactly once.
 */
export function startOfOsloDay(date: CalendarDate): Date {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day);
  let guess = wallAsUtc - osloUtcOffsetMinutes(new Date(wallAsUtc)) * 60_000;
  guess = wallAsUtc - osloUtcOffsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}

/** The last millisecond of `date` in Oslo (23:59:59.999 local time). */
export function endOfOsloDay(date: CalendarDate): Date {
  return new Date(startOfOsloDay(addCalendarDays(date, 1)).getTime() - 1);
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** "YYYY-MM-DD" */
export function formatCalendarDate(date: CalendarDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Negative when `a` is before `b`, 0 when equal, positive when after. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
