import { findNationalIdShapedSpans } from "./norwegian-national-id";
import type { TextMatch } from "./text-match";

/*
 * Norwegian phone numbers have 8 digits; ordinary subscriber numbers start with 2–9 (mobile 4 and 9).
 * Accepted as written in Norway: "91234567", "912 34 567", "91 23 45 67", with an optional "+47", "(+47)" or "0047".
 * Not accepted on purpose: 4+4 groups (reads like "2025 2026"), dots (reads like dates "12.03.2025"),
 * and any run that continues with more digits (account numbers, amounts, idea numbers like IDE-2026-0042).
 */
const SEP = "[ \\u00A0\\u202F-]";
const BODY = `[2-9]\\d{7}|[2-9]\\d{2}${SEP}\\d{2}${SEP}\\d{3}|[2-9]\\d${SEP}\\d{2}${SEP}\\d{2}${SEP}\\d{2}`;
const PHONE_CANDIDATE = new RegExp(
  // Not glued to letters or digits, not a decimal fraction, not the tail of a grouped number.
  `(?<![\\p{L}\\p{N}+@])(?<!\\d[.,])(?<!\\d${SEP})(\\(?(?:\\+|00)47\\)?[ \\u00A0]?)?(${BODY})(?![\\p{L}\\p{N}@])(?!${SEP}\\d)(?![.,]\\d)`,
  "gu",
);

function isValidDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Eight digits that read as a date (DDMMYYYY, YYYYMMDD) or as two years (20252026). */
function looksLikeDateOrYears(eightDigits: string): boolean {
  const n = (from: number, to: number) => Number(eightDigits.slice(from, to));
  const isYear = (year: number) => year >= 1900 && year <= 2099;
  if (isYear(n(4, 8)) && isValidDate(n(4, 8), n(2, 4), n(0, 2))) return true;
  if (isYear(n(0, 4)) && isValidDate(n(0, 4), n(4, 6), n(6, 8))) return true;
  return isYear(n(0, 4)) && isYear(n(4, 8));
}

export function findPhoneNumbers(text: string): TextMatch[] {
  const nationalIds = findNationalIdShapedSpans(text);
  const found: TextMatch[] = [];
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const [whole, prefix = "", body] = match;
    const start = match.index;
    const end = start + whole.length;
    const digits = body.replace(/\D/g, "");
    if (body === digits && looksLikeDateOrYears(digits)) continue;
    if (nationalIds.some((span) => span.start < end && start < span.end)) continue;
    found.push({ start, end, masked: `${prefix ? "+47 " : ""}${digits.slice(0, 3)}*****` });
  }
  return found;
}
