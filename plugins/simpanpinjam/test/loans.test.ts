import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';
import { LOAN, accountBalance, at, mutate, ok, payWajib, query, registerMember } from './support';

const productInput = (name: string, interestMethod: string, annualRateBp: number, extra: Record<string, unknown> = {}) => ({
  name,
  interestMethod,
  annualRateBp,
  minAmount: 100_000,
  maxAmount: 50_000_000,
  minTermMonths: 3,
  maxTermMonths: 24,
  maxGraceMonths: 2,
  ...extra,
});

const loanQuery = `query($cooperativeId: ID!, $id: ID!, $asOf: Date) { simpanpinjamLoan(cooperativeId: $cooperativeId, id: $id, asOf: $asOf) ${LOAN} }`;
const rows = (loan: { schedule: { dueDate: string; principal: number; interest: number; fee: number }[] }) => loan.schedule.map((r) => [r.dueDate, r.principal, r.interest, r.fee]);

/** Enter (staff), approve (manager), disburse (staff): a loan with its schedule starting today. */
async function lend(host: UnitTestHost, memberId: string, productId: string, amount: number, termMonths: number) {
  const loan = await ok(host, 'applyForLoan', { memberId, productId, amount, termMonths, purpose: 'Modal usaha' }, host.a.staff);
  await ok(host, 'approveLoan', { loanId: loan.id }, host.a.manager);
  return ok(host, 'disburseLoan', { loanId: loan.id }, host.a.staff, LOAN);
}

