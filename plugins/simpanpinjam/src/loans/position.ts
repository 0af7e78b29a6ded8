import { daysBetween } from '../dates';
import { mulDivFloor, sum } from '../math';
import type { Instalment } from '../schedule';
import { owedPI, penaltyAccrual, type Accruing, type PenaltyRule } from './penalty';

export type { PenaltyMethod, PenaltyRule } from './penalty';

/**
 * Where a loan stands on a date: what was paid against each instalment, penalties charged, what is due,
 * days past due, and the payoff amount. Pure: it replays the stored repayments (each with the split it
 * was given when it was made) up to the date, so any as-of date gives the answer the books gave then.
 */
export interface Allocation {
  penalty: number;
  fee: number;
  interest: number;
  principal: number;
}

export interface RepaymentRecord extends Allocation {
  id: string;
  date: string;
  amount: number;
}

export interface PositionInput {
  schedule: readonly Instalment[];
  /** Disbursement (or reschedule) date: the first period starts here. */
  startsOn: string;
  penalty: PenaltyRule;
  repayments: readonly RepaymentRecord[];
  /** Paid off (or moved to a new schedule) on this date: from then on nothing is owed. */
  settledOn?: string;
}

export type InstalmentState = 'PAID' | 'OVERDUE' | 'DUE' | 'UPCOMING';

export interface InstalmentPosition extends Instalment {
  paidPrincipal: number;
  paidInterest: number;
  paidFee: number;
  /** Penalty charged on this instalment up to the date. */
  penalty: number;
  state: InstalmentState;
  daysLate: number;
}

export interface LoanPosition {
  asOf: string;
  instalments: InstalmentPosition[];
  principalOutstanding: number;
  penaltyCharged: number;
  penaltyPaid: number;
  /** Owed now: penalties, and fees, interest and principal of instalments due on or before the date. */
  due: Allocation & { total: number };
  /** Interest of the running period up to the date (not due yet): what an early payoff pays. */
  accruedInterest: number;
  /** Everything to close the loan on the date; interest not yet accrued is waived. */
  payoff: Allocation & { total: number };
  daysPastDue: number;
  oldestOverdueDate: string | null;
  paid: Allocation;
  settled: boolean;
  /**
   * The earliest instalment not paid in full and what settles it: penalties owed (a payment pays them
   * first) plus its unpaid principal, interest and fee. Its date is past when the loan is in arrears.
   * Null when nothing more is owed.
   */
  nextDue: NextDue | null;
}

export interface NextDue {
  number: number;
  dueDate: string;
  amount: number;
}

const total = (a: Allocation) => a.penalty + a.fee + a.interest + a.principal;

type Paid = Instalment & { paidPrincipal: number; paidInterest: number; paidFee: number };

/** Pays `amount` into a field of the instalments, oldest first. */
function waterfall(xs: Accruing[], amount: number, due: keyof Instalment, paid: 'paidPrincipal' | 'paidInterest' | 'paidFee') {
  let left = amount;
  for (const x of xs) {
    if (left <= 0) break;
    const take = Math.min(left, (x[due] as number) - x[paid]);
    if (take > 0) {
      x[paid] += take;
      left -= take;
    }
  }
  if (left > 0) throw new Error(`repayment allocates ${left} more ${due} than the schedule holds`);
}

/** The schedule with the repayments up to the date applied, penalties accrued between them and to the date. */
function replay(input: PositionInput, asOf: string, settled: boolean) {
  const xs: Accruing[] = input.schedule.map((s) => ({ ...s, paidPrincipal: 0, paidInterest: 0, paidFee: 0, penaltyNumerator: 0n, penalty: 0 }));
  const accrue = penaltyAccrual(xs, input.penalty, input.startsOn);
  const paid: Allocation = { penalty: 0, fee: 0, interest: 0, principal: 0 };
  for (const r of input.repayments) {
    if (r.date > asOf) break;
    accrue(r.date);
    waterfall(xs, r.fee, 'fee', 'paidFee');
    waterfall(xs, r.interest, 'interest', 'paidInterest');
    waterfall(xs, r.principal, 'principal', 'paidPrincipal');
    paid.penalty += r.penalty;
    paid.fee += r.fee;
    paid.interest += r.interest;
    paid.principal += r.principal;
  }
  if (!settled) accrue(asOf);
  return { xs, paid };
}

const unpaid = (x: Paid) => owedPI(x) + x.fee - x.paidFee;

