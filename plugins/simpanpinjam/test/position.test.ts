import { describe, expect, it } from 'vitest';
import { allocate, loanPosition, type PositionInput, type RepaymentRecord } from '../src/loans/position';
import { buildSchedule } from '../src/schedule';

// Declining 1 200 000 at 12% a year, 3 months from 15 Jan, admin fee 10 000 with the first instalment:
//   #1 15 Feb: principal 400 000, interest 12 000, fee 10 000
//   #2 15 Mar: principal 400 000, interest  8 000
//   #3 15 Apr: principal 400 000, interest  4 000
const schedule = buildSchedule({ principal: 1_200_000, termMonths: 3, graceMonths: 0, annualRateBp: 1200, method: 'DECLINING', startsOn: '2026-01-15', firstInstalmentFee: 10_000 });
const base: PositionInput = { schedule, startsOn: '2026-01-15', penalty: { method: 'PER_DAY', rateBp: 10 }, repayments: [] };
const pay = (input: PositionInput, date: string, amount: number): PositionInput => {
  const { allocation } = allocate(loanPosition(input, date), amount);
  const r: RepaymentRecord = { id: `r${input.repayments.length}`, date, amount, ...allocation };
  return { ...input, repayments: [...input.repayments, r] };
};

describe('loan position and allocation', () => {
  it('charges 0.1% a day on the overdue instalment and counts days past due', () => {
    // 10 days late on 412 000 (principal + interest): 412 000 × 0.001 × 10 = 4 120
    const p = loanPosition(base, '2026-02-25');
    expect(p.daysPastDue).toBe(10);
    expect(p.due).toEqual({ penalty: 4_120, fee: 10_000, interest: 12_000, principal: 400_000, total: 426_120 });
  });

  it('allocates penalties, fees, interest, principal in that order; partial payments leave the rest due', () => {
    // 20 000 on 25 Feb: penalty 4 120, fee 10 000, interest 5 880 (of 12 000), principal 0
    const afterFirst = pay(base, '2026-02-25', 20_000);
    expect(afterFirst.repayments[0]).toMatchObject({ penalty: 4_120, fee: 10_000, interest: 5_880, principal: 0 });
    // 26-28 Feb late on 412 000 − 5 880 = 406 120: 406 120 × 0.001 × 3 = 1 218.36; total 4 120 + 1 218.36 -> 5 338, paid 4 120
    const p = loanPosition(afterFirst, '2026-02-28');
    expect(p.due).toEqual({ penalty: 1_218, fee: 0, interest: 6_120, principal: 400_000, total: 407_338 });
    expect(p.daysPastDue).toBe(13);
  });

  it('a payment above what is due prepays: accrued interest to date, then the next principal', () => {
    const afterFirst = pay(base, '2026-02-25', 20_000);
    // due 407 338; interest accrued on #2 for 13 of 28 days: 8 000 × 13/28 = 3 714.29 -> 3 714
    // 500 000 − 407 338 − 3 714 = 88 948 goes to #2's principal
    const after = pay(afterFirst, '2026-02-28', 500_000);
    expect(after.repayments[1]).toMatchObject({ penalty: 1_218, fee: 0, interest: 6_120 + 3_714, principal: 400_000 + 88_948 });
    const p = loanPosition(after, '2026-03-10');
    expect(p.daysPastDue).toBe(0);
    expect(p.instalments.map((i) => i.state)).toEqual(['PAID', 'UPCOMING', 'UPCOMING']);
    expect(p.principalOutstanding).toBe(1_200_000 - 400_000 - 88_948);
    // early payoff on 10 Mar: #2 accrued 23 of 28 days: 8 000 × 23/28 = 6 571.43 -> 6 571, less 3 714 paid = 2 857
    expect(p.payoff).toEqual({ penalty: 0, fee: 0, interest: 2_857, principal: 711_052, total: 713_909 });
  });

  it('the payoff amount closes the loan; more than that is an excess', () => {
    const p = loanPosition(base, '2026-02-01');
    // 17 of 31 days of #1 (15 Jan – 1 Feb): 12 000 × 17/31 = 6 580.6 -> 6 580; plus fee 10 000 and principal 1 200 000
    expect(p.payoff).toEqual({ penalty: 0, fee: 10_000, interest: 6_580, principal: 1_200_000, total: 1_216_580 });
    expect(allocate(p, 1_216_580)).toEqual({ allocation: { penalty: 0, fee: 10_000, interest: 6_580, principal: 1_200_000 }, closes: true, excess: 0 });
    expect(allocate(p, 1_300_000).excess).toBe(83_420);
    const settled = loanPosition({ ...pay(base, '2026-02-01', 1_216_580), settledOn: '2026-02-01' }, '2026-09-01');
    expect(settled).toMatchObject({ principalOutstanding: 0, daysPastDue: 0, settled: true });
    expect(settled.payoff.total).toBe(0);
  });

  it('charges a per-instalment penalty once, the day after the due date', () => {
    // 5% of 412 000 = 20 600, charged on 16 Feb, not again
    const input: PositionInput = { ...base, penalty: { method: 'PER_INSTALMENT', rateBp: 500 } };
    expect(loanPosition(input, '2026-02-15').due.penalty).toBe(0);
    expect(loanPosition(input, '2026-02-16').due.penalty).toBe(20_600);
    expect(loanPosition(input, '2026-03-14').due.penalty).toBe(20_600);
    // #2 (408 000) late too from 16 Mar: + 20 400
    expect(loanPosition(input, '2026-03-16').due.penalty).toBe(41_000);
  });

  it('caps a per-day penalty by days past each due date', () => {
    // 10 days late on 412 000, charged for 5 of them: 412 000 × 0.1% × 5 = 2 060
    const input: PositionInput = { ...base, penalty: { method: 'PER_DAY', rateBp: 10, maxDays: 5 } };
    expect(loanPosition(input, '2026-02-25').due.penalty).toBe(2_060);
    expect(loanPosition(input, '2026-02-18').due.penalty).toBe(1_236); // 3 days: not capped yet
    // 20 Mar: #1 still 5 days (2 060); #2 (408 000, due 15 Mar) 5 days: 2 040
    expect(loanPosition(input, '2026-03-20').due.penalty).toBe(4_100);
  });

  it('caps the penalties charged on a loan at an amount, oldest instalment first', () => {
    const input: PositionInput = { ...base, penalty: { method: 'PER_DAY', rateBp: 10, maxAmount: 3_000 } };
    // uncapped 4 120 on 25 Feb
    expect(loanPosition(input, '2026-02-25').due.penalty).toBe(3_000);
    // 20 Mar uncapped: #1 33 days 13 596 + #2 5 days 2 040 = 15 636; capped at 14 000: #1 13 596, #2 404
    const p = loanPosition({ ...input, penalty: { ...input.penalty, maxAmount: 14_000 } }, '2026-03-20');
    expect(p.instalments.map((i) => i.penalty)).toEqual([13_596, 404, 0]);
    expect(p.due.penalty).toBe(14_000);
    // A paid penalty does not make room again: the cap is on what is charged.
    const paid = pay(input, '2026-02-25', 3_000);
    expect(loanPosition(paid, '2026-03-20').penaltyCharged).toBe(3_000);
    expect(loanPosition(paid, '2026-03-20').due.penalty).toBe(0);
    // no cap given: no cap
    expect(loanPosition(base, '2026-03-20').due.penalty).toBe(15_636);
  });

  it('shows the next due date and amount: the earliest unpaid instalment with the penalties owed', () => {
    expect(loanPosition(base, '2026-02-01').nextDue).toEqual({ number: 1, dueDate: '2026-02-15', amount: 422_000 });
    // in arrears on 25 Feb: #1 (422 000) plus 4 120 penalty
    expect(loanPosition(base, '2026-02-25').nextDue).toEqual({ number: 1, dueDate: '2026-02-15', amount: 426_120 });
    // 20 000 on 25 Feb paid the penalty, the fee and 5 880 interest: 406 120 of #1 left, + 3 days' penalty 1 218 on 28 Feb
    const partly = pay(base, '2026-02-25', 20_000);
    expect(loanPosition(partly, '2026-02-28').nextDue).toEqual({ number: 1, dueDate: '2026-02-15', amount: 406_120 + 1_218 });
    const current = pay(partly, '2026-02-28', 407_338);
    expect(loanPosition(current, '2026-03-01').nextDue).toEqual({ number: 2, dueDate: '2026-03-15', amount: 408_000 });
    const settled = loanPosition({ ...pay(base, '2026-02-01', 1_216_580), settledOn: '2026-02-01' }, '2026-02-01');
    expect(settled.nextDue).toBeNull();
  });
});
