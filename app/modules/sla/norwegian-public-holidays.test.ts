import { describe, expect, it } from "vitest";
import { isNorwegianPublicHoliday, norwegianPublicHolidayDates } from "./norwegian-public-holidays";

/** Noon in Oslo on a local date, well away from any midnight. */
function noonInOslo(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00+01:00`);
}

// Written by hand from the Easter dates (2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28, 2028-04-16).
const easterBasedHolidays: Record<number, Record<string, string>> = {
  2024: { skjaertorsdag: "2024-03-28", langfredag: "2024-03-29", andrePaaskedag: "2024-04-01", kristiHimmelfart: "2024-05-09", andrePinsedag: "2024-05-20" },
  2025: { skjaertorsdag: "2025-04-17", langfredag: "2025-04-18", andrePaaskedag: "2025-04-21", kristiHimmelfart: "2025-05-29", andrePinsedag: "2025-06-09" },
  2026: { skjaertorsdag: "2026-04-02", langfredag: "2026-04-03", andrePaaskedag: "2026-04-06", kristiHimmelfart: "2026-05-14", andrePinsedag: "2026-05-25" },
  2027: { skjaertorsdag: "2027-03-25", langfredag: "2027-03-26", andrePaaskedag: "2027-03-29", kristiHimmelfart: "2027-05-06", andrePinsedag: "2027-05-17" },
  2028: { skjaertorsdag: "2028-04-13", langfredag: "2028-04-14", andrePaaskedag: "2028-04-17", kristiHimmelfart: "2028-05-25", andrePinsedag: "2028-06-05" },
};

describe("Norwegian public holidays", () => {
  for (const [year, days] of Object.entries(easterBasedHolidays)) {
    it(`knows the Easter-based holidays in ${year}`, () => {
      for (const [name, date] of Object.entries(days)) {
        expect(isNorwegianPublicHoliday(noonInOslo(date)), `${name} ${date}`).toBe(true);
      }
      // The weekday before skjærtorsdag and the Tuesday after 2. påskedag are ordinary days.
      const skjaertorsdag = new Date(`${days.skjaertorsdag}T12:00:00Z`);
      const onsdag = new Date(skjaertorsdag.getTime() - 24 * 3600_000).toISOString().slice(0, 10);
      expect(isNorwegianPublicHoliday(noonInOslo(onsdag))).toBe(false);
      const andrePaaskedag = new Date(`${days.andrePaaskedag}T12:00:00Z`);
      const tirsdag = new Date(andrePaaskedag.getTime() + 24 * 3600_000).toISOString().slice(0, 10);
      expect(isNorwegianPublicHoliday(noonInOslo(tirsdag))).toBe(false);
    });
  }

  it("knows the fixed holidays", () => {
    for (const year of [2024, 2025, 2026, 2027, 2030]) {
      for (const monthDay of ["01-01", "05-01", "05-17", "12-25", "12-26"]) {
        expect(isNorwegianPublicHoliday(noonInOslo(`${year}-${monthDay}`)), `${year}-${monthDay}`).toBe(true);
      }
    }
  });

  it("does not treat julaften, nyttårsaften or observance days as public holidays", () => {
    for (const year of [2024, 2025, 2026]) {
      expect(isNorwegianPublicHoliday(noonInOslo(`${year}-12-24`))).toBe(false);
      expect(isNorwegianPublicHoliday(noonInOslo(`${year}-12-31`))).toBe(false);
      expect(isNorwegianPublicHoliday(noonInOslo(`${year}-05-08`))).toBe(false); // frigjøringsdagen
      expect(isNorwegianPublicHoliday(noonInOslo(`${year}-06-23`))).toBe(false); // sankthansaften
    }
  });

  it("lists exactly the twelve public holidays of 2026, Sundays included", () => {
    expect(norwegianPublicHolidayDates(2026)).toEqual([
      "2026-01-01",
      "2026-04-02",
      "2026-04-03",
      "2026-04-05",
      "2026-04-06",
      "2026-05-01",
      "2026-05-14",
      "2026-05-17",
      "2026-05-24",
      "2026-05-25",
      "2026-12-25",
      "2026-12-26",
    ]);
  });

  it("decides by the Oslo calendar day, not the UTC day", () => {
    // 00:30 on 25 December in Oslo, still 24 December in UTC.
    expect(isNorwegianPublicHoliday(new Date("2025-12-24T23:30:00Z"))).toBe(true);
    // 23:30 on 26 December in Oslo is still a holiday; 00:30 on the 27th is not.
    expect(isNorwegianPublicHoliday(new Date("2025-12-26T22:30:00Z"))).toBe(true);
    expect(isNorwegianPublicHoliday(new Date("2025-12-26T23:30:00Z"))).toBe(false);
    // Summer time: 17 May starts at 22:00 UTC the day before.
    expect(isNorwegianPublicHoliday(new Date("2026-05-16T21:59:59Z"))).toBe(false);
    expect(isNorwegianPublicHoliday(new Date("2026-05-16T22:00:00Z"))).toBe(true);
    expect(isNorwegianPublicHoliday(new Date("2026-05-17T21:59:59Z"))).toBe(true);
    expect(isNorwegianPublicHoliday(new Date("2026-05-17T22:00:00Z"))).toBe(false);
  });
});
