import { describe, expect, it } from 'vitest';
import { dailyBalances, monthlyInterest } from '../src/savings/interest';

describe('savings interest', () => {
  // March 2026 (31 days): +1 000 000 on the 1st, −400 000 on the 11th, +900 000 on the 21st; −100 000 on 2 April.
  const movements = [
    { date: '2026-03-01', amount: 1_000_000 },
    { date: '2026-03-11', amount: -400_000 },
    { date: '2026-03-21', amount: 900_000 },
    { date: '2026-04-02', amount: -100_000 },
  ];
  const balances = dailyBalances('2026-03', 1_400_000, movements);

  it('works daily balances back from the balance now', () => {
    // end of March = 1 400 000 + 100 000 = 1 500 000; 10 days at 1 000 000, 10 at 600 000, 11 at 1 500 000
    expect(balances).toEqual([...Array(10).fill(1_000_000), ...Array(10).fill(600_000), ...Array(11).fill(1_500_000)]);
  });

  it('minimum balance: 600 000 × 6% × 31/365', () => {
    // 600 000 × 0.06 × 31 / 365 = 3 057.53 -> 3 057
    expect(monthlyInterest('MINIMUM', balances, 600)).toEqual({ basis: 600_000, interest: 3_057 });
  });

  it('average daily balance: Σ balances × 6% / 365', () => {
    // Σ = 10 000 000 + 6 000 000 + 16 500 000 = 32 500 000; × 0.06 / 365 = 5 342.47 -> 5 342; average 32 500 000 / 31 = 1 048 387
    expect(monthlyInterest('AVERAGE_DAILY', balances, 600)).toEqual({ basis: 1_048_387, interest: 5_342 });
  });

  it('an account opened mid-month has no minimum balance for that month', () => {
    const b = dailyBalances('2026-03', 500_000, [{ date: '2026-03-10', amount: 500_000 }]);
    expect(b.slice(0, 9)).toEqual(Array(9).fill(0));
    expect(monthlyInterest('MINIMUM', b, 900).interest).toBe(0);
  });
});
