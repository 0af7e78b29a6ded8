import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';
import { accountBalance, at, mutate, ok, query, registerMember } from './support';

const ACCOUNT = '{ id balance }';
const STATEMENT = `query($cooperativeId: ID!, $id: ID!, $from: Date, $to: Date) { simpanpinjamSavingsStatement(cooperativeId: $cooperativeId, accountId: $id, from: $from, to: $to) {
  opening closing lines { date kind amount balance } } }`;

describe('simpanpinjam savings and time deposits', () => {
  let host: UnitTestHost;
  let gita: string;
  let hadi: string;
  let minimum: string;
  let average: string;
  let g: string;
  let h: string;
  const move = (kind: 'deposit' | 'withdraw', accountId: string, amount: number, token = host.a.staff) => mutate(host, kind, { accountId, amount }, token, ACCOUNT);
  const statement = async (id: string, from?: string, to?: string) => (await query(host, STATEMENT, { id, from, to }, host.a.supervisor)).simpanpinjamSavingsStatement;

  beforeAll(async () => {
    host = await startUnitTestHost([unit], { now: at('2026-03-01') });
    await host.enable(host.a, 'simpanpinjam', {});
    gita = await registerMember(host, 'Gita Permata');
    hadi = await registerMember(host, 'Hadi Santoso');
    minimum = (await ok(host, 'createSavingsProduct', { name: 'Sukarela', kind: 'SAVINGS', annualRateBp: 600, balanceMethod: 'MINIMUM' }, host.a.manager)).id;
    average = (await ok(host, 'createSavingsProduct', { name: 'Sukarela harian', kind: 'SAVINGS', annualRateBp: 600, balanceMethod: 'AVERAGE_DAILY' }, host.a.manager)).id;
    g = (await ok(host, 'openSavingsAccount', { memberId: gita, productId: minimum }, host.a.staff)).id;
    h = (await ok(host, 'openSavingsAccount', { memberId: hadi, productId: average }, host.a.staff)).id;
  }, 60_000);
  afterAll(() => host.close());

  it('caps savings interest at the settings rate (9% a year)', async () => {
    const r = await mutate(host, 'createSavingsProduct', { name: 'Terlalu tinggi', kind: 'SAVINGS', annualRateBp: 1000 }, host.a.manager);
    expect(r.code).toBe('VALIDATION');
    expect(r.fields[0]).toMatchObject({ field: 'input.annualRateBp' });
    expect(r.fields[0].messageId).toMatch(/900/);
    expect((await mutate(host, 'createSavingsProduct', { name: 'Staf', kind: 'SAVINGS', annualRateBp: 100 }, host.a.staff)).code).toBe('FORBIDDEN');
  });

  it('deposits and withdraws; refuses to go below zero, naming the field, writing nothing', async () => {
    // March: +1 000 000 on the 1st, −400 000 on the 11th, +900 000 on the 21st; −100 000 on 2 April
    for (const id of [g, h]) expect((await move('deposit', id, 1_000_000)).data.balance).toBe(1_000_000);
    host.clock.set(at('2026-03-11'));
    const tooMuch = await move('withdraw', g, 1_000_001);
    expect(tooMuch).toMatchObject({ __typename: 'BusinessRuleError', rule: 'INSUFFICIENT_BALANCE', field: 'input.amount', details: { balance: 1_000_000, available: 1_000_000 } });
    expect(tooMuch.messageId).toMatch(/saldo/);
    for (const id of [g, h]) expect((await move('withdraw', id, 400_000)).data.balance).toBe(600_000);
    host.clock.set(at('2026-03-21'));
    for (const id of [g, h]) await move('deposit', id, 900_000);
    host.clock.set(at('2026-04-02'));
    for (const id of [g, h]) await move('withdraw', id, 100_000);
    const s = await statement(g, '2026-03-01', '2026-04-02');
    expect(s.lines.map((l: any) => [l.date, l.amount, l.balance])).toEqual([
      ['2026-03-01', 1_000_000, 1_000_000],
      ['2026-03-11', -400_000, 600_000],
      ['2026-03-21', 900_000, 1_500_000],
      ['2026-04-02', -100_000, 1_400_000],
    ]);
    expect([s.opening, s.closing]).toEqual([0, 1_400_000]);
    expect((await move('deposit', g, -5)).fields[0].field).toBe('input.amount');
  });

  it('posts monthly interest once, on the minimum or the average daily balance', async () => {
    expect((await mutate(host, 'postSavingsInterest', { month: '2026-04' }, host.a.manager, '{ month }')).fields[0].field).toBe('input.month');
    // Gita (minimum): lowest March balance 600 000 × 6% × 31/365 = 3 057.53 -> 3 057
    // Hadi (average): Σ daily balances 10 × 1 000 000 + 10 × 600 000 + 11 × 1 500 000 = 32 500 000; × 6% / 365 = 5 342.47 -> 5 342
    const run = await ok(host, 'postSavingsInterest', { month: '2026-03' }, host.a.manager, '{ month accountsCredited interestTotal remaining }');
    expect(run).toEqual({ month: '2026-03', accountsCredited: 2, interestTotal: 3_057 + 5_342, remaining: 0 });
    expect((await mutate(host, 'postSavingsInterest', { month: '2026-03' }, host.a.manager, '{ month }')).code).toBe('INVALID_STATE');
    const march = await statement(g, '2026-03-01', '2026-03-31');
    expect(march.lines.at(-1)).toEqual({ date: '2026-03-31', kind: 'INTEREST', amount: 3_057, balance: 1_503_057 });
    expect((await statement(h, '2026-04-01', '2026-04-02')).opening).toBe(1_505_342);
    // The books: savings liability = both balances; interest expense = what was credited
    expect(await accountBalance(host, '2120', '2026-04-02')).toBe(-(1_403_057 + 1_405_342));
    expect(await accountBalance(host, 'simpanpinjam.savingsInterest', '2026-04-02')).toBe(8_399);
  });

  it('50 concurrent withdrawals never take an account below zero', async () => {
    host.clock.set(at('2026-04-02'));
    const k = (await ok(host, 'openSavingsAccount', { memberId: hadi, productId: minimum }, host.a.staff)).id;
    await move('deposit', k, 1_000_000);
    const cashBefore = await accountBalance(host, '1100', '2026-04-02');
    // 1 000 000 / 30 000 = 33 withdrawals fit (990 000), 10 000 is left, 17 must be refused
    const results = await Promise.all(Array.from({ length: 50 }, () => move('withdraw', k, 30_000)));
    const outcomes = results.map((r) => (r.__typename === 'BusinessRuleError' ? r.rule : r.__typename));
    expect(outcomes.filter((o) => o === 'SimpanpinjamWithdrawSuccess')).toHaveLength(33);
    expect(outcomes.filter((o) => o === 'INSUFFICIENT_BALANCE')).toHaveLength(17);
    const accounts = (await query(host, `query($cooperativeId: ID!, $m: ID) { simpanpinjamSavingsAccounts(cooperativeId: $cooperativeId, memberId: $m) { id balance member { id } } }`, { m: hadi }, host.a.staff)).simpanpinjamSavingsAccounts;
    expect(accounts.find((a: any) => a.id === k).balance).toBe(10_000);
    // Each account links to its member (not only a bare memberId).
    expect(accounts.map((a: any) => a.member.id)).toEqual(accounts.map(() => hadi));
    const s = await statement(k, '2026-04-02', '2026-04-02');
    expect(s.lines.filter((l: any) => l.kind === 'WITHDRAWAL')).toHaveLength(33);
    expect(Math.min(...s.lines.map((l: any) => l.balance))).toBeGreaterThanOrEqual(0);
    expect(await accountBalance(host, '1100', '2026-04-02')).toBe(cashBefore - 990_000);
  }, 60_000);

  it('holds loans to the loan-to-savings ratio', async () => {
    const product = (
      await ok(host, 'createLoanProduct', { name: 'Tiga kali simpanan', interestMethod: 'FLAT', annualRateBp: 1200, minAmount: 100_000, maxAmount: 20_000_000, minTermMonths: 3, maxTermMonths: 12, maxLoanToSavingsBp: 30_000 }, host.a.manager)
    ).id;
    // Gita saves 1 403 057: at most 3 × 1 403 057 = 4 209 171
    const r = await mutate(host, 'applyForLoan', { memberId: gita, productId: product, amount: 4_300_000, termMonths: 6, purpose: 'Usaha' }, host.a.staff);
    expect(r).toMatchObject({ rule: 'LOAN_TO_SAVINGS', field: 'input.amount', details: { savings: 1_403_057, maxAmount: 4_209_171 } });
    expect((await mutate(host, 'applyForLoan', { memberId: gita, productId: product, amount: 4_209_171, termMonths: 6, purpose: 'Usaha' }, host.a.staff)).__typename).toBe('SimpanpinjamApplyForLoanSuccess');
  });

  it('time deposits: interest at maturity, penalty before it', async () => {
    const td = (await ok(host, 'createSavingsProduct', { name: 'Berjangka 6 bulan', kind: 'TIME_DEPOSIT', annualRateBp: 600, termMonths: 6, minBalance: 1_000_000, earlyWithdrawal: 'PENALTY', earlyPenaltyBp: 100 }, host.a.manager)).id;
    expect((await mutate(host, 'openTimeDeposit', { memberId: gita, productId: td, amount: 500_000 }, host.a.staff)).rule).toBe('BELOW_MINIMUM');
    const held = await ok(host, 'openTimeDeposit', { memberId: gita, productId: td, amount: 10_000_000 }, host.a.staff, '{ id maturityDate annualRateBp }');
    expect(held).toMatchObject({ maturityDate: '2026-10-02', annualRateBp: 600 });
    const early = await ok(host, 'openTimeDeposit', { memberId: hadi, productId: td, amount: 5_000_000 }, host.a.staff);
    host.clock.set(at('2026-05-02'));
    // before maturity: no interest, 1% of 5 000 000 = 50 000 kept
    const out = await ok(host, 'withdrawTimeDeposit', { depositId: early.id }, host.a.staff, '{ status interestPaid penaltyCharged }');
    expect(out).toEqual({ status: 'WITHDRAWN', interestPaid: 0, penaltyCharged: 50_000 });
    expect((await mutate(host, 'withdrawTimeDeposit', { depositId: early.id }, host.a.staff)).code).toBe('INVALID_STATE');
    host.clock.set(at('2026-10-02'));
    // 2 Apr - 2 Oct = 183 days: 10 000 000 × 6% × 183/365 = 300 821.9 -> 300 821
    const matured = await ok(host, 'withdrawTimeDeposit', { depositId: held.id }, host.a.staff, '{ interestPaid penaltyCharged }');
    expect(matured).toEqual({ interestPaid: 300_821, penaltyCharged: 0 });
    expect(await accountBalance(host, 'simpanpinjam.deposits', '2026-10-02')).toBe(0);
    expect(await accountBalance(host, 'simpanpinjam.penaltyIncome', '2026-10-02')).toBe(-50_000);
    expect(await accountBalance(host, 'simpanpinjam.savingsInterest', '2026-10-02')).toBe(8_399 + 300_821);
  });

  it("gives a member's statement: savings, time deposits and loans", async () => {
    const s = (
      await query(
        host,
        `query($cooperativeId: ID!, $m: ID!) { simpanpinjamMemberStatement(cooperativeId: $cooperativeId, memberId: $m, from: "2026-03-01", to: "2026-04-30") {
          savings { opening closing lines { kind amount } } timeDeposits { principal status } loans { principal status } } }`,
        { m: gita },
        host.a.supervisor,
      )
    ).simpanpinjamMemberStatement;
    expect(s.savings).toHaveLength(1);
    expect(s.savings[0].closing).toBe(1_403_057);
    expect(s.savings[0].lines.map((l: any) => l.kind)).toEqual(['DEPOSIT', 'WITHDRAWAL', 'DEPOSIT', 'INTEREST', 'WITHDRAWAL']);
    expect(s.timeDeposits).toEqual([{ principal: 10_000_000, status: 'WITHDRAWN' }]);
    expect(s.loans).toEqual([{ principal: 4_209_171, status: 'PENDING' }]);
  });
});
