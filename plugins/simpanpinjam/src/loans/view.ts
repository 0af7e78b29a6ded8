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

export type LoanStatus = Loan['status'];

export const isDisbursed = (l: Loan) => !!l.disbursedOn && l.schedule.length > 0;

/** The date the loan stopped being owed, if it did: paid off, moved to a new schedule, written off. */
export const endedOn = (l: Loan) => l.closedOn ?? l.writtenOffOn;

/** In the portfolio on a date: disbursed by then and not yet ended. */
export const outstandingOn = (l: Loan, asOf: string) => isDisbursed(l) && l.disbursedOn! <= asOf && !(endedOn(l) && endedOn(l)! <= asOf);

/** The day the loan came to be: entered, or for the new loan of a reschedule, the approval day. */
export const existsFrom = (l: Loan) => (l.rescheduledFrom && l.disbursedOn ? l.disbursedOn : l.appliedOn);

/** The day a refused application was refused (older records kept it only in their history). */
const rejectedOn = (l: Loan) => l.rejectedOn ?? l.events.find((e) => e.what === 'REJECTED')?.on;

/**
 * Where the loan was in its life on a date, from the days each step happened: APPROVED before its
 * disbursement, ACTIVE until it ended, WRITTEN_OFF from the write-off day on. Before it existed: none.
 */
export function statusOn(l: Loan, asOf: string): LoanStatus | undefined {
  if (existsFrom(l) > asOf) return undefined;
  const on = (day: string | undefined) => !!day && day <= asOf;
  if (on(l.writtenOffOn)) return 'WRITTEN_OFF';
  if (on(l.closedOn)) return l.status === 'RESCHEDULED' ? 'RESCHEDULED' : 'CLOSED';
  if (on(l.disbursedOn)) return 'ACTIVE';
  if (l.status === 'REJECTED' && on(rejectedOn(l))) return 'REJECTED';
  if (on(l.approvedOn)) return 'APPROVED';
  return 'PENDING';
}

/** Repayments that stand: a reversed one is kept for the history but counts as if it never happened. */
export const standingRepayments = (l: Loan) => l.repayments.filter((r) => !r.reversal);

/**
 * The loan's position on a date, from its standing repayments and penalty terms; undefined before it
 * is disbursed. `open` ignores its end, giving what was owed on the day it ended (a write-off's claim).
 */
export function positionOf(l: Loan, asOf: string, open = false): LoanPosition | undefined {
  if (!isDisbursed(l) || l.disbursedOn! > asOf) return undefined;
  const ended = open ? undefined : endedOn(l);
  return loanPosition(
    {
      schedule: l.schedule,
      startsOn: l.disbursedOn!,
      penalty: {
        method: l.penaltyMethod,
        rateBp: l.penaltyRateBp,
        ...(l.maxPenaltyAmount !== undefined ? { maxAmount: l.maxPenaltyAmount } : {}),
        ...(l.maxPenaltyDays !== undefined ? { maxDays: l.maxPenaltyDays } : {}),
      },
      repayments: standingRepayments(l),
      ...(ended ? { settledOn: ended } : {}),
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
    instalmentMultiple: l.instalmentMultiple ?? 1,
  });
}

export function collectibilityOf(v: LoanView): { cls: CollectibilityClass; number: number; daysPastDue: number } {
  const p = outstandingOn(v.loan, v.asOf) ? positionOf(v.loan, v.asOf) : undefined;
  const daysPastDue = p?.daysPastDue ?? 0;
  const cls = classify(daysPastDue, v.bands);
  return { cls, number: classNumber(cls), daysPastDue };
}
