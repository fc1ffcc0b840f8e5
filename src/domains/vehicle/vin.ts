/**
 * ISO 3779 check digit (position 9), as North America requires and many other makers use: letters
 * are transliterated, each position weighted, the sum taken modulo 11, and 10 written as X.
 */

const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export const VIN_SHAPE = /^[A-HJ-NPR-Z0-9]{17}$/;

export function vinCheckDigit(vin: string): string {
  if (!VIN_SHAPE.test(vin)) throw new RangeError(`not a VIN: ${vin}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const char = vin.charAt(i);
    const value = /\d/.test(char) ? Number(char) : (TRANSLITERATION[char] ?? 0);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const remainder = sum % 11;
  return remainder === 10 ? "X" : String(remainder);
}

export function hasValidCheckDigit(vin: string): boolean {
  return vinCheckDigit(vin) === vin.charAt(8);
}

/** The 10th character's year codes, in cycle order: 1980 is A, 2001 is 1, 2010 is A again. */
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

/**
 * The model year a VIN's 10th character encodes, in its most recent 30-year cycle that is not
 * more than a year ahead of `now`. Undefined when the character is not a year code (Europe does
 * not require one, so treat the answer as a hint).
 */
export function modelYearOf(vin: string, now: Date = new Date()): number | undefined {
  if (!VIN_SHAPE.test(vin)) return undefined;
  const index = YEAR_CODES.indexOf(vin.charAt(9));
  if (index < 0) return undefined;
  const latest = now.getUTCFullYear() + 1;
  let year = 1980 + index;
  while (year + 30 <= latest) year += 30;
  return year;
}
