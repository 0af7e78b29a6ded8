/**
 * Whole-rupiah arithmetic. Products such as principal × rate × days exceed 2^53 for large loans, so the
 * division happens on BigInt and only the rounded result comes back as a number.
 */

/** a × b / c, rounded half up (a, b >= 0; c > 0). */
export function mulDivRound(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((2n * n + d) / (2n * d));
}

/** a × b / c, rounded down (a, b >= 0; c > 0). */
export function mulDivFloor(a: number, b: number, c: number): number {
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

export const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** An amount as Indonesians write it, for Indonesian messages: Rp63.000. */
export const rp = (amount: number) => `Rp${amount.toLocaleString('id-ID')}`;
/** The same amount for English messages: Rp63,000. */
export const rpEn = (amount: number) => `Rp${amount.toLocaleString('en-US')}`;
