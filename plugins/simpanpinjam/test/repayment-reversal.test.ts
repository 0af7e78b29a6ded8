import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';
import { accountBalance, at, mutate, ok, query, registerMember } from './support';

const LOAN = `{ id status closedOn principalOutstanding paid { fee interest principal } nextDue { number dueDate amount }
  pendingReversal { repaymentId requestedBy requestedOn reason }
  repayments { id date amount interest principal reversed reversal { on by requestedBy reason } } }`;
const loanQuery = `query($cooperativeId: ID!, $id: ID!) { simpanpinjamLoan(cooperativeId: $cooperativeId, id: $id) ${LOAN} }`;

/**
 * Issue 12, correction 5: a mistaken repayment is reversed under maker-checker; the approval posts the
 * reversing entry on its business date and the position is recomputed as if the repayment never happened.
 */
describe('simpanpinjam: reversing a mistaken repayment', () => {
  let host: UnitTestHost;
  let loanId: string;
  let bendahara: string;
  const loan = async () => (await query(host, loanQuery, { id: loanId }, host.a.staff)).simpanpinjamLoan;
  const repay = async (amount: number) => (await ok(host, 'repayLoan', { loanId, amount }, host.a.staff, `{ repayment { id } loan ${LOAN} }`)) as any;

  beforeAll(async () => {
    host = await startUnitTestHost([unit], { now: at('2026-01-15') });
    await host.enable(host.a, 'simpanpinjam', {});
    bendahara = await host.token({ userId: 'manager-bendahara', role: 'COOP_MANAGER', coopId: host.a.rawId });
    const dewi = await registerMember(host, 'Dewi Lestari');
    const product = (
      await ok(host, 'createLoanProduct', { name: 'Menurun', interestMethod: 'DECLINING', annualRateBp: 1200, minAmount: 100_000, maxAmount: 10_000_000, minTermMonths: 3, maxTermMonths: 12, adminFeeFixed: 10_000 }, host.a.manager)
    ).id;
    // Declining 1 200 000 at 1% a month: 15 Feb 400 000 + 12 000 + fee 10 000; 15 Mar 400 000 + 8 000; 15 Apr 400 000 + 4 000
    const entered = await ok(host, 'applyForLoan', { memberId: dewi, productId: product, amount: 1_200_000, termMonths: 3, purpose: 'Mesin jahit' }, host.a.staff);
    await ok(host, 'approveLoan', { loanId: entered.id }, host.a.manager);
    loanId = (await ok(host, 'disburseLoan', { loanId: entered.id }, host.a.staff)).id;
  }, 60_000);
  afterAll(() => host.close());

  it('asked for by one manager, refused to the same one (MAKER_CHECKER), approved by another: posted reversed, position recomputed', async () => {
    host.clock.set(at('2026-02-15'));
    const first = await repay(422_000);
    // 16 Feb, a mistake: 408 000 meant for someone else's loan. Nothing was due, so it prepaid interest
    // accrued on #2 for 1 of 28 days (8 000 × 1/28 = 285) and 407 715 of principal.
    host.clock.set(at('2026-02-16'));
    const mistake = await repay(408_000);
    expect(mistake.loan.repayments[1]).toMatchObject({ interest: 285, principal: 407_715, reversed: false, reversal: null });
    expect(await accountBalance(host, 'simpanpinjam.loans', '2026-02-16')).toBe(1_200_000 - 400_000 - 407_715);

    host.clock.set(at('2026-02-17'));
    const older = await mutate(host, 'requestRepaymentReversal', { repaymentId: first.repayment.id, reason: 'Salah' }, host.a.manager);
    expect(older).toMatchObject({ code: 'INVALID_STATE', messageEn: 'only the latest repayment can be reversed: reverse the later ones first' });
    const asked = await ok(host, 'requestRepaymentReversal', { repaymentId: mistake.repayment.id, reason: 'Salah input: angsuran anggota lain' }, host.a.manager, LOAN);
    expect(asked.pendingReversal).toEqual({ repaymentId: mistake.repayment.id, requestedBy: 'manager-0', requestedOn: '2026-02-17', reason: 'Salah input: angsuran anggota lain' });
    // Nothing moved yet.
    expect(asked.principalOutstanding).toBe(392_285);

    const own = await mutate(host, 'approveRepaymentReversal', { repaymentId: mistake.repayment.id }, host.a.manager);
    expect(own).toMatchObject({ __typename: 'BusinessRuleError', rule: 'MAKER_CHECKER', field: 'input.repaymentId' });
    expect((await mutate(host, 'approveRepaymentReversal', { repaymentId: mistake.repayment.id }, host.a.staff)).code).toBe('FORBIDDEN');
    expect((await loan()).pendingReversal).not.toBeNull();

    const done = await ok(host, 'approveRepaymentReversal', { repaymentId: mistake.repayment.id }, bendahara, LOAN);
    expect(done.pendingReversal).toBeNull();
    expect(done.repayments.map((r: any) => [r.amount, r.reversed])).toEqual([
      [422_000, false],
      [408_000, true],
    ]);
    expect(done.repayments[1].reversal).toEqual({ on: '2026-02-17', by: 'manager-bendahara', requestedBy: 'manager-0', reason: 'Salah input: angsuran anggota lain' });
    // As if it never happened: only the first repayment stands.
    expect(done).toMatchObject({ status: 'ACTIVE', principalOutstanding: 800_000, paid: { fee: 10_000, interest: 12_000, principal: 400_000 }, nextDue: { number: 2, dueDate: '2026-03-15', amount: 408_000 } });
    // The books: the reversal is dated 17 Feb; 16 Feb still shows the mistake as it was recorded.
    expect(await accountBalance(host, 'simpanpinjam.loans', '2026-02-16')).toBe(392_285);
    expect(await accountBalance(host, 'simpanpinjam.loans', '2026-02-17')).toBe(800_000);
    expect(await accountBalance(host, '4110', '2026-02-17')).toBe(-(10_000 + 12_000));
    expect(await accountBalance(host, '1100', '2026-02-17')).toBe(-1_200_000 + 422_000);
    // Reversed once only.
    expect((await mutate(host, 'requestRepaymentReversal', { repaymentId: mistake.repayment.id, reason: 'Lagi' }, host.a.staff)).code).toBe('INVALID_STATE');
  });

  it('reopens a loan the reversed repayment paid off; the reversal cannot be dated before the repayment', async () => {
    host.clock.set(at('2026-02-20'));
    // Payoff on 20 Feb: 800 000 principal + #2 interest for 5 of 28 days (8 000 × 5/28 = 1 428)
    const payoff = await repay(801_428);
    expect(payoff.loan).toMatchObject({ status: 'CLOSED', closedOn: '2026-02-20', nextDue: null });
    await ok(host, 'requestRepaymentReversal', { repaymentId: payoff.repayment.id, reason: 'Transfer ditolak bank' }, host.a.staff);
    const early = await mutate(host, 'approveRepaymentReversal', { repaymentId: payoff.repayment.id, businessDate: '2026-02-19' }, bendahara);
    expect(early.code).toBe('VALIDATION');
    expect(early.fields).toEqual([{ field: 'input.businessDate', messageEn: 'must not be before the repayment it reverses (2026-02-20)', messageId: 'tidak boleh sebelum tanggal angsuran yang dibatalkan (2026-02-20)' }]);
    const reopened = await ok(host, 'approveRepaymentReversal', { repaymentId: payoff.repayment.id }, host.a.manager, LOAN);
    expect(reopened).toMatchObject({ status: 'ACTIVE', closedOn: null, principalOutstanding: 800_000, nextDue: { number: 2, dueDate: '2026-03-15', amount: 408_000 } });
    expect(await accountBalance(host, 'simpanpinjam.loans', '2026-02-20')).toBe(800_000);
    // and the loan takes repayments again
    expect((await repay(408_000)).loan.principalOutstanding).toBe(800_000 - 408_000 + 1_428);
  });
});
