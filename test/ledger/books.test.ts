import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';
import { businessItems, outcome } from '../support/outcome';

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let second: string;
beforeAll(async () => {
  api = await startTestApi({ now: '2026-05-20T03:00:00Z' });
  f = await cityWithCoop(api, 'Kota Buku');
  second = await api.token({ userId: 'bendahara', role: 'COOP_MANAGER', coopId: f.rawCoopId });
});
afterAll(() => api.close());

const draft = `mutation($input: DraftJournalEntryInput!) { draftJournalEntry(input: $input) { __typename
  ... on DraftJournalEntrySuccess { data { id status } } ... on ValidationError { code fields { field messageEn } } ... on Error { code } } }`;
const approve = `mutation($input: DecideJournalEntryInput!) { approveJournalEntry(input: $input) { __typename
  ... on ApproveJournalEntrySuccess { data { id date total lines { account debit credit } } } ... on Error { code messageEn } } }`;
const reverse = `mutation($input: ReverseJournalEntryInput!) { reverseJournalEntry(input: $input) { __typename
  ... on ReverseJournalEntrySuccess { data { id reverses status lines { account debit credit } } } ... on Error { code messageEn } } }`;
const position = `query($id: ID!, $asOf: Date!) { cooperative(id: $id) { ... on Cooperative { ledger {
  financialPosition(asOf: $asOf) { balanced totalAssets totalLiabilities totalEquity currentAssets nonCurrentAssets }
  trialBalance(from: "2026-01-01", to: "2026-12-31") { totalDebit totalCredit lines { account debit credit } } } } } }`;
const rent = (date: string, amount = 1_500_000) => ({ cooperativeId: f.coopId, date, memo: 'Sewa kios', lines: [{ account: '6120', debit: amount }, { account: '1100', credit: amount }] });

async function postManual(date: string, amount?: number) {
  const d = await api.gql(draft, { input: rent(date, amount) }, f.manager);
  return api.gql(approve, { input: { draftId: d.data.draftJournalEntry.data.id } }, second);
}

describe('equity payments post to the books by themselves', () => {
  it('a simpanan pokok in cash shows as cash = member equity', async () => {
    const m = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik(), name: 'Dodi', address: 'Jl. Buku 1', joinDate: '2026-04-01' } }, f.manager);
    await api.gql(ops.recordEquityPayment, { input: { memberId: m.data.registerMember.data.id, kind: 'POKOK', amount: 50_000, paidOn: '2026-04-02' } }, f.manager);
    await api.gql(ops.recordEquityPayment, { input: { memberId: m.data.registerMember.data.id, kind: 'WAJIB', amount: 20_000, method: 'QRIS', paidOn: '2026-04-03' } }, f.manager);
    const res = await api.gql(position, { id: f.coopId, asOf: '2026-04-30' }, f.manager);
    const l = res.data.cooperative.ledger;
    expect(l.financialPosition).toEqual({ balanced: true, totalAssets: 70_000, totalLiabilities: 0, totalEquity: 70_000, currentAssets: 70_000, nonCurrentAssets: 0 });
    expect(l.trialBalance.lines).toEqual(
      expect.arrayContaining([
        { account: '1100', debit: 50_000, credit: 0 },
        { account: '1110', debit: 20_000, credit: 0 },
        { account: '3110', debit: 0, credit: 50_000 },
        { account: '3120', debit: 0, credit: 20_000 },
      ]),
    );
  });
});

