import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toOsloCalendarDate } from "./oslo-calendar";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "./working-days";

const at = (iso: string) => new Date(iso);
const deadline = (start: string, workingDays: number) => addWorkingDays(at(start), workingDays).toISOString();
const endOfDay = (isoDateWithOffset: string) => at(isoDateWithOffset).toISOString();

describe("isWorkingDay", () => {
  it("excludes weekends and public holidays, includes julaften", () => {
    expect(isWorkingDay(at("2025-04-16T12:00:00+02:00"))).toBe(true); // onsdag før påske
    expect(isWorkingDay(at("2025-04-17T12:00:00+02:00"))).toBe(false); // skjærtorsdag
    expect(isWorkingDay(at("2025-04-19T12:00:00+02:00"))).toBe(false); // lørdag
    expect(isWorkingDay(at("2025-04-20T12:00:00+02:00"))).toBe(false); // søndag
    expect(isWorkingDay(at("2025-12-24T12:00:00+01:00"))).toBe(true); // julaften, onsdag
    expect(isWorkingDay(at("2025-12-31T12:00:00+01:00"))).toBe(true); // nyttårsaften, onsdag
    expect(isWorkingDay(at("2026-05-14T12:00:00+02:00"))).toBe(false); // Kristi himmelfartsdag
  });

  it("uses the Oslo day: Friday 23:30 UTC in winter is already Saturday in Oslo", () => {
    expect(isWorkingDay(at("2025-11-14T22:30:00Z"))).toBe(true); // 23:30 Friday in Oslo
    expect(isWorkingDay(at("2025-11-14T23:30:00Z"))).toBe(false); // 00:30 Saturday in Oslo
  });
});

