/**
 * Length as PostgreSQL's length() counts it: Unicode code points. String.length counts UTF-16 units,
 * so "!𐀀" is 3 long to Zod's .min(3) and 2 long to the database's check, which then refused the row
 * with a server error instead of a message (found by the action fuzzer).
 */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/**
 * Zod refinement that pairs with .min(min): at least `min` characters as the database counts them.
 * Silent when .min() has already refused, so the user never sees the same message twice.
 */
export const hasAtLeastCharacters = (min: number) => (value: string) => value.length < min || characterCount(value) >= min;
