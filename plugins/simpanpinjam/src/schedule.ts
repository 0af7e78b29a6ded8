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
}

export interface Instalment {
  number: number;
  dueDate: string;
  principal: number;
  interest: number;
  fee: number;
}

const MONTHLY = 120_000; // 12 months × 10 000 bp

/** Equal principal over the amortising months; the remainder of the division goes to the last one. */
function equalPrincipal(principal: number, months: number): number[] {
  const base = Math.floor(principal / months);
  return Array.from({ length: months }, (_, i) => (i === months - 1 ? principal - base * (months - 1) : base));
}

export function annuityPayment(principal: number, annualRateBp: number, months: number): number {
  if (annualRateBp === 0) return Math.ceil(principal / months);
  const i = annualRateBp / MONTHLY;
  return Math.round((principal * i) / (1 - (1 + i) ** -months));
}

export function buildSchedule(t: ScheduleTerms): Instalment[] {
  const n = t.termMonths;
  const amortising = n - t.graceMonths;
  if (!Number.isSafeInteger(t.principal) || t.principal <= 0) throw new Error('principal must be a positive whole rupiah amount');
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(t.graceMonths) || t.graceMonths < 0 || amortising < 1) throw new Error('need at least one amortising month');
  const due = (k: number) => addMonths(t.startsOn, k);
  const principals = [...Array<number>(t.graceMonths).fill(0), ...equalPrincipal(t.principal, amortising)];
  let interests: number[];

  if (t.method === 'FLAT') {
    // Flat: every month carries interest on the original principal. The total is rounded once and
    // spread evenly; what the even split leaves over lands on the last instalment.
    const total = mulDivRound(t.principal, t.annualRateBp * n, MONTHLY);
    const each = Math.floor(total / n);
    interests = Array.from({ length: n }, (_, i) => (i === n - 1 ? total - each * (n - 1) : each));
  } else if (t.method === 'DECLINING') {
    let outstanding = t.principal;
    interests = principals.map((p) => {
      const interest = mulDivRound(outstanding, t.annualRateBp, MONTHLY);
      outstanding -= p;
      return interest;
    });
  } else {
    // Annuity: one rounded payment for every amortising month; interest on what is still owed, the rest
    // is principal, and the last month takes whatever principal is left so the principal sums exactly.
    const payment = annuityPayment(t.principal, t.annualRateBp, amortising);
    let outstanding = t.principal;
    interests = [];
    for (let k = 0; k < n; k++) {
      const interest = mulDivRound(outstanding, t.annualRateBp, MONTHLY);
      interests.push(interest);
      if (k < t.graceMonths) continue;
      const p = k === n - 1 ? outstanding : Math.min(outstanding, Math.max(0, payment - interest));
      principals[k] = p;
      outstanding -= p;
    }
  }
  return principals.map((principal, k) => ({
    number: k + 1,
    dueDate: due(k + 1),
    principal,
    interest: interests[k]!,
    fee: k === 0 ? (t.firstInstalmentFee ?? 0) : 0,
  }));
}