function instalmentsOn(xs: Accruing[], asOf: string, settled: boolean): InstalmentPosition[] {
  return xs.map(({ penaltyNumerator: _n, ...x }) => {
    const done = settled || unpaid(x) === 0;
    return {
      ...x,
      state: done ? 'PAID' : x.dueDate < asOf ? 'OVERDUE' : x.dueDate === asOf ? 'DUE' : 'UPCOMING',
      daysLate: done || x.dueDate >= asOf ? 0 : daysBetween(x.dueDate, asOf),
    };
  });
}

/** Interest of the running period (not due yet) accrued up to the date, less what was paid of it. */
function accruedInterestOf(xs: Accruing[], startsOn: string, asOf: string): number {
  const current = xs.findIndex((x) => x.dueDate > asOf);
  if (current < 0) return 0;
  const x = xs[current]!;
  const start = current === 0 ? startsOn : xs[current - 1]!.dueDate;
  const accrued = mulDivFloor(x.interest, Math.max(0, daysBetween(start, asOf)), daysBetween(start, x.dueDate));
  return Math.max(0, accrued - x.paidInterest);
}

/** What is owed now, and what closes the loan on the date (interest not yet accrued waived). */
function openAmounts(xs: Accruing[], startsOn: string, asOf: string, penaltyOwed: number) {
  const dueXs = xs.filter((x) => x.dueDate <= asOf);
  const due: Allocation = {
    penalty: penaltyOwed,
    fee: sum(dueXs.map((x) => x.fee - x.paidFee)),
    interest: sum(dueXs.map((x) => x.interest - x.paidInterest)),
    principal: sum(dueXs.map((x) => x.principal - x.paidPrincipal)),
  };
  const accruedInterest = accruedInterestOf(xs, startsOn, asOf);
  const principalOutstanding = sum(xs.map((x) => x.principal - x.paidPrincipal));
  const payoff: Allocation = { penalty: due.penalty, fee: sum(xs.map((x) => x.fee - x.paidFee)), interest: due.interest + accruedInterest, principal: principalOutstanding };
  return { due: { ...due, total: total(due) }, accruedInterest, payoff: { ...payoff, total: total(payoff) }, principalOutstanding };
}

export function loanPosition(input: PositionInput, asOf: string): LoanPosition {
  const settled = !!input.settledOn && asOf >= input.settledOn;
  const { xs, paid } = replay(input, asOf, settled);
  const penaltyCharged = sum(xs.map((x) => x.penalty));
  const penaltyPaid = paid.penalty;
  const instalments = instalmentsOn(xs, asOf, settled);
  if (settled) {
    const zero = { penalty: 0, fee: 0, interest: 0, principal: 0, total: 0 };
    return { asOf, instalments, principalOutstanding: 0, penaltyCharged, penaltyPaid, due: zero, accruedInterest: 0, payoff: zero, daysPastDue: 0, oldestOverdueDate: null, paid, settled, nextDue: null };
  }
  const oldest = xs.find((x) => x.dueDate < asOf && unpaid(x) > 0);
  const next = xs.find((x) => unpaid(x) > 0);
  return {
    asOf,
    instalments,
    penaltyCharged,
    penaltyPaid,
    ...openAmounts(xs, input.startsOn, asOf, penaltyCharged - penaltyPaid),
    daysPastDue: oldest ? daysBetween(oldest.dueDate, asOf) : 0,
    oldestOverdueDate: oldest?.dueDate ?? null,
    paid,
    settled,
    nextDue: next ? { number: next.number, dueDate: next.dueDate, amount: unpaid(next) + penaltyCharged - penaltyPaid } : null,
  };
}

/**
 * How a payment is split, in the order penalties, fees, interest, principal: first what is due, then
 * (a prepayment) fees not yet due, interest accrued to date, and principal of the next instalments in
 * order. A payment of the whole payoff amount closes the loan; more than that is for the caller to refuse.
 */
export function allocate(p: LoanPosition, amount: number): { allocation: Allocation; closes: boolean; excess: number } {
  if (amount >= p.payoff.total) {
    const { total: _t, ...allocation } = p.payoff;
    return { allocation, closes: true, excess: amount - p.payoff.total };
  }
  let left = amount;
  const take = (max: number) => {
    const t = Math.min(left, max);
    left -= t;
    return t;
  };
  const a: Allocation = { penalty: 0, fee: 0, interest: 0, principal: 0 };
  a.penalty = take(p.due.penalty);
  a.fee = take(p.due.fee);
  a.interest = take(p.due.interest);
  a.principal = take(p.due.principal);
  a.fee += take(p.payoff.fee - p.due.fee);
  a.interest += take(p.accruedInterest);
  a.principal += take(p.payoff.principal - p.due.principal);
  return { allocation: a, closes: false, excess: left };
}
