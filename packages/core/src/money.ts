import { z } from 'zod';
import { msg } from './validation';

/**
 * Whole rupiah. Rupiah has no minor unit in daily use, and sums reach billions, so amounts are safe
 * integers (up to 2^53 - 1), never floats.
 */
export type Rupiah = number;

export const rupiah = z
  .number()
  .int({ message: msg('must be whole rupiah', 'harus rupiah bulat') })
  .min(0, { message: msg('must not be negative', 'tidak boleh negatif') })
  .max(Number.MAX_SAFE_INTEGER);

export const positiveRupiah = rupiah.refine((v) => v > 0, { message: msg('must be more than zero', 'harus lebih dari nol') });

/** An amount as Indonesians write it, for Indonesian messages: Rp63.000. */
export function formatRupiah(amount: Rupiah): string {
  return `Rp${amount.toLocaleString('id-ID')}`;
}

/** The same amount for English messages: Rp63,000. */
export function formatRupiahEn(amount: Rupiah): string {
  return `Rp${amount.toLocaleString('en-US')}`;
}

/** Adds amounts and fails loudly rather than lose precision past 2^53. */
export function sumRupiah(...amounts: Rupiah[]): Rupiah {
  let total = 0;
  for (const a of amounts) {
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('rupiah sum exceeds the safe integer range');
  }
  return total;
}
