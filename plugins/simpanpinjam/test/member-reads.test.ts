import { decodeId } from '@kkmp/plugin-sdk';
import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';
import { at, ok, registerMember } from './support';

const MINE = `query($cooperativeId: ID!) {
  simpanpinjamMySavings(cooperativeId: $cooperativeId) { id memberId balance productName }
  simpanpinjamMyTimeDeposits(cooperativeId: $cooperativeId) { id memberId principal }
  simpanpinjamMyLoans(cooperativeId: $cooperativeId) { id memberId status principalOutstanding nextDue { dueDate amount } }
}`;

/**
 * Issue 12, correction 5: a member (MEMBER, its token naming its member record) reads its own savings,
 * time deposits and loans, and nobody else's: another member's record is a typed FORBIDDEN that nulls
 * that field alone.
 */
describe("simpanpinjam: a member reads its own savings, deposits and loans", () => {
  let host: UnitTestHost;
  const ani: Record<string, string> = {};
  const budi: Record<string, string> = {};
  const memberToken = (memberId: string, coopId = host.a.rawId) => host.token({ userId: `anggota-${memberId}`, role: 'MEMBER', coopId, memberId: (decodeId(memberId, 'Member', 'memberId', 2) as string[])[1]! });
  const ask = (doc: string, variables: Record<string, unknown>, token: string) => host.gql(doc, { cooperativeId: host.a.id, ...variables }, token);

  beforeAll(async () => {
    host = await startUnitTestHost([unit], { now: at('2026-01-15') });
    await host.enable(host.a, 'simpanpinjam', {});
    const savings = (await ok(host, 'createSavingsProduct', { name: 'Sukarela', kind: 'SAVINGS', annualRateBp: 300 }, host.a.manager)).id;
    const berjangka = (await ok(host, 'createSavingsProduct', { name: 'Berjangka', kind: 'TIME_DEPOSIT', annualRateBp: 600, termMonths: 6 }, host.a.manager)).id;
    const loanProduct = (await ok(host, 'createLoanProduct', { name: 'Flat', interestMethod: 'FLAT', annualRateBp: 1800, minAmount: 100_000, maxAmount: 10_000_000, minTermMonths: 1, maxTermMonths: 24 }, host.a.manager)).id;
    for (const [who, name, amount] of [[ani, 'Ani Suryani', 250_000], [budi, 'Budi Santoso', 75_000]] as const) {
      who.member = await registerMember(host, name);
      who.account = (await ok(host, 'openSavingsAccount', { memberId: who.member, productId: savings }, host.a.staff)).id;
      await ok(host, 'deposit', { accountId: who.account, amount }, host.a.staff);
      const entered = await ok(host, 'applyForLoan', { memberId: who.member, productId: loanProduct, amount: 600_000, termMonths: 3, purpose: 'Usaha' }, host.a.staff);
      await ok(host, 'approveLoan', { loanId: entered.id }, host.a.manager);
      who.loan = (await ok(host, 'disburseLoan', { loanId: entered.id }, host.a.staff)).id;
      who.token = await memberToken(who.member);
    }
    ani.deposit = (await ok(host, 'openTimeDeposit', { memberId: ani.member, productId: berjangka, amount: 1_000_000 }, host.a.staff)).id;
  }, 60_000);
  afterAll(() => host.close());

  it("answers a member with its own savings accounts, time deposits and loans, and nobody else's", async () => {
    const res = await ask(MINE, {}, ani.token!);
    expect(res.errors).toBeUndefined();
    expect(res.data.simpanpinjamMySavings).toEqual([{ id: ani.account, memberId: ani.member, balance: 250_000, productName: 'Sukarela' }]);
    expect(res.data.simpanpinjamMyTimeDeposits).toEqual([{ id: ani.deposit, memberId: ani.member, principal: 1_000_000 }]);
    // 600 000 flat 1.5% a month: 200 000 + 9 000 due 15 Feb
    expect(res.data.simpanpinjamMyLoans).toEqual([{ id: ani.loan, memberId: ani.member, status: 'ACTIVE', principalOutstanding: 600_000, nextDue: { dueDate: '2026-02-15', amount: 209_000 } }]);
    const other = await ask(MINE, {}, budi.token!);
    expect(other.data.simpanpinjamMySavings.map((a: any) => a.balance)).toEqual([75_000]);
    expect(other.data.simpanpinjamMyTimeDeposits).toEqual([]);
  });

  it("refuses another member's loan or statement with FORBIDDEN, nulling that field alone", async () => {
    const res = await ask(
      `query($cooperativeId: ID!, $own: ID!, $other: ID!, $account: ID!) {
        simpanpinjamMySavings(cooperativeId: $cooperativeId) { balance }
        mine: simpanpinjamMyLoan(cooperativeId: $cooperativeId, id: $own) { id principal }
        theirs: simpanpinjamMyLoan(cooperativeId: $cooperativeId, id: $other) { id principal }
        statement: simpanpinjamMySavingsStatement(cooperativeId: $cooperativeId, accountId: $account) { closing }
      }`,
      { own: ani.loan, other: budi.loan, account: budi.account },
      ani.token!,
    );
    expect(res.data).toEqual({ simpanpinjamMySavings: [{ balance: 250_000 }], mine: { id: ani.loan, principal: 600_000 }, theirs: null, statement: null });
    expect(res.errors!.map((e) => [e.path?.[0], e.extensions?.code]).sort()).toEqual([
      ['statement', 'FORBIDDEN'],
      ['theirs', 'FORBIDDEN'],
    ]);
    expect(res.errors!.find((e) => e.path?.[0] === 'theirs')!.extensions).toMatchObject({

      messageEn: 'a member sees only its own savings, time deposits and loans',
      messageId: 'anggota hanya dapat melihat simpanan, simpanan berjangka, dan pinjamannya sendiri',
    });
    const own = await ask(`query($cooperativeId: ID!, $account: ID!) { simpanpinjamMySavingsStatement(cooperativeId: $cooperativeId, accountId: $account) { opening closing lines { kind amount } } }`, { account: ani.account }, ani.token!);
    expect(own.data.simpanpinjamMySavingsStatement).toEqual({ opening: 0, closing: 250_000, lines: [{ kind: 'DEPOSIT', amount: 250_000 }] });
  });

  it('keeps the staff reads closed to members; the member reads answer only a sign-in naming a member of this cooperative', async () => {
    const staffRead = await ask(`query($cooperativeId: ID!, $m: ID!) { simpanpinjamLoans(cooperativeId: $cooperativeId, memberId: $m) { id } }`, { m: ani.member }, ani.token!);
    expect(staffRead.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Staff whose sign-in names no member have no "own" records.
    const manager = await ask(MINE, {}, host.a.manager);
    expect(manager.data).toEqual({ simpanpinjamMySavings: null, simpanpinjamMyTimeDeposits: null, simpanpinjamMyLoans: null });
    expect(manager.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(manager.errors![0]!.extensions?.messageId).toBe('akun Anda tidak terhubung dengan anggota: ini simpanan dan pinjaman milik anggota sendiri');
    // A board member who is a member too reads its own through the same queries.
    const pengurus = await host.token({ userId: 'manager-budi', role: 'COOP_MANAGER', coopId: host.a.rawId, memberId: (decodeId(budi.member!, 'Member', 'memberId', 2) as string[])[1]! });
    expect((await ask(MINE, {}, pengurus)).data.simpanpinjamMyLoans.map((l: any) => l.id)).toEqual([budi.loan]);
    const outsider = await host.token({ userId: 'anggota-lain', role: 'MEMBER', coopId: host.b.rawId, memberId: 'x' });
    expect((await ask(MINE, {}, outsider)).errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });
});
