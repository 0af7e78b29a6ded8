import { addMonths } from './dates';
import { mulDivRound } from './math';

/**
 * Loan schedules in whole rupiah. Rates are basis points PER YEAR for every method (a "1.5% a month
 * flat" loan is 1800); one month's interest is rate / 12, i.e. amount × bp / 120 000.
 */
export type InterestMethod = 'FLAT' | 'DECLINING' | 'ANNUITY';

export interface ScheduleTerms {
  principal: number;
  /** Instalments in all, grace months included. */
  termMonths: number;
  /** First months in which only interest is due (grace on principal). */
  graceMonths: number;
  annualRateBp: number;
  method: InterestMethod;
  /** Instalment k falls due k months after this date. */
  startsOn: string;
  /** A fee due with the first instalment (admin fee not deducted at disbursement). */
  firstInstalmentFee?: number;
  /** Round each instalment but the last (principal + interest) half up to a multiple of this many rupiah, e.g. 100; default 1. */
  instalmentMultiple?: number;
}

export interface Instalment {
  number: number;
  dueDate: string;
  principal: number;
  interest: number;
  fee: number;
}

const MONTHLY = 120_000; // 12 months × 10 000 bp

/** x rounded half up to a multiple of m (x >= 0, m >= 1): 348 350 to 100 is 348 400. */
export const roundToMultiple = (x: number, m: number) => Math.floor((2 * x + m) / (2 * m)) * m;

export function annuityPayment(principal: number, annualRateBp: number, months: number): number {
  if (annualRateBp === 0) return Math.ceil(principal / months);
  const i = annualRateBp / MONTHLY;
  return Math.round((principal * i) / (1 - (1 + i) ** -months));
}

/**
 * Flat interest: every month carries interest on the original principal. The total is rounded once
 * (half up) and spread evenly; what the even split leaves over lands on the last instalment.
 */
function flatInterests(t: ScheduleTerms): number[] {
  const n = t.termMonths;
  const total = mulDivRound(t.principal, t.annualRateBp * n, MONTHLY);
  const each = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? total - each * (n - 1) : each));
}

/**
 * Each amortising instalment but the last aims at a total (principal + interest): the equal principal
 * share (rounded down) plus its interest, or for an annuity the equal payment. With an instalment
 * multiple that total is rounded half up to the multiple and the principal takes the difference. The
 * last instalment takes whatever principal is left, so principal always sums to the loan exactly.
 */
export function buildSchedule(t: ScheduleTerms): Instalment[] {
  const n = t.termMonths;
  const amortising = n - t.graceMonths;
  const multiple = t.instalmentMultiple ?? 1;
  if (!Number.isSafeInteger(t.principal) || t.principal <= 0) throw new Error('principal must be a positive whole rupiah amount');
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(t.graceMonths) || t.graceMonths < 0 || amortising < 1) throw new Error('need at least one amortising month');
  if (!Number.isSafeInteger(multiple) || multiple < 1) throw new Error('the instalment multiple must be a positive whole rupiah amount');
  const share = Math.floor(t.principal / amortising);
  const flat = t.method === 'FLAT' ? flatInterests(t) : undefined;
  const payment = t.method === 'ANNUITY' ? roundToMultiple(annuityPayment(t.principal, t.annualRateBp, amortising), multiple) : 0;
  let outstanding = t.principal;
  const out: Instalment[] = [];
  for (let k = 0; k < n; k++) {
    const interest = flat ? flat[k]! : mulDivRound(outstanding, t.annualRateBp, MONTHLY);
    let principal = 0;
    if (k === n - 1) principal = outstanding;
    else if (k >= t.graceMonths) {
      const target = t.method === 'ANNUITY' ? payment : roundToMultiple(share + interest, multiple);
      principal = Math.min(outstanding, Math.max(0, target - interest));
    }
    outstanding -= principal;
    out.push({ number: k + 1, dueDate: addMonths(t.startsOn, k + 1), principal, interest, fee: k === 0 ? (t.firstInstalmentFee ?? 0) : 0 });
  }
  return out;
}
