import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';
import { LOAN, accountBalance, at, mutate, ok, query, registerMember } from './support';

const loanQuery = `query($cooperativeId: ID!, $id: ID!, $asOf: Date) { simpanpinjamLoan(cooperativeId: $cooperativeId, id: $id, asOf: $asOf) ${LOAN} }`;
const REPAID = `{ closed repayment { date amount penalty fee interest principal } loan ${LOAN} }`;

describe('simpanpinjam repayments: allocation, partial, overpayment, early payoff, reschedule', () => {
  let host: UnitTestHost;
  let dewi: string;
  let product: string;
  let loanId: string;
  const loan = async (id: string, asOf?: string) => (await query(host, loanQuery, { id, ...(asOf ? { asOf } : {}) }, host.a.staff)).simpanpinjamLoan;
  const repay = (id: string, amount: number) => mutate(host, 'repayLoan', { loanId: id, amount }, host.a.staff, REPAID);

  beforeAll(async () => {
    host = await startUnitTestHost([unit], { now: at('2026-01-15') });
    await host.enable(host.a, 'simpanpinjam', {});
    dewi = await registerMember(host, 'Dewi Lestari');
    product = (
      await ok(
        host,
        'createLoanProduct',
        { name: 'Usaha menurun', interestMethod: 'DECLINING', annualRateBp: 1200, minAmount: 100_000, maxAmount: 10_000_000, minTermMonths: 3, maxTermMonths: 12, adminFeeFixed: 10_000, penaltyMethod: 'PER_DAY', penaltyRateBp: 10 },
        host.a.manager,
      )
    ).id;
    // Declining 1 200 000 at 1% a month, fee 10 000 with the first instalment, penalty 0.1% a day:
    //   15 Feb 400 000 + 12 000 + fee 10 000; 15 Mar 400 000 + 8 000; 15 Apr 400 000 + 4 000
    const entered = await ok(host, 'applyForLoan', { memberId: dewi, productId: product, amount: 1_200_000, termMonths: 3, purpose: 'Mesin jahit' }, host.a.staff);
    await ok(host, 'approveLoan', { loanId: entered.id }, host.a.manager);
    loanId = (await ok(host, 'disburseLoan', { loanId: entered.id }, host.a.staff)).id;
  }, 60_000);
  afterAll(() => host.close());

  it('a late loan owes a penalty; a partial payment goes to penalties, fees, interest, principal in that order', async () => {
    host.clock.set(at('2026-02-25'));
    // 10 days late on 412 000: 412 000 × 0.1% × 10 = 4 120
    const late = await loan(loanId);
    expect(late.due).toEqual({ penalty: 4_120, fee: 10_000, interest: 12_000, principal: 400_000, total: 426_120 });
    expect([late.daysPastDue, late.collectibility]).toEqual([10, 'DPK']);
    const r = await repay(loanId, 20_000);
    expect(r.data.repayment).toEqual({ date: '2026-02-25', amount: 20_000, penalty: 4_120, fee: 10_000, interest: 5_880, principal: 0 });
    expect(r.data.closed).toBe(false);
    expect(r.data.loan.due).toEqual({ penalty: 0, fee: 0, interest: 6_120, principal: 400_000, total: 406_120 });
  });

  it('a payment above what is due prepays interest to date, then the next principal', async () => {
    host.clock.set(at('2026-02-28'));
    // 3 more late days on 406 120: 1 218.36 -> penalty charged 5 338 in all, 4 120 paid -> 1 218 due
    expect((await loan(loanId)).due).toEqual({ penalty: 1_218, fee: 0, interest: 6_120, principal: 400_000, total: 407_338 });
    // 500 000 − 407 338 = 92 662: interest accrued on #2 for 13 of 28 days 8 000 × 13/28 = 3 714, then 88 948 principal
    const r = await repay(loanId, 500_000);
    expect(r.data.repayment).toMatchObject({ penalty: 1_218, fee: 0, interest: 9_834, principal: 488_948 });
    expect(r.data.loan.schedule.map((i: any) => [i.state, i.paidPrincipal, i.paidInterest])).toEqual([
      ['PAID', 400_000, 12_000],
      ['UPCOMING', 88_948, 3_714],
      ['UPCOMING', 0, 0],
    ]);
    expect([r.data.loan.daysPastDue, r.data.loan.collectibility]).toEqual([0, 'LANCAR']);
  });

  it('refuses an overpayment, writing nothing; the payoff amount closes the loan early', async () => {
    host.clock.set(at('2026-03-10'));
    // Payoff on 10 Mar: principal 1 200 000 − 488 948 − 400 000 = 711 052; #2 interest for 23 of 28 days
    // 8 000 × 23/28 = 6 571, less 3 714 paid = 2 857; later interest is waived
    const before = await loan(loanId);
    expect(before.payoff).toEqual({ penalty: 0, fee: 0, interest: 2_857, principal: 711_052, total: 713_909 });
    const over = await repay(loanId, 800_000);
    expect(over).toMatchObject({ __typename: 'BusinessRuleError', rule: 'OVERPAYMENT', field: 'input.amount', details: { payoff: 713_909, excess: 86_091 } });
    expect((await loan(loanId)).repayments).toHaveLength(2);

    const paid = await repay(loanId, 713_909);
    expect(paid.data.closed).toBe(true);
    expect(paid.data.repayment).toMatchObject({ penalty: 0, fee: 0, interest: 2_857, principal: 711_052 });
    expect(paid.data.loan).toMatchObject({ status: 'CLOSED', closedOn: '2026-03-10', principalOutstanding: 0, daysPastDue: 0 });
    expect(paid.data.loan.events.at(-1).what).toBe('PAID_OFF_EARLY');
    expect((await repay(loanId, 1_000)).code).toBe('INVALID_STATE');
  });

  it('keeps the past as it was: the loan as of 26 Feb', async () => {
    const then = await loan(loanId, '2026-02-26');
    expect(then.repayments.map((r: any) => r.amount)).toEqual([20_000]);
    expect(then.daysPastDue).toBe(11);
    // The status too is the one of that day (it was paid off on 10 Mar), like the rest of the position.
    expect(then.status).toBe('ACTIVE');
    expect((await loan(loanId, '2026-03-10')).status).toBe('CLOSED');
  });

  it('posted every movement: cash, loans receivable, interest and fees from members, penalties', async () => {
    // paid 20 000 + 500 000 + 713 909 = 1 233 909 = principal 1 200 000 + penalties 5 338 + fee 10 000 + interest 18 571
    expect(await accountBalance(host, '1100', '2026-03-10')).toBe(-1_200_000 + 1_233_909);
    expect(await accountBalance(host, 'simpanpinjam.loans', '2026-03-10')).toBe(0);
    expect(await accountBalance(host, '4110', '2026-03-10')).toBe(-(10_000 + 5_880 + 9_834 + 2_857));
    expect(await accountBalance(host, 'simpanpinjam.penaltyIncome', '2026-03-10')).toBe(-5_338);
  });

  it('reschedules with approval by someone else: new terms for the outstanding, arrears carried as a fee', async () => {
    // 900 000 over 3 months from 10 Mar: 300 000 + 9 000 (+ fee 10 000) due 10 Apr, then 300 000 + 6 000, 300 000 + 3 000
    const entered = await ok(host, 'applyForLoan', { memberId: dewi, productId: product, amount: 900_000, termMonths: 3, purpose: 'Bahan baku' }, host.a.staff);
    await ok(host, 'approveLoan', { loanId: entered.id }, host.a.manager);
    const old = await ok(host, 'disburseLoan', { loanId: entered.id }, host.a.staff);
    host.clock.set(at('2026-05-01'));
    // 21 days late on 309 000: penalty 6 489; interest due 9 000 and accrued on #2 for 21 of 30 days: 6 000 × 21/30 = 4 200
    expect((await loan(old.id)).payoff).toEqual({ penalty: 6_489, fee: 10_000, interest: 13_200, principal: 900_000, total: 929_689 });
    const asked = await ok(host, 'requestLoanChange', { loanId: old.id, kind: 'RESCHEDULE', reason: 'Usaha sepi', termMonths: 6, waivePenalties: true }, host.a.manager, '{ pendingChange { kind requestedBy termMonths } }');
    expect(asked.pendingChange).toEqual({ kind: 'RESCHEDULE', requestedBy: 'manager-0', termMonths: 6 });
    expect((await mutate(host, 'approveLoanChange', { loanId: old.id }, host.a.manager)).rule).toBe('MAKER_CHECKER');
    const loansBefore = await accountBalance(host, 'simpanpinjam.loans', '2026-05-01');
    const bendahara = await host.token({ userId: 'manager-bendahara', role: 'COOP_MANAGER', coopId: host.a.rawId });
    const renewed = await ok(host, 'approveLoanChange', { loanId: old.id }, bendahara, `{ id status principal rescheduledFrom collectibility schedule { dueDate principal interest fee } }`);
    // 900 000 over 6 months at 1%: 150 000 each; interest 9 000, 7 500, 6 000, 4 500, 3 000, 1 500;
    // carried into the first: fee 10 000 + interest 13 200 (penalties waived) = 23 200
    expect(renewed).toMatchObject({ status: 'ACTIVE', principal: 900_000, rescheduledFrom: old.id, collectibility: 'LANCAR' });
    expect(renewed.schedule.map((r: any) => [r.dueDate, r.principal, r.interest, r.fee])).toEqual([
      ['2026-06-01', 150_000, 9_000, 23_200],
      ['2026-07-01', 150_000, 7_500, 0],
      ['2026-08-01', 150_000, 6_000, 0],
      ['2026-09-01', 150_000, 4_500, 0],
      ['2026-10-01', 150_000, 3_000, 0],
      ['2026-11-01', 150_000, 1_500, 0],
    ]);
    const oldNow = await loan(old.id);
    expect(oldNow.status).toBe('RESCHEDULED');
    expect((await loan(old.id, '2026-04-30')).collectibility).toBe('DPK');
    // No money moved.
    expect(await accountBalance(host, 'simpanpinjam.loans', '2026-05-01')).toBe(loansBefore);
  });
});
