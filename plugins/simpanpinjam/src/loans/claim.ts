import type { Loan } from '../items';
import { sum } from '../math';
import type { Allocation } from './position';
import { positionOf } from './view';

/**
 * A written-off loan is off the books but still owed: the claim is what would have closed the loan on
 * the write-off day (principal, interest accrued to that day, fees and penalties), less what has been
 * recovered since. Nothing more accrues on it.
 */
export interface WriteOffClaim {
  writtenOffOn: string;
  writtenOff: Allocation & { total: number };
  recovered: number;
  remaining: number;
  recoveries: Loan['recoveries'];
}

const NONE: Allocation = { penalty: 0, fee: 0, interest: 0, principal: 0 };

/** What was written off: as stored at the write-off, or for a loan written off before that was kept, its payoff that day. */
export function writtenOffAmounts(l: Loan): Allocation {
  if (l.writtenOff) return l.writtenOff;
  const { total: _t, ...owed } = positionOf(l, l.writtenOffOn!, true)?.payoff ?? { ...NONE, total: 0 };
  return owed;
}

/** The claim on a date (every recovery when no date is given); undefined unless the loan was written off by then. */
export function claimOn(l: Loan, asOf?: string): WriteOffClaim | undefined {
  if (!l.writtenOffOn || (asOf !== undefined && l.writtenOffOn > asOf)) return undefined;
  const w = writtenOffAmounts(l);
  const total = w.penalty + w.fee + w.interest + w.principal;
  const recoveries = l.recoveries.filter((r) => asOf === undefined || r.date <= asOf);
  const recovered = sum(recoveries.map((r) => r.amount));
  return { writtenOffOn: l.writtenOffOn, writtenOff: { ...w, total }, recovered, remaining: total - recovered, recoveries };
}
