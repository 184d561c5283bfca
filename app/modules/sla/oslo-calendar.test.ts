import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  dayOfWeek,
  endOfOsloDay,
  formatCalendarDate,
  osloUtcOffsetMinutes,
  startOfOsloDay,
  toOsloCalendarDate,
} from "./oslo-calendar";

describe("Oslo calendar", () => {
  it("reads the Oslo date, not the UTC date, around midnight", () => {
    // 22:30 UTC in summer is 00:30 the next day in Oslo.
    expect(toOsloCalendarDate(new Date("2025-09-08T22:30:00Z"))).toEqual({ year: 2025, month: 9, day: 9 });
    // 22:30 UTC in winter is 23:30 the same day in Oslo.
    expect(toOsloCalendarDate(new Date("2025-01-08T22:30:00Z"))).toEqual({ year: 2025, month: 1, day: 8 });
    expect(toOsloCalendarDate(new Date("2025-12-31T23:00:00Z"))).toEqual({ year: 2026, month: 1, day: 1 });
  });

  it("knows the UTC offset on both sides of the DST switches", () => {
    expect(osloUtcOffsetMinutes(new Date("2025-03-30T00:59:59Z"))).toBe(60);
    expect(osloUtcOffsetMinutes(new Date("2025-03-30T01:00:00Z"))).toBe(120);
    expect(osloUtcOffsetMinutes(new Date("2025-10-26T00:59:59Z"))).toBe(120);
    expect(osloUtcOffsetMinutes(new Date("2025-10-26T01:00:00Z"))).toBe(60);
  });

  it("gives a 23-hour day when clocks go forward and a 25-hour day when they go back", () => {
    const spring = { year: 2025, month: 3, day: 30 };
    expect(startOfOsloDay(spring).toISOString()).toBe("2025-03-29T23:00:00.000Z");
    expect(endOfOsloDay(spring).toISOString()).toBe("2025-03-30T21:59:59.999Z");
    const autumn = { year: 2025, month: 10, day: 26 };
    expect(startOfOsloDay(autumn).toISOString()).toBe("2025-10-25T22:00:00.000Z");
    expect(endOfOsloDay(autumn).toISOString()).toBe("2025-10-26T22:59:59.999Z");
    expect(endOfOsloDay({ year: 2025, month: 7, day: 1 }).toISOString()).toBe("2025-07-01T21:59:59.999Z");
  });

  it("does calendar arithmetic across month, year and leap-day boundaries", () => {
    expect(addCalendarDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addCalendarDays({ year: 2025, month: 2, day: 28 }, 1)).toEqual({ year: 2025, month: 3, day: 1 });
    expect(addCalendarDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(addCalendarDays({ year: 2026, month: 1, day: 1 }, -1)).toEqual({ year: 2025, month: 12, day: 31 });
    expect(dayOfWeek({ year: 2026, month: 5, day: 17 })).toBe(0);
    expect(formatCalendarDate({ year: 2026, month: 4, day: 2 })).toBe("2026-04-02");
  });

  it("rejects an invalid Date instead of returning nonsense", () => {
    expect(() => toOsloCalendarDate(new Date("not a date"))).toThrow(RangeError);
  });
});