describe("addWorkingDays: the deadline is the end of working day N, the submission day not counted", () => {
  it("counts ten ordinary working days, whatever the time of day of submission", () => {
    expect(deadline("2025-01-03T15:00:00+01:00", 10)).toBe(endOfDay("2025-01-17T23:59:59.999+01:00"));
    expect(deadline("2025-01-03T00:00:00+01:00", 10)).toBe(endOfDay("2025-01-17T23:59:59.999+01:00"));
    expect(deadline("2025-01-03T23:59:59+01:00", 10)).toBe(endOfDay("2025-01-17T23:59:59.999+01:00"));
  });

  it("skips Easter 2025 and 1 May", () => {
    // Tue 15, Wed 16, [17, 18, 21 Apr], 22–25 Apr, 28–30 Apr, [1 May], Fri 2 May.
    expect(deadline("2025-04-14T09:00:00+02:00", 10)).toBe(endOfDay("2025-05-02T23:59:59.999+02:00"));
  });

  it("skips Easter 2026 and crosses the spring DST switch", () => {
    // Submitted in winter time; Mon 30, Tue 31 Mar, Wed 1 Apr, [2, 3, 6 Apr], 7–10 Apr, 13–15 Apr.
    expect(deadline("2026-03-27T16:00:00+01:00", 10)).toBe(endOfDay("2026-04-15T23:59:59.999+02:00"));
  });

  it("skips Easter 2027, which falls on the DST weekend", () => {
    // [25, 26, 29 Mar], 30 Mar–2 Apr, 5–9 Apr, Mon 12 Apr.
    expect(deadline("2027-03-24T12:00:00+01:00", 10)).toBe(endOfDay("2027-04-12T23:59:59.999+02:00"));
  });

  it("skips Christmas and New Year, but counts julaften and nyttårsaften", () => {
    // Mon 22, Tue 23, Wed 24, [25, 26], Mon 29, Tue 30, Wed 31, [1 Jan], Fri 2, Mon 5, Tue 6, Wed 7.
    expect(deadline("2025-12-19T10:00:00+01:00", 10)).toBe(endOfDay("2026-01-07T23:59:59.999+01:00"));
    expect(deadline("2025-12-23T10:00:00+01:00", 1)).toBe(endOfDay("2025-12-24T23:59:59.999+01:00"));
    expect(deadline("2025-12-24T10:00:00+01:00", 1)).toBe(endOfDay("2025-12-29T23:59:59.999+01:00"));
  });

  it("skips 17 May on a weekday, Kristi himmelfartsdag and 2. pinsedag", () => {
    // 2028: Mon 15, Tue 16, [Wed 17 May], 18, 19, 22–24, [Thu 25 May], Fri 26, Mon 29, Tue 30.
    expect(deadline("2028-05-12T14:00:00+02:00", 10)).toBe(endOfDay("2028-05-30T23:59:59.999+02:00"));
    // 2026: 17 May is a Sunday; [Thu 14 May] and [Mon 25 May] still fall out.
    expect(deadline("2026-05-11T14:00:00+02:00", 10)).toBe(endOfDay("2026-05-27T23:59:59.999+02:00"));
    // 2027: 2. pinsedag is 17 May.
    expect(deadline("2027-05-14T14:00:00+02:00", 1)).toBe(endOfDay("2027-05-18T23:59:59.999+02:00"));
  });

  it("handles the autumn DST switch weekend", () => {
    // Friday 23:30 summer time; Sunday 26 Oct 2025 has 25 hours; Monday is in winter time.
    expect(deadline("2025-10-24T23:30:00+02:00", 1)).toBe(endOfDay("2025-10-27T23:59:59.999+01:00"));
    // 00:30 Sunday local, in the hour before the switch.
    expect(deadline("2025-10-25T22:30:00Z", 1)).toBe(endOfDay("2025-10-27T23:59:59.999+01:00"));
    expect(deadline("2025-10-24T09:00:00+02:00", 10)).toBe(endOfDay("2025-11-07T23:59:59.999+01:00"));
  });

  it("starts counting on the next working day after a Saturday-evening submission", () => {
    expect(deadline("2025-11-15T21:00:00+01:00", 10)).toBe(endOfDay("2025-11-28T23:59:59.999+01:00"));
    // Saturday before 2. pinsedag 2025: Mon 9 June is a holiday too.
    expect(deadline("2025-06-07T21:00:00+02:00", 10)).toBe(endOfDay("2025-06-23T23:59:59.999+02:00"));
  });

  it("starts counting on the next working day after a submission on a public holiday", () => {
    // 1 May 2025 (Thursday): Fri 2, 5–9, 12–15 May.
    expect(deadline("2025-05-01T11:00:00+02:00", 10)).toBe(endOfDay("2025-05-15T23:59:59.999+02:00"));
  });

  it("counts from the Oslo day when the UTC day is still the previous one", () => {
    // 00:30 Tuesday in Oslo (22:30 Monday UTC): working day 1 is Wednesday.
    expect(deadline("2025-09-08T22:30:00Z", 1)).toBe(endOfDay("2025-09-10T23:59:59.999+02:00"));
  });

  it("with 0 days gives the end of the same day if it is a working day, else of the next one", () => {
    expect(deadline("2025-01-03T15:00:00+01:00", 0)).toBe(endOfDay("2025-01-03T23:59:59.999+01:00"));
    expect(deadline("2025-04-17T15:00:00+02:00", 0)).toBe(endOfDay("2025-04-22T23:59:59.999+02:00"));
  });

  it("rejects negative or fractional day counts and invalid dates", () => {
    expect(() => addWorkingDays(at("2025-01-03T15:00:00+01:00"), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(at("2025-01-03T15:00:00+01:00"), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("counts working days after the first day up to and including the last", () => {
    expect(workingDaysBetween(at("2025-04-14T09:00:00+02:00"), at("2025-05-02T08:00:00+02:00"))).toBe(10);
    expect(workingDaysBetween(at("2025-04-14T09:00:00+02:00"), at("2025-04-14T18:00:00+02:00"))).toBe(0);
    expect(workingDaysBetween(at("2025-04-16T09:00:00+02:00"), at("2025-04-21T09:00:00+02:00"))).toBe(0);
    expect(workingDaysBetween(at("2025-12-19T10:00:00+01:00"), at("2026-01-07T10:00:00+01:00"))).toBe(10);
  });

  it("is negative when the second date comes first", () => {
    expect(workingDaysBetween(at("2025-05-02T08:00:00+02:00"), at("2025-04-14T09:00:00+02:00"))).toBe(-10);
  });
});

describe("working-day properties", () => {
  // Instants from 2000 to 2040, as Oslo users could submit at any millisecond.
  const instant = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true });
  const dayCount = fc.integer({ min: 0, max: 40 });

  it("never lands on a weekend or public holiday, and always at the very end of an Oslo day", () => {
    fc.assert(
      fc.property(instant, dayCount, (start, n) => {
        const due = addWorkingDays(start, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(toOsloCalendarDate(new Date(due.getTime() + 1))).not.toEqual(toOsloCalendarDate(due));
        expect(due.getTime()).toBeGreaterThan(start.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it("is monotonic in the number of days and in the start time", () => {
    fc.assert(
      fc.property(instant, instant, dayCount, (a, b, n) => {
        const earlier = a <= b ? a : b;
        const later = a <= b ? b : a;
        expect(addWorkingDays(earlier, n).getTime()).toBeLessThanOrEqual(addWorkingDays(later, n).getTime());
        expect(addWorkingDays(earlier, n + 1).getTime()).toBeGreaterThanOrEqual(addWorkingDays(earlier, n).getTime());
        if (n >= 1) {
          expect(addWorkingDays(earlier, n + 1).getTime()).toBeGreaterThan(addWorkingDays(earlier, n).getTime());
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is undone by workingDaysBetween", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (start, n) => {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