describe('simpanpinjam loans: schedules over the API, and maker-checker', () => {
  let host: UnitTestHost;
  let ani: string;
  const products: Record<string, string> = {};
  beforeAll(async () => {
    host = await startUnitTestHost([unit], { now: at('2026-01-15') });
    await host.enable(host.a, 'simpanpinjam', {});
    ani = await registerMember(host, 'Ani Suryani');
    products.flat = (await ok(host, 'createLoanProduct', productInput('Usaha flat', 'FLAT', 1800), host.a.manager)).id;
    products.declining = (await ok(host, 'createLoanProduct', productInput('Usaha menurun', 'DECLINING', 1200, { adminFeeFixed: 10_000 }), host.a.manager)).id;
    products.annuity = (await ok(host, 'createLoanProduct', productInput('Usaha anuitas', 'ANNUITY', 1200, { adminFeeBp: 100, adminFeeDeducted: true }), host.a.manager)).id;
  }, 60_000);
  afterAll(() => host.close());

  it('flat: 1 200 000 at 1.5% a month for 3 months', async () => {
    // interest 1 200 000 × 1.5% = 18 000 a month; principal 1 200 000 / 3 = 400 000
    const loan = await lend(host, ani, products.flat!, 1_200_000, 3);
    expect(loan.status).toBe('ACTIVE');
    expect(rows(loan)).toEqual([
      ['2026-02-15', 400_000, 18_000, 0],
      ['2026-03-15', 400_000, 18_000, 0],
      ['2026-04-15', 400_000, 18_000, 0],
    ]);
  });

  it('declining: 1 200 000 at 12% a year, admin fee due with the first instalment', async () => {
    // interest on what is owed, 1% a month: 12 000, 8 000, 4 000
    const loan = await lend(host, ani, products.declining!, 1_200_000, 3);
    expect(rows(loan)).toEqual([
      ['2026-02-15', 400_000, 12_000, 10_000],
      ['2026-03-15', 400_000, 8_000, 0],
      ['2026-04-15', 400_000, 4_000, 0],
    ]);
  });

  it('annuity: 1 000 000 at 12% a year; the admin fee deducted at disbursement is posted', async () => {
    // A = 10 000 / (1 − 1.01^-3) = 340 022.11 -> 340 022
    // 10 000 + 330 022; 6 700 (669 978 × 1%) + 333 322; 3 367 (336 656 × 1%) + 336 656 (the rest)
    const cashBefore = await accountBalance(host, '1100', '2026-01-15');
    const loan = await lend(host, ani, products.annuity!, 1_000_000, 3);
    expect(rows(loan)).toEqual([
      ['2026-02-15', 330_022, 10_000, 0],
      ['2026-03-15', 333_322, 6_700, 0],
      ['2026-04-15', 336_656, 3_367, 0],
    ]);
    // 1% fee = 10 000 kept from the 1 000 000 paid out
    expect(await accountBalance(host, '1100', '2026-01-15')).toBe(cashBefore - 990_000);
    // loans receivable: 1 200 000 + 1 200 000 + 1 000 000
    expect(await accountBalance(host, 'simpanpinjam.loans', '2026-01-15')).toBe(3_400_000);
  });

  it('the schedule preview matches the disbursed schedule', async () => {
    const data = await query(
      host,
      `query($cooperativeId: ID!, $p: ID!) { simpanpinjamSchedulePreview(cooperativeId: $cooperativeId, productId: $p, amount: 1000000, termMonths: 3, startsOn: "2026-01-15") { dueDate principal interest fee } }`,
      { p: products.annuity },
      host.a.staff,
    );
    expect(data.simpanpinjamSchedulePreview.map((r: any) => [r.dueDate, r.principal, r.interest, r.fee])).toEqual([
      ['2026-02-15', 330_022, 10_000, 0],
      ['2026-03-15', 333_322, 6_700, 0],
      ['2026-04-15', 336_656, 3_367, 0],
    ]);
  });

  it('the approver cannot be the maker; another manager can approve; staff cannot approve at all', async () => {
    const loan = await ok(host, 'applyForLoan', { memberId: ani, productId: products.flat, amount: 500_000, termMonths: 3, purpose: 'Warung' }, host.a.manager, '{ id enteredBy status }');
    expect(loan).toMatchObject({ enteredBy: 'manager-0', status: 'PENDING' });
    const own = await mutate(host, 'approveLoan', { loanId: loan.id }, host.a.manager);
    expect(own).toMatchObject({ __typename: 'BusinessRuleError', code: 'BUSINESS_RULE', rule: 'MAKER_CHECKER', field: 'input.loanId' });
    expect(own.messageId).toMatch(/tidak boleh menyetujui/);
    expect((await mutate(host, 'approveLoan', { loanId: loan.id }, host.a.staff)).code).toBe('FORBIDDEN');
    const still = await query(host, loanQuery, { id: loan.id }, host.a.manager);
    expect(still.simpanpinjamLoan.status).toBe('PENDING');
    expect((await mutate(host, 'disburseLoan', { loanId: loan.id }, host.a.staff)).code).toBe('INVALID_STATE');

    const otherManager = await host.token({ userId: 'manager-ketua', role: 'COOP_MANAGER', coopId: host.a.rawId });
    const approved = await ok(host, 'approveLoan', { loanId: loan.id }, otherManager, '{ status boardApprovedBy events { what by } }');
    expect(approved.status).toBe('APPROVED');
    expect(approved.boardApprovedBy).toBe('manager-ketua');
    expect(approved.events).toEqual([
      { what: 'ENTERED', by: 'manager-0' },
      { what: 'APPROVED_BY_BOARD', by: 'manager-ketua' },
    ]);
  });

  it('refuses terms outside the product, naming the field, and writes nothing', async () => {
    const before = await query(host, `query($cooperativeId: ID!) { simpanpinjamLoans(cooperativeId: $cooperativeId) { id memberId member { id name } } }`, {}, host.a.manager);
    // A loan links to its borrower.
    expect(before.simpanpinjamLoans.length).toBeGreaterThan(0);
    for (const l of before.simpanpinjamLoans) expect(l.member.id).toBe(l.memberId);
    const long = await mutate(host, 'applyForLoan', { memberId: ani, productId: products.flat, amount: 500_000, termMonths: 36, purpose: 'x' }, host.a.staff);
    expect(long.code).toBe('VALIDATION');
    expect(long.fields[0].field).toBe('input.termMonths');
    const big = await mutate(host, 'applyForLoan', { memberId: ani, productId: products.flat, amount: 60_000_000, termMonths: 6, purpose: 'x' }, host.a.staff);
    expect(big.fields[0]).toMatchObject({ field: 'input.amount' });
    expect(big.fields[0].messageId).toMatch(/sampai/);
    const after = await query(host, `query($cooperativeId: ID!) { simpanpinjamLoans(cooperativeId: $cooperativeId) { id } }`, {}, host.a.manager);
    expect(after.simpanpinjamLoans).toHaveLength(before.simpanpinjamLoans.length);
  });
});

