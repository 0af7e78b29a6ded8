import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';
import { at, mutate, ok, query, registerMember } from './support';

const loansQuery = `query($cooperativeId: ID!, $asOf: Date, $status: SimpanpinjamLoanStatus) {
  simpanpinjamLoans(cooperativeId: $cooperativeId, asOf: $asOf, status: $status) { id status purpose } }`;
const loanQuery = `query($cooperativeId: ID!, $id: ID!, $asOf: Date) {
  simpanpinjamLoan(cooperativeId: $cooperativeId, id: $id, asOf: $asOf) { status nextDue { number dueDate amount } due { penalty total } } }`;

/**
 * Issue 12, correction 5: the loan list as of a date (loans that existed then, each with its status of
 * that day), rejecting a rejected loan, and the next due date and amount.
 */
describe('simpanpinjam: loans as of a date, a second rejection, next due', () => {
  let host: UnitTestHost;
  let product: string;
  let member: string;
  const ids: Record<string, string> = {};
  const day = (date: string) => host.clock.set(at(date));
  const listed = async (asOf: string, status?: string) =>
    (await query(host, loansQuery, { asOf, ...(status ? { status } : {}) }, host.a.supervisor)).simpanpinjamLoans.map((l: any) => [l.purpose, l.status]);
  const loan = async (id: string, asOf?: string) => (await query(host, loanQuery, { id, ...(asOf ? { asOf } : {}) }, host.a.staff)).simpanpinjamLoan;
  const apply = async (purpose: string, amount: number) => (await ok(host, 'applyForLoan', { memberId: member, productId: product, amount, termMonths: 3, purpose }, host.a.staff)).id as string;

  beforeAll(async () => {
    host = await startUnitTestHost([unit], { now: at('2026-01-15') });
    await host.enable(host.a, 'simpanpinjam', {});
    member = await registerMember(host, 'Gita Permata');
    product = (await ok(host, 'createLoanProduct', { name: 'Flat', interestMethod: 'FLAT', annualRateBp: 1800, minAmount: 100_000, maxAmount: 10_000_000, minTermMonths: 1, maxTermMonths: 24 }, host.a.manager)).id;
    // A: entered 15 Jan, approved 20 Jan, disbursed 1 Feb (400 000 + 18 000 due 1 Mar, 1 Apr, 1 May), written off 1 Jun
    ids.a = await apply('A', 1_200_000);
    day('2026-01-20');
    await ok(host, 'approveLoan', { loanId: ids.a }, host.a.manager);
    // B: entered 25 Jan, refused 26 Jan
    day('2026-01-25');
    ids.b = await apply('B', 500_000);
    day('2026-01-26');
    await ok(host, 'rejectLoan', { loanId: ids.b, reason: 'Data belum lengkap' }, host.a.manager);
    day('2026-02-01');
    await ok(host, 'disburseLoan', { loanId: ids.a }, host.a.staff);
    // C: entered, approved and disbursed 1 Mar: 600 000 flat, 200 000 + 9 000 due 1 Apr, 1 May, 1 Jun
    day('2026-03-01');
    ids.c = await apply('C', 600_000);
    await ok(host, 'approveLoan', { loanId: ids.c }, host.a.manager);
    await ok(host, 'disburseLoan', { loanId: ids.c }, host.a.staff);
    day('2026-06-01');
    await ok(host, 'requestLoanChange', { loanId: ids.a, kind: 'WRITE_OFF', reason: 'Pindah tanpa kabar' }, host.a.staff);
    await ok(host, 'approveLoanChange', { loanId: ids.a }, host.a.manager);
  }, 60_000);
  afterAll(() => host.close());

  it('lists only the loans that existed on the date, each with the status of that day', async () => {
    expect(await listed('2026-01-14')).toEqual([]);
    expect(await listed('2026-01-15')).toEqual([['A', 'PENDING']]);
    expect(await listed('2026-01-20')).toEqual([['A', 'APPROVED']]);
    expect(await listed('2026-01-25')).toEqual([['A', 'APPROVED'], ['B', 'PENDING']]);
    expect(await listed('2026-01-26')).toEqual([['A', 'APPROVED'], ['B', 'REJECTED']]);
    expect(await listed('2026-02-01')).toEqual([['A', 'ACTIVE'], ['B', 'REJECTED']]);
    expect(await listed('2026-05-31')).toEqual([['A', 'ACTIVE'], ['B', 'REJECTED'], ['C', 'ACTIVE']]);
    expect(await listed('2026-06-01')).toEqual([['A', 'WRITTEN_OFF'], ['B', 'REJECTED'], ['C', 'ACTIVE']]);
  });

  it('filters on the status of that day', async () => {
    expect(await listed('2026-05-31', 'ACTIVE')).toEqual([['A', 'ACTIVE'], ['C', 'ACTIVE']]);
    expect(await listed('2026-05-31', 'WRITTEN_OFF')).toEqual([]);
    expect(await listed('2026-06-01', 'WRITTEN_OFF')).toEqual([['A', 'WRITTEN_OFF']]);
    expect(await listed('2026-01-20', 'APPROVED')).toEqual([['A', 'APPROVED']]);
  });

  it('refuses to reject a rejected loan, saying it already is, in both languages', async () => {
    const again = await mutate(host, 'rejectLoan', { loanId: ids.b, reason: 'Sekali lagi' }, host.a.manager);
    expect(again).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'INVALID_STATE',
      messageEn: 'this loan application is already rejected (on 2026-01-26)',
      messageId: 'pengajuan pinjaman ini sudah ditolak (pada 2026-01-26)',
    });
  });

  it('shows the next due date and amount; null once nothing is due', async () => {
    // C before its first due date
    expect((await loan(ids.c!, '2026-03-15')).nextDue).toEqual({ number: 1, dueDate: '2026-04-01', amount: 209_000 });
    // A in arrears on 31 May: the oldest unpaid instalment, 1 Mar (no penalty on this product)
    expect((await loan(ids.a!, '2026-05-31')).nextDue).toEqual({ number: 1, dueDate: '2026-03-01', amount: 418_000 });
    // A written off: nothing is due
    expect((await loan(ids.a!, '2026-06-01')).nextDue).toBeNull();
    // On 1 Jun all three of C's instalments are due: 100 000 pays their interest (3 × 9 000) first,
    // then 73 000 of #1's principal, leaving 127 000 of #1
    day('2026-06-01');
    const paid = await ok(host, 'repayLoan', { loanId: ids.c, amount: 100_000 }, host.a.staff, '{ loan { nextDue { number dueDate amount } } }');
    expect(paid.loan.nextDue).toEqual({ number: 1, dueDate: '2026-04-01', amount: 127_000 });
    // pending and approved loans owe nothing yet
    expect((await loan(ids.a!, '2026-01-20')).nextDue).toBeNull();
    // paid off: null
    const payoff = await ok(host, 'repayLoan', { loanId: ids.c, amount: 600_000 - 73_000 }, host.a.staff, '{ closed loan { status nextDue { dueDate } } }');
    expect(payoff).toEqual({ closed: true, loan: { status: 'CLOSED', nextDue: null } });
  });
});

