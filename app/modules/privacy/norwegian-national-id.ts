import type { TextMatch } from "./text-match";

/*
 * Norwegian national identity numbers (Skatteetaten / Folkeregisteret): DDMMYY III K1 K2.
 * - fødselsnummer: the birth date as written.
 * - D-nummer: day + 40.
 * - H-nummer: month + 40 (NAV's synthetic test persons use the same form).
 * - Synthetic test numbers from Skatteetaten's Tenor test data: month + 80.
 * D-nummer can combine with month + 40 or + 80.
 * The individual number III gives the century; the birth date must exist (leap years included).
 * Control digits: K2 is the classic mod 11. For K1 we also accept the remainders 0–3 that Skatteetaten
 * allows for numbers issued from 2032 ("nytt fødselsnummer fra 2032"); the classic rule is remainder 0.
 * A guard that blocks must not miss a real number, so it accepts the wider, future-proof rule.
 */

export type NationalIdType = "fodselsnummer" | "d-nummer" | "h-nummer" | "synthetic";

export type NationalIdNumber = { type: NationalIdType; birthDate: { year: number; month: number; day: number } };

export type NationalIdMatch = TextMatch & { type: NationalIdType };

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * digits[index], 0);
}

function controlDigitsAreValid(digits: readonly number[]): boolean {
  const k1Sum = weightedSum(digits, K1_WEIGHTS);
  const k1 = digits[9];
  if ((k1Sum + k1) % 11 > 3) return false;
  const k2Remainder = weightedSum(digits, K2_WEIGHTS) % 11;
  const k2 = k2Remainder === 0 ? 0 : 11 - k2Remainder;
  return k2 !== 10 && k2 === digits[10];
}

function centuryOf(twoDigitYear: number, individualNumber: number): number | null {
  if (individualNumber <= 499) return 1900;
  if (individualNumber >= 900 && twoDigitYear >= 40) return 1900;
  if (individualNumber >= 500 && twoDigitYear <= 39) return 2000;
  if (individualNumber <= 749 && twoDigitYear >= 54) return 1800;
  return null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an 11-digit string; null unless both control digits and the birth date are valid. */
export function parseNorwegianNationalId(elevenDigits: string): NationalIdNumber | null {
  if (!/^\d{11}$/.test(elevenDigits)) return null;
  const digits = [...elevenDigits].map(Number);
  if (!controlDigitsAreValid(digits)) return null;

  let day = digits[0] * 10 + digits[1];
  let month = digits[2] * 10 + digits[3];
  const isDNumber = day > 40;
  if (isDNumber) day -= 40;
  let type: NationalIdType = isDNumber ? "d-nummer" : "fodselsnummer";
  if (month > 80) {
    month -= 80;
    type = "synthetic";
  } else if (month > 40) {
    month -= 40;
    type = "h-nummer";
  }

  const twoDigitYear = digits[4] * 10 + digits[5];
  const century = centuryOf(twoDigitYear, digits[6] * 100 + digits[7] * 10 + digits[8]);
  if (century === null) return null;
  const year = century + twoDigitYear;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { type, birthDate: { year, month, day } };
}

export function isValidNorwegianNationalId(elevenDigits: string): boolean {
  return parseNorwegianNationalId(elevenDigits) !== null;
}

// 11 digits, or 6 + 5 split by one space, dot or hyphen; never part of a longer run of digits.
const NATIONAL_ID_CANDIDATE = /(?<!\d)(\d{6})[ \u00A0\u202F.-]?(\d{5})(?!\d)/g;

/** Spans shaped like a national id number, valid or not (other finders must not claim them). */
export function findNationalIdShapedSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(NATIONAL_ID_CANDIDATE)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Valid fødselsnummer, D-, H- and synthetic numbers in free text. */
export function findNationalIdNumbers(text: string): NationalIdMatch[] {
  const found: NationalIdMatch[] = [];
  for (const match of text.matchAll(NATIONAL_ID_CANDIDATE)) {
    const [whole, birthPart, personalPart] = match;
    const parsed = parseNorwegianNationalId(birthPart + personalPart);
    if (!parsed) continue;
    found.push({
      start: match.index,
      end: match.index + whole.length,
      masked: `${birthPart}*****`,
      type: parsed.type,
    });
  }
  return found;
}
