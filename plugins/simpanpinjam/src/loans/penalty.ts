import { addDays, daysBetween } from '../dates';
import { mulDivFloor } from '../math';
import type { Instalment } from '../schedule';

/** Late-payment penalties (denda) as a loan's contract sets them, with its optional caps. */
export type PenaltyMethod = 'NONE' | 'PER_DAY' | 'PER_INSTALMENT';

export interface PenaltyRule {
  method: PenaltyMethod;
  /**
   * PER_DAY: basis points of the overdue instalment (principal + interest unpaid) for every day late.
   * PER_INSTALMENT: basis points of it, once, the day after the due date.
   */
  rateBp: number;
  /** Penalties charged on the loan stop at this total, rupiah; absent: no cap. */
  maxAmount?: number;
  /** PER_DAY: only the first this-many days past each due date are charged; absent: no cap. */
  maxDays?: number;
}

/** An instalment being replayed: what was paid against it so far and the penalty it has been charged. */
export interface Accruing extends Instalment {
  paidPrincipal: number;
  paidInterest: number;
  paidFee: number;
  /** PER_DAY penalties in ten-thousandths of a rupiah, so daily amounts are not rounded one by one. */
  penaltyNumerator: bigint;
  penalty: number;
}

/** Principal and interest of the instalment still unpaid: what penalties are charged on. */
export const owedPI = (x: Pick<Accruing, 'principal' | 'interest' | 'paidPrincipal' | 'paidInterest'>) => x.principal + x.interest - x.paidPrincipal - x.paidInterest;

/**
 * Penalties accrue for each late day x in (cursor, to] on what was unpaid at the start of day x, so a
 * payment counts from the day after it (the day itself was already late). Returns the accrual step;
 * the amount cap is shared by the loan's instalments, oldest first.
 */
export function penaltyAccrual(xs: Accruing[], rule: PenaltyRule, startsOn: string): (to: string) => void {
  let cursor = startsOn;
  let room = rule.maxAmount ?? Number.POSITIVE_INFINITY;
  return (to) => {
    if (to <= cursor) return;
    if (rule.method !== 'NONE' && rule.rateBp !== 0) for (const x of xs) room -= accrueOn(x, rule, cursor, to, room);
    cursor = to;
  };
}

/** Charges one instalment for its late days in (cursor, to], at most `room`; returns what it charged. */
function accrueOn(x: Accruing, rule: PenaltyRule, cursor: string, to: string, room: number): number {
  if (x.dueDate >= to || room <= 0) return 0;
  const owed = owedPI(x);
  if (owed <= 0) return 0;
  const before = x.penalty;
  if (rule.method === 'PER_DAY') {
    const capDay = rule.maxDays === undefined ? to : addDays(x.dueDate, rule.maxDays);
    const days = daysBetween(x.dueDate > cursor ? x.dueDate : cursor, capDay < to ? capDay : to);
    if (days <= 0) return 0;
    x.penaltyNumerator += BigInt(owed) * BigInt(rule.rateBp) * BigInt(days);
    x.penalty = Number(x.penaltyNumerator / 10_000n);
  } else {
    const firstLateDay = addDays(x.dueDate, 1);
    if (firstLateDay > cursor && firstLateDay <= to) x.penalty += mulDivFloor(owed, rule.rateBp, 10_000);
  }
  // Once the cap is reached nothing accrues again (room stays 0), so the numerator no longer matters.
  const charged = Math.min(x.penalty - before, room);
  x.penalty = before + charged;
  return charged;
}
