import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';
import { accountBalance, at, mutate, ok, query, registerMember } from './support';

const PORTFOLIO = `query($cooperativeId: ID!, $asOf: Date) { simpanpinjamPortfolio(cooperativeId: $cooperativeId, asOf: $asOf) {
  asOf loanCount outstanding problemLoans problemLoanRisk problemLoanRatioBp allowance
  classes { collectibility number count outstanding }
  arrears { daysPastDue collectibility overdue outstanding loan { id } } } }`;

describe('simpanpinjam collectibility, portfolio, allowance and write-off', () => {
  let host: UnitTestHost;
  let late: string;
  let current: string;
  const portfolio = async (asOf: string) => (await query(host, PORTFOLIO, { asOf }, host.a.supervisor)).simpanpinjamPortfolio;
  const lend = async (memberId: string, product: string, amount: number, termMonths: number) => {
    const loan = await ok(host, 'applyForLoan', { memberId, productId: product, amount, termMonths, purpose: 'Usaha' }, host.a.staff);
    await ok(host, 'approveLoan', { loanId: loan.id }, host.a.manager);
    return (await ok(host, 'disburseLoan', { loanId: loan.id }, host.a.staff)).id as string;
  };

  beforeAll(async () => {
    host = await startUnitTestHost([unit], { now: at('2026-01-15') });
    await host.enable(host.a, 'simpanpinjam', {});
    const [eko, fitri] = [await registerMember(host, 'Eko Prasetyo'), await registerMember(host, 'Fitri Handayani')];
    const flat = (
      await ok(host, 'createLoanProduct', { name: 'Flat', interestMethod: 'FLAT', annualRateBp: 1800, minAmount: 100_000, maxAmount: 10_000_000, minTermMonths: 1, maxTermMonths: 24 }, host.a.manager)
    ).id;
    // Late: 1 200 000 over 3 months, first due 15 Feb, never paid.
    late = await lend(eko, flat, 1_200_000, 3);
    // Current: 1 200 000 over 12 months, 100 000 + 18 000 paid on every due date, 15 Feb to 15 Aug.
    current = await lend(fitri, flat, 1_200_000, 12);
    for (const month of ['02', '03', '04', '05', '06', '07', '08']) {
      host.clock.set(at(`2026-${month}-15`));
      await ok(host, 'repayLoan', { loanId: current, amount: 118_000 }, host.a.staff, '{ closed }');
    }
  }, 60_000);
  afterAll(() => host.close());

  it('steps the late loan through every class as the as-of date moves; the current loan stays lancar', async () => {
    // Days from the unpaid 15 Feb due date (2026: Feb 28, Mar 31, Apr 30, May 31, Jun 30, Jul 31 days):
    // 16 Feb = 1; 16 May = 28 + 31 + 30 + 1 = 90; 17 May = 91; 15 Jun = 120; 16 Jun = 121; 14 Aug = 180; 15 Aug = 181
    const steps: [string, number, string, number][] = [
      // [as of, days past due, class, problem-loan risk]
      ['2026-02-15', 0, 'LANCAR', 0],
      ['2026-02-16', 1, 'DPK', 0],
      ['2026-05-16', 90, 'DPK', 0],
      ['2026-05-17', 91, 'KURANG_LANCAR', 600_000], // 50% × 1 200 000
      ['2026-06-15', 120, 'KURANG_LANCAR', 600_000],
      ['2026-06-16', 121, 'DIRAGUKAN', 900_000], // 75% × 1 200 000
      ['2026-08-14', 180, 'DIRAGUKAN', 900_000],
      ['2026-08-15', 181, 'MACET', 1_200_000], // 100% × 1 200 000
    ];
    for (const [asOf, days, cls, risk] of steps) {
      const loan = (await query(host, `query($cooperativeId: ID!, $id: ID!, $asOf: Date) { simpanpinjamLoan(cooperativeId: $cooperativeId, id: $id, asOf: $asOf) { daysPastDue collectibility collectibilityClass } }`, { id: late, asOf }, host.a.staff)).simpanpinjamLoan;
      expect([asOf, loan.daysPastDue, loan.collectibility], asOf).toEqual([asOf, days, cls]);
      const p = await portfolio(asOf);
      // The current loan: 100 000 principal repaid on each 15th from February up to the date.
      const repaidMonths = Number(asOf.slice(5, 7)) - (Number(asOf.slice(8, 10)) >= 15 ? 1 : 2);
      const currentOutstanding = 1_200_000 - 100_000 * repaidMonths;
      const expected = Object.fromEntries(['LANCAR', 'DPK', 'KURANG_LANCAR', 'DIRAGUKAN', 'MACET'].map((c) => [c, 0]));
      expected.LANCAR! += currentOutstanding;
      expected[cls]! += 1_200_000;
      expect(Object.fromEntries(p.classes.map((c: any) => [c.collectibility, c.outstanding])), asOf).toEqual(expected);
      expect(p.problemLoanRisk, asOf).toBe(risk);
      expect(p.outstanding).toBe(currentOutstanding + 1_200_000);
      expect(p.arrears.map((a: any) => [a.loan.id, a.daysPastDue]), asOf).toEqual(days > 0 ? [[late, days]] : []);
    }
  });

  it('the arrears list shows what is overdue; the problem-loan ratio in basis points', async () => {
    const p = await portfolio('2026-08-15');
    // all three instalments of 400 000 + 18 000 are overdue
    expect(p.arrears[0]).toMatchObject({ collectibility: 'MACET', overdue: 1_254_000, outstanding: 1_200_000 });
    // 1 200 000 / (1 200 000 + 500 000) = 70.58% -> 7058 bp
    expect(p.problemLoanRatioBp).toBe(7_058);
  });

  it('provisions the allowance to the risk, and writes off against it with approval by someone else', async () => {
    const prov = await ok(host, 'provisionAllowance', {}, host.a.manager, '{ required before posted }');
    expect(prov).toEqual({ required: 1_200_000, before: 0, posted: 1_200_000 });
    expect(await accountBalance(host, 'simpanpinjam.allowance', '2026-08-15')).toBe(-1_200_000);

    await ok(host, 'requestLoanChange', { loanId: late, kind: 'WRITE_OFF', reason: 'Macet lebih dari 180 hari' }, host.a.staff);
    expect((await mutate(host, 'approveLoanChange', { loanId: late }, host.a.staff)).code).toBe('FORBIDDEN');
    expect((await mutate(host, 'approveLoanChange', { loanId: late }, host.a.supervisor)).code).toBe('FORBIDDEN');
    const loansBefore = await accountBalance(host, 'simpanpinjam.loans', '2026-08-15');
    const off = await ok(host, 'approveLoanChange', { loanId: late }, host.a.manager, '{ status writtenOffOn }');
    expect(off).toEqual({ status: 'WRITTEN_OFF', writtenOffOn: '2026-08-15' });
    expect(await accountBalance(host, 'simpanpinjam.loans', '2026-08-15')).toBe(loansBefore - 1_200_000);
    expect(await accountBalance(host, 'simpanpinjam.allowance', '2026-08-15')).toBe(0);
    expect(await accountBalance(host, 'simpanpinjam.allowanceExpense', '2026-08-15')).toBe(1_200_000);
    const after = await portfolio('2026-08-15');
    expect([after.loanCount, after.problemLoanRisk, after.arrears, after.allowance]).toEqual([1, 0, [], 0]);
    // Before the write-off date it is still in the portfolio.
    expect((await portfolio('2026-08-14')).problemLoanRisk).toBe(900_000);
  });
});