describe('manual entries: maker-checker, balanced, immutable, reversible once, refused in a locked period', () => {
  it('the maker cannot approve their own draft; another manager can', async () => {
    const d = await api.gql(draft, { input: rent('2026-05-01') }, f.manager);
    expect(d.data.draftJournalEntry.data.status).toBe('DRAFT');
    const self = await api.gql(approve, { input: { draftId: d.data.draftJournalEntry.data.id } }, f.manager);
    expect(self.data.approveJournalEntry.code).toBe('FORBIDDEN');
    const ok = await api.gql(approve, { input: { draftId: d.data.draftJournalEntry.data.id } }, second);
    expect(ok.data.approveJournalEntry.data).toMatchObject({ date: '2026-05-01', total: 1_500_000 });
    expect((await api.gql(approve, { input: { draftId: d.data.draftJournalEntry.data.id } }, second)).data.approveJournalEntry.code).toBe('INVALID_STATE');
  });

  it('an unbalanced entry is refused, naming the lines, and nothing is written', async () => {
    const before = await businessItems(api.db);
    const res = await api.gql(draft, { input: { ...rent('2026-05-02'), lines: [{ account: '6120', debit: 1_000 }, { account: '1100', credit: 999 }] } }, f.manager);
    expect(res.data.draftJournalEntry.code).toBe('VALIDATION');
    expect(res.data.draftJournalEntry.fields[0]).toMatchObject({ field: 'input.lines', messageEn: expect.stringMatching(/unbalanced: debits Rp1,000, credits Rp999/) });
    const unknown = await api.gql(draft, { input: { ...rent('2026-05-02'), lines: [{ account: '9999', debit: 1_000 }, { account: '1100', credit: 1_000 }] } }, f.manager);
    expect(unknown.data.draftJournalEntry.fields[0].field).toBe('input.lines.0.account');
    expect(await businessItems(api.db)).toEqual(before);
  });

  it('posted entries cannot be edited: there is no operation for it, only a reversing entry, once', async () => {
    const { data } = await api.gql(`{ __schema { mutationType { fields { name } } } }`, {}, f.manager);
    const names: string[] = data.__schema.mutationType.fields.map((x: { name: string }) => x.name);
    expect(names.filter((n) => /journal/i.test(n)).sort()).toEqual(['approveJournalEntry', 'draftJournalEntry', 'rejectJournalEntry', 'reverseJournalEntry']);

    const posted = await postManual('2026-05-03', 250_000);
    const entryId = posted.data.approveJournalEntry.data.id;
    // A reversal is itself maker-checker: drafted by one manager, posted by another, and only once.
    const rev = await api.gql(reverse, { input: { entryId, memo: 'salah catat' } }, f.manager);
    expect(rev.data.reverseJournalEntry.data).toMatchObject({ status: 'DRAFT', lines: [{ account: '6120', debit: 0, credit: 250_000 }, { account: '1100', debit: 250_000, credit: 0 }] });
    const twin = await api.gql(reverse, { input: { entryId, memo: 'dobel' } }, f.manager);
    expect((await api.gql(approve, { input: { draftId: rev.data.reverseJournalEntry.data.id } }, f.manager)).data.approveJournalEntry.code).toBe('FORBIDDEN');
    const posted2 = await api.gql(approve, { input: { draftId: rev.data.reverseJournalEntry.data.id } }, second);
    expect(posted2.data.approveJournalEntry.data).toMatchObject({ total: 250_000 });
    expect((await api.gql(approve, { input: { draftId: twin.data.reverseJournalEntry.data.id } }, second)).data.approveJournalEntry.code).toBe('INVALID_STATE');
    expect((await api.gql(reverse, { input: { entryId, memo: 'lagi' } }, f.manager)).data.reverseJournalEntry.code).toBe('INVALID_STATE');
    const journal = await api.gql(
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { ledger { journal(from: "2026-05-03", to: "2026-05-20") { edges { node { id total reverses sourceKind } } } } } } }`,
      { id: f.coopId },
      f.manager,
    );
    const original = journal.data.cooperative.ledger.journal.edges.find((e: any) => e.node.id === entryId).node;
    expect(original).toMatchObject({ total: 250_000, reverses: null, sourceKind: 'MANUAL' });
  });

  it('a locked period refuses postings of every kind; locks only move forward', async () => {
    const lock = `mutation($input: LockPeriodInput!) { lockPeriod(input: $input) { __typename ... on LockPeriodSuccess { data { lockedThrough } } ... on ValidationError { fields { field } } ... on Error { code } } }`;
    expect((await api.gql(lock, { input: { cooperativeId: f.coopId, through: '2026-04' } }, f.manager)).data.lockPeriod.data.lockedThrough).toBe('2026-04');
    expect((await api.gql(lock, { input: { cooperativeId: f.coopId, through: '2026-03' } }, f.manager)).data.lockPeriod.fields[0].field).toBe('input.through');
    const before = await businessItems(api.db);
    // A business date in a locked period is refused by the one business-date rule, naming the date field.
    const late = await api.gql(draft, { input: rent('2026-04-30') }, f.manager);
    expect(late.data.draftJournalEntry).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'input.date' }] });
    const m = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik(), name: 'Eka', address: 'Jl. Buku 2', joinDate: '2026-04-01' } }, f.manager);
    const afterMember = await businessItems(api.db);
    const pay = await api.gql(ops.recordEquityPayment, { input: { memberId: m.data.registerMember.data.id, kind: 'POKOK', amount: 50_000, paidOn: '2026-04-15' } }, f.manager);
    expect(pay.data.recordEquityPayment).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'input.paidOn' }] });
    expect(await businessItems(api.db)).toEqual(afterMember);
    expect(before.length).toBeLessThan(afterMember.length);
    expect(outcome(await postManual('2026-05-10'), 'approveJournalEntry')).toBe('OK');
  });

  it('statements: consolidated and per unit, member and non-member revenue apart, cash flow, supervisors and the city read them', async () => {
    const supervisor = await api.token({ userId: 'pengawas', role: 'SUPERVISOR', coopId: f.rawCoopId });
    const q = `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { ledger {
      results(from: "2026-01-01", to: "2026-12-31") { totalRevenue totalExpenses surplus memberRevenue nonMemberRevenue costOfGoods grossSurplus operatingExpenses surplusBeforeTax incomeTax }
      cashFlow(from: "2026-01-01", to: "2026-12-31") { operating financing netChange closingCash openingCash }
      changesInEquity(from: "2026-01-01", to: "2026-12-31") { openingTotal closingTotal surplus rows { account change } }
      generalLedger(account: "1100", from: "2026-01-01", to: "2026-12-31") { debit credit balance } } } } }`;
    for (const token of [supervisor, f.cityAdmin]) {
      // The city reads statements; journal lines (which name members) stay inside the cooperative.
      const r = await api.gql(token === f.cityAdmin ? q.replace(/generalLedger[^}]*\}/, '') : q, { id: f.coopId }, token);
      expect(r.errors).toBeUndefined();
      const l = r.data.cooperative.ledger;
      // Rent 1,500,000 (May 1) + 1,500,000 (May 10); the 250,000 entry was reversed.
      expect(l.results).toEqual({
        totalRevenue: 0,
        totalExpenses: 3_000_000,
        surplus: -3_000_000,
        memberRevenue: 0,
        nonMemberRevenue: 0,
        costOfGoods: 0,
        grossSurplus: 0,
        operatingExpenses: 3_000_000,
        surplusBeforeTax: -3_000_000,
        incomeTax: 0,
      });
      expect(l.cashFlow).toMatchObject({ financing: 70_000, operating: -3_000_000, netChange: -2_930_000, openingCash: 0, closingCash: -2_930_000 });
      expect(l.changesInEquity).toMatchObject({ openingTotal: 0, closingTotal: -2_930_000, surplus: -3_000_000 });
      if (token === supervisor) expect(l.generalLedger.at(-1).balance).toBe(50_000 - 3_000_000);
    }
    const cityJournal = await api.gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { ledger { generalLedger(account: "1100", from: "2026-01-01", to: "2026-12-31") { memo } } } } }`, { id: f.coopId }, f.cityAdmin);
    expect(cityJournal.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const member = await api.token({ userId: 'anggota', role: 'COOP_STAFF', coopId: f.rawCoopId });
    const denied = await api.gql(q, { id: f.coopId }, member);
    expect(denied.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
