import { createCoreContext, getFinancialPosition, postEntry, runMutation, totalsByKey, type JournalEntryInput } from '@kkmp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops, rawIds } from '../support/fixtures';

/**
 * A worked SHU year, end to end. Hand-computed figures:
 *   revenue: sales to Ani 1,000,000 + to Budi 400,000 (member) + walk-in 300,000 (non-member) = 1,700,000
 *   costs:   COGS 1,100,000 + salaries 209,999                                               = 1,309,999
 *   SHU = 390,001, default split (25/20/25/10/10/10):
 *     reserve 97,500.25 -> 97,500 (+1 leftover rupiah: largest remainder .25, tie with jasa usaha, listed first) = 97,501
 *     jasa modal 78,000.2 -> 78,000; jasa usaha 97,500.25 -> 97,500; pengurus, sosial, pendidikan 39,000.1 -> 39,000
 *   jasa modal 78,000 by pokok+wajib at year end: Ani 110,000, Budi 70,000, Citra 0 (total 180,000)
 *     Ani 47,666.67 -> 47,666 (+1, largest remainder) = 47,667; Budi 30,333.33 -> 30,333
 *   jasa usaha 97,500 by patronage: Ani 1,000,000, Budi 400,000 (total 1,400,000)
 *     Ani 69,642.86 -> 69,642 (+1) = 69,643; Budi 27,857.14 -> 27,857
 */
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi({ now: '2026-03-15T03:00:00Z' });
  f = await cityWithCoop(api, 'Kota SHU');
  for (const [name, sex] of [['Ani', 'FEMALE'], ['Budi', 'MALE'], ['Citra', 'FEMALE']] as const) {
    const r = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik(sex), name, address: 'Jl. SHU', joinDate: '2026-01-05' } }, f.manager);
    ids[name] = r.data.registerMember.data.id;
  }
  const pay = (who: string, kind: string, amount: number) => api.gql(ops.recordEquityPayment, { input: { memberId: ids[who], kind, amount, paidOn: '2026-03-01' } }, f.manager);
  await pay('Ani', 'POKOK', 50_000);
  await pay('Ani', 'WAJIB', 60_000);
  await pay('Budi', 'POKOK', 50_000);
  await pay('Budi', 'WAJIB', 20_000);

  // Sales with member patronage, as a shop unit posts them.
  const manager = () => createCoreContext({ db: api.db, clock: api.clock, principal: { userId: 'ketua', role: 'COOP_MANAGER', coopId: f.rawCoopId } });
  const post = (e: JournalEntryInput) => runMutation(manager(), { operation: 'testSale', tenant: { kind: 'coop', coopId: f.rawCoopId }, input: e }, (tx) => postEntry(manager(), tx, f.rawCoopId, e));
  const sale = (memberName: string | null, amount: number, cost: number, date: string) =>
    post({
      date,
      memo: 'penjualan',
      source: { kind: 'SALE', unitId: 'sembako', documentId: `${memberName}-${amount}` },
      lines: [
        { account: '1100', debit: amount, credit: 0, unitId: 'sembako' },
        { account: memberName ? '4110' : '4120', debit: 0, credit: amount, unitId: 'sembako' },
        { account: '5110', debit: cost, credit: 0, unitId: 'sembako' },
        { account: '1140', debit: 0, credit: cost, unitId: 'sembako' },
      ],
      ...(memberName ? { patronage: [{ memberId: rawIds(ids[memberName]!)[1]!, unitId: 'sembako', amount }] } : {}),
    });
  await post({ date: '2026-02-01', memo: 'stok awal', source: { kind: 'PURCHASE', documentId: 'p1' }, lines: [{ account: '1140', debit: 2_000_000, credit: 0, unitId: 'sembako' }, { account: '2110', debit: 0, credit: 2_000_000, unitId: 'sembako' }] });
  await sale('Ani', 1_000_000, 650_000, '2026-03-10');
  await sale('Budi', 400_000, 260_000, '2026-03-11');
  await sale(null, 300_000, 190_000, '2026-03-12');

  // Salaries through maker-checker: one manager drafts, another approves.
  const draft = await api.gql(
    `mutation($input: DraftJournalEntryInput!) { draftJournalEntry(input: $input) { ... on DraftJournalEntrySuccess { data { id } } } }`,
    { input: { cooperativeId: f.coopId, date: '2026-03-14', memo: 'Gaji kasir Maret', lines: [{ account: '6110', debit: 209_999 }, { account: '1100', credit: 209_999 }] } },
    f.manager,
  );
  const second = await api.token({ userId: 'bendahara', role: 'COOP_MANAGER', coopId: f.rawCoopId });
  await api.gql(`mutation($input: DecideJournalEntryInput!) { approveJournalEntry(input: $input) { __typename } }`, { input: { draftId: draft.data.draftJournalEntry.data.id } }, second);
});
afterAll(() => api.close());