describe('simpanpinjam loans: related parties', () => {
  let host: UnitTestHost;
  let bima: string;
  let citra: string;
  let product: string;
  beforeAll(async () => {
    host = await startUnitTestHost([unit], { now: at('2026-01-10') });
    bima = await registerMember(host, 'Bima Pengurus');
    citra = await registerMember(host, 'Citra Anggota');
    // Own capital in the books: simpanan wajib 20 000 000 -> limit 10% = 2 000 000
    await payWajib(host, citra, 20_000_000);
    await host.enable(host.a, 'simpanpinjam', { relatedPartyMemberIds: [bima] });
    product = (await ok(host, 'createLoanProduct', productInput('Usaha', 'FLAT', 1800), host.a.manager)).id;
  }, 60_000);
  afterAll(() => host.close());

  it('refuses a related-party loan above 10% of own capital', async () => {
    const r = await mutate(host, 'applyForLoan', { memberId: bima, productId: product, amount: 2_500_000, termMonths: 6, purpose: 'Renovasi' }, host.a.staff);
    expect(r).toMatchObject({ __typename: 'BusinessRuleError', rule: 'RELATED_PARTY_LIMIT', field: 'input.amount' });
    expect(r.details).toEqual({ ownCapital: 20_000_000, limit: 2_000_000, exposure: 0, requested: 2_500_000 });
    // An ordinary member is not held to it.
    expect((await mutate(host, 'applyForLoan', { memberId: citra, productId: product, amount: 2_500_000, termMonths: 6, purpose: 'Usaha' }, host.a.staff)).__typename).toBe('SimpanpinjamApplyForLoanSuccess');
  });

  it('needs both the board and a supervisor; counts approved loans against the limit; follows own capital', async () => {
    const loan = await ok(host, 'applyForLoan', { memberId: bima, productId: product, amount: 1_500_000, termMonths: 6, purpose: 'Renovasi' }, host.a.staff, '{ id relatedParty status }');
    expect(loan).toMatchObject({ relatedParty: true, status: 'PENDING' });
    // Supervisors cannot approve as the board, and the board cannot endorse as supervisors.
    expect((await mutate(host, 'approveLoan', { loanId: loan.id }, host.a.supervisor)).code).toBe('FORBIDDEN');
    expect((await mutate(host, 'endorseLoan', { loanId: loan.id }, host.a.manager)).code).toBe('FORBIDDEN');
    const boardOnly = await ok(host, 'approveLoan', { loanId: loan.id }, host.a.manager, '{ status boardApprovedBy supervisorApprovedBy }');
    expect(boardOnly).toEqual({ status: 'PENDING', boardApprovedBy: 'manager-0', supervisorApprovedBy: null });
    expect((await mutate(host, 'disburseLoan', { loanId: loan.id }, host.a.staff)).code).toBe('INVALID_STATE');
    const both = await ok(host, 'endorseLoan', { loanId: loan.id }, host.a.supervisor, '{ status supervisorApprovedBy }');
    expect(both).toEqual({ status: 'APPROVED', supervisorApprovedBy: 'supervisor-0' });

    // 1 500 000 approved + 600 000 > 2 000 000
    const more = await mutate(host, 'applyForLoan', { memberId: bima, productId: product, amount: 600_000, termMonths: 6, purpose: 'Lagi' }, host.a.staff);
    expect(more).toMatchObject({ rule: 'RELATED_PARTY_LIMIT', details: { limit: 2_000_000, exposure: 1_500_000, requested: 600_000 } });
    // More capital (wajib 10 000 000 more -> 30 000 000, limit 3 000 000) makes room.
    await payWajib(host, citra, 10_000_000);
    const fits = await ok(host, 'applyForLoan', { memberId: bima, productId: product, amount: 600_000, termMonths: 6, purpose: 'Lagi' }, host.a.staff, '{ id status }');
    expect(fits.status).toBe('PENDING');
  });

  it('an ordinary loan needs no supervisor', async () => {
    const loan = await ok(host, 'applyForLoan', { memberId: citra, productId: product, amount: 300_000, termMonths: 3, purpose: 'Usaha' }, host.a.staff);
    expect((await mutate(host, 'endorseLoan', { loanId: loan.id }, host.a.supervisor)).code).toBe('INVALID_STATE');
    expect((await ok(host, 'approveLoan', { loanId: loan.id }, host.a.manager, '{ status }')).status).toBe('APPROVED');
  });
});
