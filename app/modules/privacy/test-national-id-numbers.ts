/*
 * Builds valid Norwegian national id numbers for tests, from the published algorithm
 * (classic mod-11 control digits). Written separately from the validator on purpose.
 */

export type TestNationalIdVariant = "fodselsnummer" | "d-nummer" | "h-nummer" | "synthetic";

export type TestNationalIdInput = {
  day: number;
  month: number;
  twoDigitYear: number;
  individualNumber: number;
  variant?: TestNationalIdVariant;
};

const pad = (value: number, width: number) => String(value).padStart(width, "0");

function controlDigit(digits: readonly number[], weights: readonly number[]): number | null {
  const remainder = weights.reduce((sum, weight, index) => sum + weight * digits[index], 0) % 11;
  const control = remainder === 0 ? 0 : 11 - remainder;
  return control === 10 ? null : control;
}

/** The 11 digits, or null when this individual number has no valid control digit (K = 10). */
export function makeTestNationalId(input: TestNationalIdInput): string | null {
  const variant = input.variant ?? "fodselsnummer";
  const day = input.day + (variant === "d-nummer" ? 40 : 0);
  const month = input.month + (variant === "h-nummer" ? 40 : variant === "synthetic" ? 80 : 0);
  const first9 = `${pad(day, 2)}${pad(month, 2)}${pad(input.twoDigitYear, 2)}${pad(input.individualNumber, 3)}`;
  const digits = [...first9].map(Number);
  const k1 = controlDigit(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  if (k1 === null) return null;
  const k2 = controlDigit([...digits, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  if (k2 === null) return null;
  return `${first9}${k1}${k2}`;
}

/** Individual numbers 000–999 that give `year` its century (Skatteetaten's ranges). */
export function individualNumbersFor(year: number): number[] {
  const all = Array.from({ length: 1000 }, (_, n) => n);
  const yy = year % 100;
  if (year >= 1854 && year <= 1899) return all.filter((n) => n >= 500 && n <= 749);
  if (year >= 1900 && year <= 1999) return all.filter((n) => n <= 499 || (yy >= 40 && n >= 900));
  if (year >= 2000 && year <= 2039) return all.filter((n) => n >= 500);
  throw new RangeError(`No individual numbers for ${year}`);
}

/** A valid number for a real birth date, trying individual numbers from `seed` on. */
export function validTestNationalId(
  birthDate: { year: number; month: number; day: number },
  variant: TestNationalIdVariant = "fodselsnummer",
  seed = 0,
): string {
  const candidates = individualNumbersFor(birthDate.year);
  for (let i = 0; i < candidates.length; i += 1) {
    const individualNumber = candidates[(seed + i) % candidates.length];
    const made = makeTestNationalId({
      day: birthDate.day,
      month: birthDate.month,
      twoDigitYear: birthDate.year % 100,
      individualNumber,
      variant,
    });
    if (made) return made;
  }
  throw new Error("unreachable: some individual number always has valid control digits");
}
