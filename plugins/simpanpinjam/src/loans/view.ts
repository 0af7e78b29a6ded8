import { classify, classNumber, type CollectibilityBands, type CollectibilityClass } from '../collectibility';
import type { Loan } from '../items';
import { buildSchedule } from '../schedule';
import { loanPosition, type LoanPosition } from './position';

/**
 * A loan as the API shows it on a date: plain JSON (mutations store their result for idempotent
 * replays), with the position computed from it by the field resolvers.
 */
export interface LoanView {
  coopId: string;
  loan: Loan;
  asOf: string;
  bands: CollectibilityBands;
}

export const isDisbursed = (l: Loan) => !!l.disbursedOn && l.schedule.length > 0;

/** The date the loan stopped being owed, if it did: paid off, moved to a new schedule, written off. */
export const endedOn = (l: Loan) => l.closedOn ?? l.writtenOffOn;

/** In the portfolio on a date: disbursed by then and not yet ended. */
export const outstandingOn = (l: Loan, asOf: string) => isDisbursed(l) && l.disbursedOn! <= asOf && !(endedOn(l) && endedOn(l)! <= asOf);

export function positionOf(l: Loan, asOf: string): LoanPosition | undefined {
  if (!isDisbursed(l) || l.disbursedOn! > asOf) return undefined;
  return loanPosition(
    {
      schedule: l.schedule,
      startsOn: l.disbursedOn!,
      penalty: { method: l.penaltyMethod, rateBp: l.penaltyRateBp },
      repayments: l.repayments,
      ...(endedOn(l) ? { settledOn: endedOn(l)! } : {}),
    },
    asOf,
  );
}

/** The schedule a pending loan would get if disbursed on the date. */
export function projectedSchedule(l: Loan, startsOn: string) {
  return buildSchedule({
    principal: l.principal,
    termMonths: l.termMonths,
    graceMonths: l.graceMonths,
    annualRateBp: l.annualRateBp,
    method: l.interestMethod,
    startsOn,
    firstInstalmentFee: l.adminFeeDeducted ? 0 : l.adminFee,
  });
}

export function collectibilityOf(v: LoanView): { cls: CollectibilityClass; number: number; daysPastDue: number } {
  const p = outstandingOn(v.loan, v.asOf) ? positionOf(v.loan, v.asOf) : undefined;
  const daysPastDue = p?.daysPastDue ?? 0;
  const cls = classify(daysPastDue, v.bands);
  return { cls, number: classNumber(cls), daysPastDue };
}
