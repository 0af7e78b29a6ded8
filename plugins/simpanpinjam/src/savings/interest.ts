import { daysInMonth, monthEnd, monthStart } from '../dates';
import { mulDivFloor, sum } from '../math';

/**
 * Monthly savings interest on the minimum or the average daily balance, actual/365: a month's interest
 * is balance × rate × days / 365 (rate in basis points per year), rounded down to the rupiah.
 */
export type BalanceMethod = 'MINIMUM' | 'AVERAGE_DAILY';

export interface DatedAmount {
  date: string;
  /** Signed: deposits and interest positive, withdrawals negative. */
  amount: number;
}

/**
 * End-of-day balances for every day of a month, worked back from the balance now and the movements
 * dated from the month's first day on (a day before the account opened has balance 0).
 */
export function dailyBalances(month: string, balanceNow: number, movementsSinceMonthStart: readonly DatedAmount[]): number[] {
  const first = monthStart(month);
  const last = monthEnd(month);
  let balance = balanceNow - sum(movementsSinceMonthStart.filter((m) => m.date > last).map((m) => m.amount));
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  const out = new Array<number>(days);
  for (let d = days; d >= 1; d--) {
    out[d - 1] = balance;
    const date = `${month}-${String(d).padStart(2, '0')}`;
    balance -= sum(movementsSinceMonthStart.filter((m) => m.date === date && m.date >= first).map((m) => m.amount));
  }
  return out;
}

export function monthlyInterest(method: BalanceMethod, balances: readonly number[], annualRateBp: number): { basis: number; interest: number } {
  const days = balances.length;
  if (method === 'MINIMUM') {
    const basis = Math.max(0, Math.min(...balances));
    return { basis, interest: mulDivFloor(basis, annualRateBp * days, 3_650_000) };
  }
  const total = Math.max(0, sum(balances));
  // Σ daily balances × rate / 365 is the same as average × days × rate / 365, without rounding the average.
  return { basis: Math.floor(total / days), interest: mulDivFloor(total, annualRateBp, 3_650_000) };
}