const close = `mutation($input: CloseYearInput!) { closeYear(input: $input) { __typename
  ... on CloseYearSuccess { data { status shu revenue expenses members lines { key amount } } } ... on Error { code messageEn } } }`;
const rat = `mutation($input: RecordRatInput!) { recordRat(input: $input) { __typename
  ... on RecordRatSuccess { data { quorumMet totalMembers approvedShuDistribution } } ... on Error { code messageEn messageId } } }`;

describe('year close, SHU and the RAT', () => {
  it('presents hasil usaha in steps', async () => {
    const r = await api.gql(
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { ledger { results(from: "2026-01-01", to: "2026-12-31") { totalRevenue costOfGoods grossSurplus operatingExpenses surplusBeforeTax incomeTax surplus memberRevenue nonMemberRevenue } } } } }`,
      { id: f.coopId },
      f.manager,
    );
    expect(r.data.cooperative.ledger.results).toEqual({
      totalRevenue: 1_700_000,
      costOfGoods: 1_100_000,
      grossSurplus: 600_000,
      operatingExpenses: 209_999,
      surplusBeforeTax: 390_001,
      incomeTax: 0,
      surplus: 390_001,
      memberRevenue: 1_400_000,
      nonMemberRevenue: 300_000,
    });
  });

  it('refuses to close a year that has not ended', async () => {
    const res = await api.gql(close, { input: { cooperativeId: f.coopId, year: 2026 } }, f.manager);
    expect(res.data.closeYear.code).toBe('VALIDATION');
  });

  it('closes 2026 with the hand-computed SHU split, to the rupiah', async () => {
    api.clock.set('2027-02-01T03:00:00Z');
    const res = await api.gql(close, { input: { cooperativeId: f.coopId, year: 2026, idempotencyKey: 'close-2026-0001' } }, f.manager);
    expect(res.data.closeYear.data).toEqual({
      status: 'CLOSED',
      revenue: 1_700_000,
      expenses: 1_309_999,
      shu: 390_001,
      members: 3,
      lines: [
        { key: 'RESERVE', amount: 97_501 },
        { key: 'JASA_MODAL', amount: 78_000 },
        { key: 'JASA_USAHA', amount: 97_500 },
        { key: 'PENGURUS', amount: 39_000 },
        { key: 'SOSIAL', amount: 39_000 },
        { key: 'PENDIDIKAN', amount: 39_000 },
      ],
    });
    const shares = await api.gql(
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { shuYear(year: 2026) { shares { name equityBalance patronage jasaModal jasaUsaha total } } } } }`,
      { id: f.coopId },
      f.manager,
    );
    expect(shares.data.cooperative.shuYear.shares).toEqual([
      { name: 'Ani', equityBalance: 110_000, patronage: 1_000_000, jasaModal: 47_667, jasaUsaha: 69_643, total: 117_310 },
      { name: 'Budi', equityBalance: 70_000, patronage: 400_000, jasaModal: 30_333, jasaUsaha: 27_857, total: 58_190 },
      { name: 'Citra', equityBalance: 0, patronage: 0, jasaModal: 0, jasaUsaha: 0, total: 0 },
    ]);
    // Closed means closed: a second close is refused, and 2026 is locked for postings.
    expect((await api.gql(close, { input: { cooperativeId: f.coopId, year: 2026 } }, f.manager)).data.closeYear.code).toBe('INVALID_STATE');
    const late = await api.gql(ops.recordEquityPayment, { input: { memberId: ids.Citra, kind: 'POKOK', amount: 50_000, paidOn: '2026-12-31' } }, f.manager);
    expect(late.data.recordEquityPayment).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'input.paidOn' }] });
    expect(late.data.recordEquityPayment.fields[0].messageEn).toMatch(/locked through 2026-12/);
  });

  it('the RAT needs its quorum, and its approval posts the distribution', async () => {
    const noQuorum = await api.gql(rat, { input: { cooperativeId: f.coopId, date: '2027-01-30', financialYear: 2026, present: 0, approveShuDistribution: true } }, f.manager);
    expect(noQuorum.data.recordRat).toMatchObject({ code: 'INVALID_STATE' });
    expect(noQuorum.data.recordRat.messageId).toMatch(/tidak kuorum/);
    const ok = await api.gql(
      rat,
      { input: { cooperativeId: f.coopId, date: '2027-01-30', financialYear: 2026, present: 2, approveFinancialStatements: true, approveShuDistribution: true, decisions: ['Laporan 2026 disahkan', 'SHU dibagi sesuai AD/ART'] } },
      f.manager,
    );
    expect(ok.data.recordRat.data).toEqual({ quorumMet: true, totalMembers: 3, approvedShuDistribution: true });
    const pos = await api.gql(
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { ledger { financialPosition(asOf: "2027-01-31") { balanced liabilities { account amount } equity { account amount } } } } } }`,
      { id: f.coopId },
      f.manager,
    );
    const p = pos.data.cooperative.ledger.financialPosition;
    expect(p.balanced).toBe(true);
    const amount = (lines: { account: string; amount: number }[], account: string) => lines.find((l) => l.account === account)?.amount;
    expect(amount(p.equity, '3210')).toBe(97_501);
    expect(amount(p.liabilities, '2140')).toBe(175_500);
    expect(amount(p.liabilities, '2150')).toBe(39_000);
    // 2026's surplus was undistributed SHU (3320) until the RAT; now it sits in the reserve and the payables.
    expect(amount(p.equity, '3320')).toBeUndefined();
    expect(amount(p.equity, '3310')).toBeUndefined();
    const before = await api.gql(
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { ledger { financialPosition(asOf: "2027-01-29") { equity { account amount } } } } } }`,
      { id: f.coopId },
      f.manager,
    );
    expect(amount(before.data.cooperative.ledger.financialPosition.equity, '3320')).toBe(390_001);
    // The 2027 trial balance opens revenue and expenses at zero; 2026's result opens in 3320.
    const tb = await api.gql(
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { ledger { trialBalance(from: "2027-01-01", to: "2027-01-31") { totalDebit totalCredit lines { account openingDebit openingCredit debit credit closingCredit } } } } } }`,
      { id: f.coopId },
      f.manager,
    );
    const lines = tb.data.cooperative.ledger.trialBalance.lines;
    const line = (a: string) => lines.find((l: { account: string }) => l.account === a);
    expect(line('4110')).toBeUndefined();
    expect(line('6110')).toBeUndefined();
    expect(line('3320')).toMatchObject({ openingCredit: 390_001, debit: 390_001, closingCredit: 0 });
    expect(tb.data.cooperative.ledger.trialBalance.totalDebit).toBe(tb.data.cooperative.ledger.trialBalance.totalCredit);
  });

  it('the position totals the API reads by key equal the statement computed from the balances, after the year close', async () => {
    // Today is in 2027: sales, equity payments and manual entries of 2026, its close and the RAT's distribution are in.
    const q = `query($id: ID!, $asOf: Date!, $unitId: String) { cooperative(id: $id) { ... on Cooperative { ledger { financialPosition(asOf: $asOf, unitId: $unitId) {
      totalAssets totalLiabilities totalEquity currentSurplus currentAssets nonCurrentAssets currentLiabilities nonCurrentLiabilities balanced } } } } }`;
    const ctx = createCoreContext({ db: api.db, clock: api.clock, principal: { userId: 'ketua', role: 'COOP_MANAGER', coopId: f.rawCoopId } });
    const today = api.clock.now().toISOString().slice(0, 10);
    for (const unitId of [undefined, 'sembako']) {
      const scope = { coopId: f.rawCoopId, ...(unitId ? { unitId } : {}) };
      const byKey = await totalsByKey(ctx, scope, today);
      expect(byKey).toBeDefined();
      const { assets, liabilities, equity, asOf, ...computed } = await getFinancialPosition(ctx, scope, today);
      expect(byKey).toEqual(computed);
      const served = await api.gql(q, { id: f.coopId, asOf: today, unitId }, f.manager);
      expect(served.data.cooperative.ledger.financialPosition).toEqual(computed);
    }
    expect((await totalsByKey(ctx, { coopId: f.rawCoopId }, today))!.totalEquity).toBeGreaterThan(0);
  });

  it('a member reads their own SHU statement, not another member\'s', async () => {
    const ani = await api.token({ userId: 'ani', role: 'MEMBER', coopId: f.rawCoopId, memberId: rawIds(ids.Ani!)[1]! });
    const q = `query($id: ID!) { member(id: $id) { __typename ... on Member { shuStatement(year: 2026) { total } patronage(year: 2026) { unitId amount } } ... on Error { code } } }`;
    const own = (await api.gql(q, { id: ids.Ani }, ani)).data.member;
    expect(own.shuStatement.total).toBe(117_310);
    expect(own.patronage).toEqual([{ unitId: 'sembako', amount: 1_000_000 }]);
    expect((await api.gql(q, { id: ids.Budi }, ani)).data.member.code).toBe('FORBIDDEN');
  });
});
