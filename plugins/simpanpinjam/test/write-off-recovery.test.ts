import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';
import { accountBalance, at, mutate, ok, query, registerMember } from './support';

const CLAIM = `{ status writtenOffOn principalOutstanding nextDue { dueDate amount }
  writeOff { writtenOffOn writtenOff { penalty fee interest principal total } recovered remaining recoveries { date amount by } } }`;
const loanQuery = `query($cooperativeId: ID!, $id: ID!, $asOf: Date) { simpanpinjamLoan(cooperativeId: $cooperativeId, id: $id, asOf: $asOf) ${CLAIM} }`;
const allowanceQuery = `query($cooperativeId: ID!, $asOf: Date) { simpanpinjamPortfolio(cooperativeId: $cooperativeId, asOf: $asOf) { allowance problemLoanRisk } }`;

/**
 * Issue 12, correction 5: the portfolio's allowance is the books' on the as-of date, and a written-off
 * loan takes recoveries (income, not principal) while its read shows the claim still owed.
 */
describe('simpanpinjam: allowance as of a date, write-off claim and recoveries', () => {
  let host: UnitTestHost;
  let loanId: string;
  const loan = async (asOf?: string) => (await query(host, loanQuery, { id: loanId, ...(asOf ? { asOf } : {}) }, host.a.staff)).simpanpinjamLoan;
  const allowance = async (asOf: string) => (await query(host, allowanceQuery, { asOf }, host.a.supervisor)).simpanpinjamPortfolio.allowance;

  beforeAll(async () => {
    host = await startUnitTestHost([unit], { now: at('2026-01-15') });
    await host.enable(host.a, 'simpanpinjam', {});
    const eko = await registerMember(host, 'Eko Prasetyo');
    const product = (
      await ok(
        host,
        'createLoanProduct',
        { name: 'Flat', interestMethod: 'FLAT', annualRateBp: 1800, minAmount: 100_000, maxAmount: 10_000_000, minTermMonths: 1, maxTermMonths: 24, penaltyMethod: 'PER_INSTALMENT', penaltyRateBp: 500 },
        host.a.manager,
      )
    ).id;
    // 1 200 000 flat 1.5% a month over 3 months: 400 000 + 18 000 due 15 Feb, 15 Mar, 15 Apr; never paid.
    const entered = await ok(host, 'applyForLoan', { memberId: eko, productId: product, amount: 1_200_000, termMonths: 3, purpose: 'Gerobak' }, host.a.staff);
    await ok(host, 'approveLoan', { loanId: entered.id }, host.a.manager);
    loanId = (await ok(host, 'disburseLoan', { loanId: entered.id }, host.a.staff)).id;
  }, 60_000);
  afterAll(() => host.close());

  it("shows the allowance the books held on the as-of date, not today's", async () => {
    // 17 May: 91 days past due, kurang lancar: 50% of 1 200 000
    host.clock.set(at('2026-05-17'));
    expect(await ok(host, 'provisionAllowance', {}, host.a.manager, '{ required posted }')).toEqual({ required: 600_000, posted: 600_000 });
    // 15 Aug: macet, 100%
    host.clock.set(at('2026-08-15'));
    expect(await ok(host, 'provisionAllowance', {}, host.a.manager, '{ required posted }')).toEqual({ required: 1_200_000, posted: 600_000 });
    expect([await allowance('2026-05-16'), await allowance('2026-05-17'), await allowance('2026-08-14'), await allowance('2026-08-15')]).toEqual([0, 600_000, 600_000, 1_200_000]);
  });

  it('writes the claim off and keeps it: principal, interest and penalties owed that day', async () => {
    await ok(host, 'requestLoanChange', { loanId, kind: 'WRITE_OFF', reason: 'Macet lebih dari 180 hari' }, host.a.staff);
    await ok(host, 'approveLoanChange', { loanId }, host.a.manager);
    // The allowance took the 1 200 000: none left from the write-off day, still there the day before.
    expect([await allowance('2026-08-14'), await allowance('2026-08-15')]).toEqual([600_000, 0]);
    // Owed on 15 Aug: principal 1 200 000, interest 3 × 18 000, penalties 3 × 5% × 418 000 = 62 700
    const off = await loan();
    expect(off).toMatchObject({ status: 'WRITTEN_OFF', writtenOffOn: '2026-08-15', principalOutstanding: 0, nextDue: null });
    expect(off.writeOff).toEqual({
      writtenOffOn: '2026-08-15',
      writtenOff: { penalty: 62_700, fee: 0, interest: 54_000, principal: 1_200_000, total: 1_316_700 },
      recovered: 0,
      remaining: 1_316_700,
      recoveries: [],
    });
    expect((await loan('2026-08-14')).writeOff).toBeNull();
  });

  it('takes a recovery as income from recoveries, lowering what remains; the loan stays written off', async () => {
    host.clock.set(at('2026-09-01'));
    const cashBefore = await accountBalance(host, '1100', '2026-09-01');
    // a written-off loan takes no repayment
    expect((await mutate(host, 'repayLoan', { loanId, amount: 100_000 }, host.a.staff, '{ closed }')).code).toBe('INVALID_STATE');
    const r = await ok(host, 'recoverLoan', { loanId, amount: 316_700, businessDate: '2026-08-31' }, host.a.staff, CLAIM);
    expect(r.status).toBe('WRITTEN_OFF');
    expect(r.writeOff).toMatchObject({ recovered: 316_700, remaining: 1_000_000, recoveries: [{ date: '2026-08-31', amount: 316_700, by: 'staff-0' }] });
    expect(await accountBalance(host, '1100', '2026-09-01')).toBe(cashBefore + 316_700);
    expect(await accountBalance(host, 'simpanpinjam.recoveries', '2026-08-31')).toBe(-316_700);
    expect(await accountBalance(host, 'simpanpinjam.loans', '2026-09-01')).toBe(0);
    // as of the day before the recovery, nothing was recovered yet
    expect((await loan('2026-08-30')).writeOff).toMatchObject({ recovered: 0, remaining: 1_316_700 });
  });

  it('refuses more than remains (OVERPAYMENT) and a date before the write-off, writing nothing; then takes the rest', async () => {
    const over = await mutate(host, 'recoverLoan', { loanId, amount: 1_000_001 }, host.a.staff);
    expect(over).toMatchObject({ __typename: 'BusinessRuleError', rule: 'OVERPAYMENT', field: 'input.amount', details: { payoff: 1_000_000, excess: 1 } });
    expect(over.messageId).toBe('Rp1.000.001 melebihi sisa tagihan hapus buku Rp1.000.000');
    const early = await mutate(host, 'recoverLoan', { loanId, amount: 1_000, businessDate: '2026-08-14' }, host.a.manager);
    expect(early).toMatchObject({ code: 'INVALID_STATE', messageEn: 'a recovery cannot be dated before the write-off on 2026-08-15' });
    expect((await loan()).writeOff).toMatchObject({ recovered: 316_700, remaining: 1_000_000 });
    expect(await accountBalance(host, 'simpanpinjam.recoveries', '2026-09-01')).toBe(-316_700);
    const rest = await ok(host, 'recoverLoan', { loanId, amount: 1_000_000 }, host.a.staff, CLAIM);
    expect(rest.writeOff).toMatchObject({ recovered: 1_316_700, remaining: 0 });
    expect((await mutate(host, 'recoverLoan', { loanId, amount: 1 }, host.a.staff)).code).toBe('INVALID_STATE');
  });
});
