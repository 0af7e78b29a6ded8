/**
 * Lab results and limits are decimals (pH 7.2, Fe 0.05 mg/L): never floats. They travel as decimal text
 * and are kept as integers in thousandths, so comparisons against the limits are exact.
 */
export const DECIMAL = /^\d{1,7}(\.\d{1,3})?$/;

/** "0.3" -> 300; the text must match DECIMAL (the input schemas check it first). */
export function toMilli(text: string): number {
  const [whole, frac = ''] = text.trim().split('.');
  return Number(whole) * 1000 + Number(frac.padEnd(3, '0'));
}

/** 300 -> "0.3", 6500 -> "6.5", 0 -> "0". */
export function fromMilli(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const frac = String(milli % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}