describe('simpanpinjam: product settings for penalty caps and instalment rounding, over the API', () => {
  let host: UnitTestHost;
  let member: string;
  beforeAll(async () => {
    host = await startUnitTestHost([unit], { now: at('2026-01-15') });
    await host.enable(host.a, 'simpanpinjam', {});
    member = await registerMember(host, 'Hadi Wijaya');
  }, 60_000);
  afterAll(() => host.close());

  const PRODUCT = '{ id maxPenaltyAmount maxPenaltyDays instalmentMultiple }';
  const product = (extra: Record<string, unknown>) =>
    ok(host, 'createLoanProduct', { name: 'Flat', interestMethod: 'FLAT', annualRateBp: 1800, minAmount: 100_000, maxAmount: 10_000_000, minTermMonths: 1, maxTermMonths: 24, ...extra }, host.a.manager, PRODUCT);
  const lend = async (productId: string, amount: number) => {
    const entered = await ok(host, 'applyForLoan', { memberId: member, productId, amount, termMonths: 3, purpose: 'Usaha' }, host.a.staff);
    await ok(host, 'approveLoan', { loanId: entered.id }, host.a.manager);
    return (await ok(host, 'disburseLoan', { loanId: entered.id }, host.a.staff, '{ id maxPenaltyDays instalmentMultiple schedule { principal interest total } }')) as any;
  };

  it('caps the penalty by days past due or by amount; absent, no cap', async () => {
    const byDays = await product({ penaltyMethod: 'PER_DAY', penaltyRateBp: 10, maxPenaltyDays: 30 });
    const byAmount = await product({ penaltyMethod: 'PER_DAY', penaltyRateBp: 10, maxPenaltyAmount: 10_000 });
    const none = await product({ penaltyMethod: 'PER_DAY', penaltyRateBp: 10 });
    expect([byDays, byAmount, none].map((p) => [p.maxPenaltyDays, p.maxPenaltyAmount, p.instalmentMultiple])).toEqual([
      [30, null, 1],
      [null, 10_000, 1],
      [null, null, 1],
    ]);
    const loans = [await lend(byDays.id, 1_200_000), await lend(byAmount.id, 1_200_000), await lend(none.id, 1_200_000)];
    expect(loans[0].maxPenaltyDays).toBe(30);
    // 1 Apr: #1 (418 000, due 15 Feb) 45 days late, #2 (due 15 Mar) 17 days
    //   no cap: 418 000 × 0.1% × (45 + 17) = 18 810 + 7 106 = 25 916
    //   30 days: 12 540 + 7 106 = 19 646; Rp10 000: 10 000
    const penalties = [];
    for (const l of loans) penalties.push((await query(host, loanQuery, { id: l.id, asOf: '2026-04-01' }, host.a.staff)).simpanpinjamLoan.due.penalty);
    expect(penalties).toEqual([19_646, 10_000, 25_916]);
    // The arrears list of the portfolio follows the capped amounts: 2 × 418 000 overdue plus the penalty
    const portfolio = (await query(host, `query($cooperativeId: ID!) { simpanpinjamPortfolio(cooperativeId: $cooperativeId, asOf: "2026-04-01") { arrears { overdue loan { id } } } }`, {}, host.a.staff)).simpanpinjamPortfolio;
    const overdue = Object.fromEntries(portfolio.arrears.map((a: any) => [a.loan.id, a.overdue]));
    expect(loans.map((l) => overdue[l.id])).toEqual([836_000 + 19_646, 836_000 + 10_000, 836_000 + 25_916]);
  });

  it('rounds instalments to the product multiple, the remainder on the last, in the preview and the loan', async () => {
    const p = await product({ instalmentMultiple: 100 });
    expect(p.instalmentMultiple).toBe(100);
    // 990 000 flat 1.5% a month: 330 000 + 14 850 = 344 850 -> 344 900 (half up); last 329 900 + 14 850 = 344 750
    const preview = await query(
      host,
      `query($cooperativeId: ID!, $p: ID!) { simpanpinjamSchedulePreview(cooperativeId: $cooperativeId, productId: $p, amount: 990000, termMonths: 3) { principal interest total } }`,
      { p: p.id },
      host.a.staff,
    );
    const expected = [
      { principal: 330_050, interest: 14_850, total: 344_900 },
      { principal: 330_050, interest: 14_850, total: 344_900 },
      { principal: 329_900, interest: 14_850, total: 344_750 },
    ];
    expect(preview.simpanpinjamSchedulePreview).toEqual(expected);
    const loan = await lend(p.id, 990_000);
    expect([loan.instalmentMultiple, loan.schedule]).toEqual([100, expected]);
  });

  it('refuses bad settings by field, in both languages', async () => {
    const r = await mutate(host, 'createLoanProduct', { name: 'X', interestMethod: 'FLAT', annualRateBp: 1800, minAmount: 1, maxAmount: 2, minTermMonths: 1, maxTermMonths: 2, maxPenaltyDays: 0, instalmentMultiple: 0 }, host.a.manager);
    expect(r.fields.map((f: any) => [f.field, f.messageId])).toEqual([
      ['input.maxPenaltyDays', 'harus bilangan bulat 1 sampai 3650'],
      ['input.instalmentMultiple', 'harus bilangan bulat 1 sampai 100000'],
    ]);
  });
});
