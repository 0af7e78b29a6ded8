import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';
import { businessItems, outcome } from '../support/outcome';

/**
 * RAPBK over HTTP against DynamoDB Local: draft -> approve at the RAT -> read-only (a revision is a new
 * version); field-level validation; budget against actual after real postings, with hand-computed
 * variances; the final income tax estimate crossing the threshold mid-year; tenancy.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ now: '2026-12-20T03:00:00Z' });
});
afterAll(() => api.close());

type Coop = Awaited<ReturnType<typeof cityWithCoop>> & { second: string };
async function coop(name: string): Promise<Coop> {
  const c = await cityWithCoop(api, name);
  const second = await api.token({ userId: `bendahara-${c.rawCoopId}`, role: 'COOP_MANAGER', coopId: c.rawCoopId });
  return { ...c, second };
}

const BUDGET_FIELDS = `id year version status notes lines { account unitId months total } approval { meetingDate ratReference recordedBy }`;
const setBudget = `mutation($input: SetBudgetInput!) { setBudget(input: $input) { __typename
  ... on SetBudgetSuccess { data { ${BUDGET_FIELDS} } }
  ... on ValidationError { code fields { field messageEn messageId } }
  ... on Error { code messageEn messageId } } }`;
const approveBudget = `mutation($input: ApproveBudgetInput!) { approveBudget(input: $input) { __typename
  ... on ApproveBudgetSuccess { data { ${BUDGET_FIELDS} } }
  ... on ValidationError { code fields { field messageEn messageId } }
  ... on NotFoundError { code field }
  ... on Error { code messageEn messageId } } }`;
const setTax = `mutation($input: SetTaxSettingsInput!) { setTaxSettings(input: $input) { __typename
  ... on SetTaxSettingsSuccess { data { rateBp threshold effectiveFromYear } }
  ... on ValidationError { code fields { field messageEn messageId } }
  ... on Error { code messageEn } } }`;
const readBudget = `query($id: ID!, $year: Int!, $version: Int) { cooperative(id: $id) { __typename ... on Error { code } ... on Cooperative { ledger {
  budget(year: $year, version: $version) { ${BUDGET_FIELDS} }
  budgetVersions(year: $year) { version status } } } } }`;
const CELL = 'budget actual variance varianceBp';
const SERIES = `months { month ${CELL} } total { ${CELL} }`;
const readBva = `query($id: ID!, $year: Int!, $unitId: String) { cooperative(id: $id) { __typename ... on Error { code } ... on Cooperative { ledger {
  budgetVsActual(year: $year, unitId: $unitId) { year unitId budgetVersion budgetStatus
    rows { account kind name { id en } ${SERIES} } revenue { ${SERIES} } expenses { ${SERIES} } surplus { ${SERIES} } } } } } }`;
const readTax = `query($id: ID!, $year: Int!) { cooperative(id: $id) { __typename ... on Error { code } ... on Cooperative { ledger {
  taxEstimate(year: $year) { year rateBp threshold effectiveFromYear turnoverAccounts totalTurnover totalTaxDue thresholdExceededIn
    months { month turnover cumulativeTurnover taxDue finalRegime } } } } } }`;
const readTaxSettings = `query($id: ID!, $year: Int) { cooperative(id: $id) { __typename ... on Error { code } ... on Cooperative { ledger { taxSettings(year: $year) { rateBp threshold effectiveFromYear } } } } }`;
const draft = `mutation($input: DraftJournalEntryInput!) { draftJournalEntry(input: $input) { __typename
  ... on DraftJournalEntrySuccess { data { id } } ... on Error { code messageEn } } }`;
const approveEntry = `mutation($input: DecideJournalEntryInput!) { approveJournalEntry(input: $input) { __typename
  ... on ApproveJournalEntrySuccess { data { id total } } ... on Error { code messageEn } } }`;

const twelve = (amount: number) => Array<number>(12).fill(amount);

/** A manual entry drafted by one manager and approved (posted) by another: debit then credit account. */
async function post(c: Coop, date: string, debit: [string, string?], credit: [string, string?], amount: number) {
  const line = ([account, unitId]: [string, string?], side: 'debit' | 'credit') => ({ account, ...(unitId ? { unitId } : {}), [side]: amount });
  const d = await api.gql(draft, { input: { cooperativeId: c.coopId, date, memo: `entry ${date}`, lines: [line(debit, 'debit'), line(credit, 'credit')] } }, c.manager);
  expect(d.data.draftJournalEntry.__typename).toBe('DraftJournalEntrySuccess');
  const a = await api.gql(approveEntry, { input: { draftId: d.data.draftJournalEntry.data.id } }, c.second);
  expect(a.data.approveJournalEntry).toMatchObject({ __typename: 'ApproveJournalEntrySuccess', data: { total: amount } });
}

const ledgerOf = (res: { data: any }) => res.data.cooperative.ledger;

describe('RAPBK lifecycle: draft, approval at the RAT, read-only, revisions as new versions', () => {
  let a: Coop;
  beforeAll(async () => {
    a = await coop('Kota Anggaran');
  });

  it('a manager drafts and replaces the draft; an idempotent retry writes nothing more', async () => {
    const first = await api.gql(
      setBudget,
      { input: { idempotencyKey: 'rapbk-2027-a', cooperativeId: a.coopId, year: 2027, notes: 'Rancangan awal', lines: [{ account: '6120', months: twelve(1_000_000) }, { account: '4110', unitId: 'sembako', months: twelve(10_000_000) }] } },
      a.manager,
    );
    expect(first.data.setBudget.data).toMatchObject({
      year: 2027,
      version: 1,
      status: 'DRAFT',
      notes: 'Rancangan awal',
      approval: null,
      // Lines come back ordered by account.
      lines: [
        { account: '4110', unitId: 'sembako', months: twelve(10_000_000), total: 120_000_000 },
        { account: '6120', unitId: null, months: twelve(1_000_000), total: 12_000_000 },
      ],
    });
    const again = await api.gql(
      setBudget,
      { input: { idempotencyKey: 'rapbk-2027-a', cooperativeId: a.coopId, year: 2027, notes: 'Rancangan awal', lines: [{ account: '6120', months: twelve(1_000_000) }, { account: '4110', unitId: 'sembako', months: twelve(10_000_000) }] } },
      a.manager,
    );
    expect(again.data.setBudget.data).toEqual(first.data.setBudget.data);

    // A second set replaces the draft whole (same version; the notes are gone because not sent).
    const replaced = await api.gql(setBudget, { input: { cooperativeId: a.coopId, year: 2027, lines: [{ account: '4110', unitId: 'sembako', months: twelve(12_000_000) }] } }, a.second);
    expect(replaced.data.setBudget.data).toMatchObject({ version: 1, status: 'DRAFT', notes: null, lines: [{ account: '4110', months: twelve(12_000_000), total: 144_000_000 }] });
    const read = await api.gql(readBudget, { id: a.coopId, year: 2027 }, a.manager);
    expect(ledgerOf(read).budget).toEqual(replaced.data.setBudget.data);
    expect(ledgerOf(read).budgetVersions).toEqual([{ version: 1, status: 'DRAFT' }]);
  });

  it('approval records the meeting; the approved version is read-only; setting again starts version 2', async () => {
    const future = await api.gql(approveBudget, { input: { cooperativeId: a.coopId, year: 2027, version: 1, meetingDate: '2026-12-21', ratReference: 'RAT 2026' } }, a.manager);
    expect(future.data.approveBudget).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'input.meetingDate' }] });
    const missing = await api.gql(approveBudget, { input: { cooperativeId: a.coopId, year: 2027, version: 2, meetingDate: '2026-12-15', ratReference: 'RAT 2026' } }, a.manager);
    expect(missing.data.approveBudget).toMatchObject({ code: 'NOT_FOUND', field: 'input.version' });

    const ok = await api.gql(approveBudget, { input: { idempotencyKey: 'approve-2027-v1', cooperativeId: a.coopId, year: 2027, version: 1, meetingDate: '2026-12-15', ratReference: 'RAT 2026, keputusan no. 3' } }, a.manager);
    expect(ok.data.approveBudget.data).toMatchObject({
      version: 1,
      status: 'APPROVED',
      approval: { meetingDate: '2026-12-15', ratReference: 'RAT 2026, keputusan no. 3', recordedBy: expect.stringMatching(/^manager-/) },
    });
    // The retry answers alike; approving again is refused.
    const retry = await api.gql(approveBudget, { input: { idempotencyKey: 'approve-2027-v1', cooperativeId: a.coopId, year: 2027, version: 1, meetingDate: '2026-12-15', ratReference: 'RAT 2026, keputusan no. 3' } }, a.manager);
    expect(retry.data.approveBudget.data).toEqual(ok.data.approveBudget.data);
    const twice = await api.gql(approveBudget, { input: { cooperativeId: a.coopId, year: 2027, version: 1, meetingDate: '2026-12-16', ratReference: 'RAT lagi' } }, a.manager);
    expect(twice.data.approveBudget).toMatchObject({ code: 'INVALID_STATE', messageEn: expect.stringMatching(/already approved and read-only/) });

    // A revision: version 2 as a draft; version 1 stays exactly as approved.
    const revision = await api.gql(setBudget, { input: { cooperativeId: a.coopId, year: 2027, notes: 'Revisi', lines: [{ account: '4110', unitId: 'sembako', months: twelve(15_000_000) }] } }, a.manager);
    expect(revision.data.setBudget.data).toMatchObject({ version: 2, status: 'DRAFT', approval: null });
    const v1 = await api.gql(readBudget, { id: a.coopId, year: 2027, version: 1 }, a.manager);
    expect(ledgerOf(v1).budget).toEqual(ok.data.approveBudget.data);
    expect(ledgerOf(v1).budgetVersions).toEqual([{ version: 1, status: 'APPROVED' }, { version: 2, status: 'DRAFT' }]);
    const latest = await api.gql(readBudget, { id: a.coopId, year: 2027 }, a.manager);
    expect(ledgerOf(latest).budget).toMatchObject({ version: 2, lines: [{ months: twelve(15_000_000) }] });

    // Another year is separate.
    const none = await api.gql(readBudget, { id: a.coopId, year: 2028 }, a.manager);
    expect(ledgerOf(none)).toEqual({ budget: null, budgetVersions: [] });
  });

  it('every budget mutation is audited, refusals included', async () => {
    const log = await api.gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { auditLog(first: 100) { edges { node { operation outcome } } } } } }`, { id: a.coopId }, a.manager);
    const entries = log.data.cooperative.auditLog.edges.map((e: any) => `${e.node.operation}:${e.node.outcome}`);
    expect(entries.filter((e: string) => e.startsWith('setBudget')).sort()).toEqual(['setBudget:OK', 'setBudget:OK', 'setBudget:OK']);
    expect(entries.filter((e: string) => e.startsWith('approveBudget')).sort()).toEqual(['approveBudget:INVALID_STATE', 'approveBudget:NOT_FOUND', 'approveBudget:OK', 'approveBudget:VALIDATION']);
  });
});

describe('RAPBK input is validated field by field', () => {
  let v: Coop;
  beforeAll(async () => {
    v = await coop('Kota Validasi');
  });

  it('names each bad field with its path and writes nothing', async () => {
    const before = await businessItems(api.db);
    const res = await api.gql(
      setBudget,
      {
        input: {
          cooperativeId: v.coopId,
          year: 1999,
          lines: [
            { account: '4110', months: [1, 2, -3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
            { account: '9999', months: twelve(1) },
            { account: '6120', months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
            { account: '6110', unitId: 'Toko Besar', months: twelve(1) },
            { account: '6130', months: [2_000_000_000_000, ...twelve(0).slice(1)] },
          ],
        },
      },
      v.manager,
    );
    expect(res.data.setBudget.code).toBe('VALIDATION');
    const fields = res.data.setBudget.fields;
    expect(fields.map((f: any) => f.field).sort()).toEqual(
      ['input.lines.0.months.2', 'input.lines.1.account', 'input.lines.2.months', 'input.lines.3.unitId', 'input.lines.4.months.0', 'input.year'].sort(),
    );
    expect(fields.find((f: any) => f.field === 'input.lines.1.account')).toMatchObject({ messageEn: 'unknown account 9999', messageId: 'akun 9999 tidak dikenal' });
    expect(fields.find((f: any) => f.field === 'input.lines.0.months.2')).toMatchObject({ messageEn: 'must not be negative', messageId: 'tidak boleh negatif' });
    expect(fields.find((f: any) => f.field === 'input.lines.2.months')).toMatchObject({ messageEn: 'needs 12 monthly amounts, January to December' });

    const duplicate = await api.gql(
      setBudget,
      { input: { cooperativeId: v.coopId, year: 2026, lines: [{ account: '4110', unitId: 'sembako', months: twelve(1) }, { account: '4110', months: twelve(1) }, { account: '4110', unitId: 'sembako', months: twelve(2) }] } },
      v.manager,
    );
    expect(duplicate.data.setBudget.fields).toEqual([{ field: 'input.lines.2.account', messageEn: 'repeats line 0 (same account and unit)', messageId: 'mengulang baris 0 (akun dan unit sama)' }]);
    const empty = await api.gql(setBudget, { input: { cooperativeId: v.coopId, year: 2026, lines: [] } }, v.manager);
    expect(empty.data.setBudget.fields).toEqual([expect.objectContaining({ field: 'input.lines', messageEn: 'a budget needs at least one line' })]);

    const tax = await api.gql(setTax, { input: { cooperativeId: v.coopId, effectiveFromYear: 1990, rateBp: 10_001, threshold: 0 } }, v.manager);
    expect(tax.data.setTaxSettings.fields.map((f: any) => f.field).sort()).toEqual(['input.effectiveFromYear', 'input.rateBp', 'input.threshold']);
    expect(await businessItems(api.db)).toEqual(before);
  });
});

describe('RAPBK limits and concurrency', () => {
  let c: Coop;
  beforeAll(async () => {
    c = await coop('Kota Batas');
  });

  it('the largest budget (500 lines of Rp1 trillion a month) fits one item; line 501 is refused', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => ({ account: i % 2 ? '4110' : '6150', unitId: `u${i}`, months: twelve(1_000_000_000_000) }));
    const ok = await api.gql(setBudget, { input: { cooperativeId: c.coopId, year: 2030, lines } }, c.manager);
    expect(ok.data.setBudget.__typename).toBe('SetBudgetSuccess');
    expect(ok.data.setBudget.data.lines).toHaveLength(500);
    const r = ledgerOf(await api.gql(readBva, { id: c.coopId, year: 2030 }, c.manager)).budgetVsActual;
    // 250 lines x 12 x Rp1 trillion = Rp3,000 trillion: still exact whole rupiah.
    expect(r.revenue.total).toEqual({ budget: 3_000_000_000_000_000, actual: 0, variance: -3_000_000_000_000_000, varianceBp: -10000 });
    const tooMany = await api.gql(setBudget, { input: { cooperativeId: c.coopId, year: 2030, lines: [...lines, { account: '4120', months: twelve(1) }] } }, c.manager);
    expect(tooMany.data.setBudget.fields).toEqual([expect.objectContaining({ field: 'input.lines', messageEn: 'at most 500 lines' })]);
  });

  it('managers setting the same new year at once end with one draft version', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => api.gql(setBudget, { input: { cooperativeId: c.coopId, year: 2031, lines: [{ account: '4110', months: twelve(n) }] } }, n % 2 ? c.manager : c.second)),
    );
    expect(results.map((r) => r.data.setBudget.data?.version)).toEqual([1, 1, 1, 1, 1]);
    const read = ledgerOf(await api.gql(readBudget, { id: c.coopId, year: 2031 }, c.manager));
    expect(read.budgetVersions).toEqual([{ version: 1, status: 'DRAFT' }]);
    // The stored draft is one of the five, whole.
    expect(results.map((r) => r.data.setBudget.data.lines)).toContainEqual(read.budget.lines);
  });
});

describe('budget against actual, from the maintained balances', () => {
  let b: Coop;
  beforeAll(async () => {
    b = await coop('Kota Realisasi');
    const set = await api.gql(
      setBudget,
      {
        input: {
          cooperativeId: b.coopId,
          year: 2026,
          lines: [
            { account: '4110', unitId: 'sembako', months: twelve(10_000_000) },
            { account: '4120', unitId: 'sembako', months: [0, ...twelve(8_000_000).slice(1)] },
            { account: '6120', months: twelve(1_000_000) },
            // Budgets may cover other accounts too (a planned stock build-up).
            { account: '1140', unitId: 'sembako', months: [5_000_000, ...twelve(0).slice(1)] },
          ],
        },
      },
      b.manager,
    );
    expect(set.data.setBudget.data.version).toBe(1);
    await post(b, '2026-01-10', ['1100', 'sembako'], ['4110', 'sembako'], 12_000_000);
    await post(b, '2026-01-20', ['6120'], ['1100'], 1_500_000);
    await post(b, '2026-02-05', ['1100', 'sembako'], ['4110', 'sembako'], 7_000_000);
    // A sales return debits revenue.
    await post(b, '2026-02-25', ['4110', 'sembako'], ['1100', 'sembako'], 500_000);
    await post(b, '2026-02-06', ['1100', 'sembako'], ['4120', 'sembako'], 9_000_000);
    // Salaries in the LPG unit: no budget line.
    await post(b, '2026-02-10', ['6110', 'lpg'], ['1110'], 2_000_000);
    await post(b, '2026-03-03', ['1110', 'lpg'], ['4110', 'lpg'], 3_000_000);
  });

  const m = (month: number, budget: number, actual: number, varianceBp: number | null) => ({
    month: `2026-${String(month).padStart(2, '0')}`,
    budget,
    actual,
    variance: actual - budget,
    varianceBp,
  });
  const total = (budget: number, actual: number, varianceBp: number | null) => ({ budget, actual, variance: actual - budget, varianceBp });

  it('consolidated: per account and month, with year totals and revenue, expenses and surplus', async () => {
    const res = await api.gql(readBva, { id: b.coopId, year: 2026 }, b.manager);
    const r = ledgerOf(res).budgetVsActual;
    expect(r).toMatchObject({ year: 2026, unitId: null, budgetVersion: 1, budgetStatus: 'DRAFT' });
    expect(r.rows.map((x: any) => `${x.account}:${x.kind}`)).toEqual(['1140:ASSET', '4110:REVENUE', '4120:REVENUE', '6110:EXPENSE', '6120:EXPENSE']);
    const row = (code: string) => r.rows.find((x: any) => x.account === code);

    // 4110: budget 10,000,000 a month. Jan 12,000,000; Feb 7,000,000 - 500,000 return; Mar 3,000,000 (LPG).
    expect(row('4110').name).toEqual({ id: 'Pendapatan usaha dari anggota', en: 'Revenue from members' });
    expect(row('4110').months.slice(0, 4)).toEqual([m(1, 10_000_000, 12_000_000, 2000), m(2, 10_000_000, 6_500_000, -3500), m(3, 10_000_000, 3_000_000, -7000), m(4, 10_000_000, 0, -10000)]);
    // Year: -98,500,000 / 120,000,000 = -82.0833% -> -8208 bp.
    expect(row('4110').total).toEqual(total(120_000_000, 21_500_000, -8208));
    // 4120: nothing budgeted in January (variance in bp is null), 8,000,000 from February.
    expect(row('4120').months.slice(0, 3)).toEqual([m(1, 0, 0, null), m(2, 8_000_000, 9_000_000, 1250), m(3, 8_000_000, 0, -10000)]);
    // -79,000,000 / 88,000,000 = -89.7727% -> -8977 bp.
    expect(row('4120').total).toEqual(total(88_000_000, 9_000_000, -8977));
    // Unbudgeted salaries show with a null percentage.
    expect(row('6110').months[1]).toEqual(m(2, 0, 2_000_000, null));
    expect(row('6110').total).toEqual(total(0, 2_000_000, null));
    expect(row('6120').months.slice(0, 2)).toEqual([m(1, 1_000_000, 1_500_000, 5000), m(2, 1_000_000, 0, -10000)]);
    expect(row('6120').total).toEqual(total(12_000_000, 1_500_000, -8750));
    // The asset line: planned stock, none bought.
    expect(row('1140').months[0]).toEqual(m(1, 5_000_000, 0, -10000));
    expect(row('1140').total).toEqual(total(5_000_000, 0, -10000));
    expect(row('4110').months).toHaveLength(12);
    expect(row('4110').months[11]).toEqual(m(12, 10_000_000, 0, -10000));

    // Revenue: Jan 10,000,000 vs 12,000,000; Feb 18,000,000 vs 15,500,000 (-13.8889% -> -1389).
    expect(r.revenue.months.slice(0, 2)).toEqual([m(1, 10_000_000, 12_000_000, 2000), m(2, 18_000_000, 15_500_000, -1389)]);
    expect(r.revenue.total).toEqual(total(208_000_000, 30_500_000, -8534));
    expect(r.expenses.months.slice(0, 2)).toEqual([m(1, 1_000_000, 1_500_000, 5000), m(2, 1_000_000, 2_000_000, 10000)]);
    expect(r.expenses.total).toEqual(total(12_000_000, 3_500_000, -7083));
    // Surplus: Jan 9,000,000 vs 10,500,000 (+16.6667% -> 1667); Feb 17,000,000 vs 13,500,000 (-20.5882% -> -2059).
    expect(r.surplus.months.slice(0, 2)).toEqual([m(1, 9_000_000, 10_500_000, 1667), m(2, 17_000_000, 13_500_000, -2059)]);
    expect(r.surplus.total).toEqual(total(196_000_000, 27_000_000, -8622));
  });

  it('per unit: only that unit\'s budget lines and segment', async () => {
    const sembako = ledgerOf(await api.gql(readBva, { id: b.coopId, year: 2026, unitId: 'sembako' }, b.manager)).budgetVsActual;
    expect(sembako.unitId).toBe('sembako');
    expect(sembako.rows.map((x: any) => x.account)).toEqual(['1140', '4110', '4120']);
    const s4110 = sembako.rows.find((x: any) => x.account === '4110');
    expect(s4110.months[2]).toEqual(m(3, 10_000_000, 0, -10000));
    // -101,500,000 / 120,000,000 = -84.5833% -> -8458 bp.
    expect(s4110.total).toEqual(total(120_000_000, 18_500_000, -8458));
    expect(sembako.expenses.total).toEqual(total(0, 0, null));

    const lpg = ledgerOf(await api.gql(readBva, { id: b.coopId, year: 2026, unitId: 'lpg' }, b.manager)).budgetVsActual;
    expect(lpg.rows.map((x: any) => [x.account, x.total])).toEqual([
      ['4110', total(0, 3_000_000, null)],
      ['6110', total(0, 2_000_000, null)],
    ]);
    expect(lpg.surplus.total).toEqual(total(0, 1_000_000, null));
  });

  it('compares against the latest approved version, not a later draft', async () => {
    await api.gql(approveBudget, { input: { cooperativeId: b.coopId, year: 2026, version: 1, meetingDate: '2026-01-05', ratReference: 'RAT 2025' } }, b.manager);
    const revision = await api.gql(setBudget, { input: { cooperativeId: b.coopId, year: 2026, lines: [{ account: '4110', unitId: 'sembako', months: twelve(1) }] } }, b.manager);
    expect(revision.data.setBudget.data.version).toBe(2);
    const r = ledgerOf(await api.gql(readBva, { id: b.coopId, year: 2026 }, b.manager)).budgetVsActual;
    expect(r).toMatchObject({ budgetVersion: 1, budgetStatus: 'APPROVED' });
    expect(r.rows.find((x: any) => x.account === '4110').total).toEqual(total(120_000_000, 21_500_000, -8208));
    // A year without a budget still shows the actuals.
    const none = ledgerOf(await api.gql(readBva, { id: b.coopId, year: 2025 }, b.manager)).budgetVsActual;
    expect(none).toMatchObject({ budgetVersion: null, budgetStatus: null, rows: [] });
  });
});

describe('final income tax estimate', () => {
  let t: Coop;
  beforeAll(async () => {
    t = await coop('Kota Pajak');
    await post(t, '2026-01-15', ['1110'], ['4110', 'sembako'], 1_000_000_000);
    // Other income is not gross turnover.
    await post(t, '2026-01-20', ['1110'], ['4210'], 50_000_000);
    await post(t, '2026-02-10', ['1110'], ['4120'], 1_500_000_000);
    await post(t, '2026-03-10', ['1110'], ['4110', 'lpg'], 1_250_000_000);
    await post(t, '2026-03-20', ['4110', 'lpg'], ['1110'], 50_000_000);
    await post(t, '2026-04-10', ['1110'], ['4120'], 900_000_199);
    await post(t, '2026-05-10', ['1110'], ['4110'], 300_000_000);
    await post(t, '2026-06-10', ['1110'], ['4110'], 100_000_000);
  });

  const month = (n: number, turnover: number, cumulativeTurnover: number, taxDue: number | null) => ({
    month: `2026-${String(n).padStart(2, '0')}`,
    turnover,
    cumulativeTurnover,
    taxDue,
    finalRegime: taxDue !== null,
  });

  it('0.5% of each month until the year passes Rp4.8 billion (defaults)', async () => {
    const settings = await api.gql(readTaxSettings, { id: t.coopId, year: 2026 }, t.manager);
    expect(ledgerOf(settings).taxSettings).toEqual({ rateBp: 50, threshold: 4_800_000_000, effectiveFromYear: null });
    const e = ledgerOf(await api.gql(readTax, { id: t.coopId, year: 2026 }, t.manager)).taxEstimate;
    expect(e).toMatchObject({ year: 2026, rateBp: 50, threshold: 4_800_000_000, effectiveFromYear: null, turnoverAccounts: ['4110', '4120'] });
    expect(e.months).toEqual([
      month(1, 1_000_000_000, 1_000_000_000, 5_000_000),
      month(2, 1_500_000_000, 2_500_000_000, 7_500_000),
      month(3, 1_200_000_000, 3_700_000_000, 6_000_000),
      // floor(900,000,199 x 50 / 10,000) = floor(4,500,000.995)
      month(4, 900_000_199, 4_600_000_199, 4_500_000),
      // May passes 4,800,000,000: from here the final regime no longer applies.
      month(5, 300_000_000, 4_900_000_199, null),
      month(6, 100_000_000, 5_000_000_199, null),
      ...[7, 8, 9, 10, 11, 12].map((n) => month(n, 0, 5_000_000_199, null)),
    ]);
    expect(e).toMatchObject({ totalTurnover: 5_000_000_199, totalTaxDue: 23_000_000, thresholdExceededIn: '2026-05' });
  });

  it('rate and threshold are settings from a year on; a turnover equal to the threshold is still within it', async () => {
    const set = await api.gql(setTax, { input: { idempotencyKey: 'tax-2026-settings', cooperativeId: t.coopId, effectiveFromYear: 2026, rateBp: 100, threshold: 3_700_000_000 } }, t.manager);
    expect(set.data.setTaxSettings.data).toEqual({ rateBp: 100, threshold: 3_700_000_000, effectiveFromYear: 2026 });
    const e = ledgerOf(await api.gql(readTax, { id: t.coopId, year: 2026 }, t.manager)).taxEstimate;
    expect(e.months.slice(0, 5)).toEqual([
      month(1, 1_000_000_000, 1_000_000_000, 10_000_000),
      month(2, 1_500_000_000, 2_500_000_000, 15_000_000),
      month(3, 1_200_000_000, 3_700_000_000, 12_000_000),
      month(4, 900_000_199, 4_600_000_199, null),
      month(5, 300_000_000, 4_900_000_199, null),
    ]);
    expect(e).toMatchObject({ rateBp: 100, threshold: 3_700_000_000, effectiveFromYear: 2026, totalTaxDue: 37_000_000, thresholdExceededIn: '2026-04' });

    const s = async (year: number) => ledgerOf(await api.gql(readTaxSettings, { id: t.coopId, year }, t.manager)).taxSettings;
    expect(await s(2025)).toEqual({ rateBp: 50, threshold: 4_800_000_000, effectiveFromYear: null });
    expect(await s(2027)).toEqual({ rateBp: 100, threshold: 3_700_000_000, effectiveFromYear: 2026 });
    // Without a year: the current year (2026) in the cooperative's zone.
    const current = await api.gql(readTaxSettings, { id: t.coopId }, t.manager);
    expect(ledgerOf(current).taxSettings.effectiveFromYear).toBe(2026);
    // Another year has its own turnover: nothing in 2027.
    const next = ledgerOf(await api.gql(readTax, { id: t.coopId, year: 2027 }, t.manager)).taxEstimate;
    expect(next).toMatchObject({ totalTurnover: 0, totalTaxDue: 0, thresholdExceededIn: null });
  });
});

describe('tenancy and roles', () => {
  let a: Coop;
  let other: Coop;
  beforeAll(async () => {
    a = await coop('Kota Rumah');
    other = await coop('Kota Tetangga');
    await api.gql(setBudget, { input: { cooperativeId: a.coopId, year: 2026, lines: [{ account: '4110', months: twelve(1_000) }] } }, a.manager);
  });

  it("another cooperative's manager is FORBIDDEN, reading or writing, and nothing changes", async () => {
    const before = await businessItems(api.db);
    const o = other.manager;
    expect(outcome(await api.gql(setBudget, { input: { cooperativeId: a.coopId, year: 2026, lines: [{ account: '4110', months: twelve(9) }] } }, o), 'setBudget')).toBe('FORBIDDEN');
    expect(outcome(await api.gql(approveBudget, { input: { cooperativeId: a.coopId, year: 2026, version: 1, meetingDate: '2026-03-01', ratReference: 'palsu' } }, o), 'approveBudget')).toBe('FORBIDDEN');
    expect(outcome(await api.gql(setTax, { input: { cooperativeId: a.coopId, effectiveFromYear: 2026, rateBp: 0, threshold: 1 } }, o), 'setTaxSettings')).toBe('FORBIDDEN');
    expect(outcome(await api.gql(readBudget, { id: a.coopId, year: 2026 }, o), 'cooperative')).toBe('FORBIDDEN');
    expect(outcome(await api.gql(readBva, { id: a.coopId, year: 2026 }, o), 'cooperative')).toBe('FORBIDDEN');
    expect(outcome(await api.gql(readTax, { id: a.coopId, year: 2026 }, o), 'cooperative')).toBe('FORBIDDEN');
    expect(await businessItems(api.db)).toEqual(before);
  });

  it('staff do not read the books; supervisors and the city admin read but do not write', async () => {
    const staff = await api.token({ userId: 'kasir', role: 'COOP_STAFF', coopId: a.rawCoopId });
    const supervisor = await api.token({ userId: 'pengawas', role: 'SUPERVISOR', coopId: a.rawCoopId });
    expect(outcome(await api.gql(readBudget, { id: a.coopId, year: 2026 }, staff), 'cooperative')).toBe('FORBIDDEN');
    expect(outcome(await api.gql(readTax, { id: a.coopId, year: 2026 }, staff), 'cooperative')).toBe('FORBIDDEN');
    expect(outcome(await api.gql(setBudget, { input: { cooperativeId: a.coopId, year: 2026, lines: [{ account: '4110', months: twelve(9) }] } }, staff), 'setBudget')).toBe('FORBIDDEN');

    const read = await api.gql(readBudget, { id: a.coopId, year: 2026 }, supervisor);
    expect(ledgerOf(read).budget).toMatchObject({ version: 1, lines: [{ account: '4110', months: twelve(1_000) }] });
    expect(outcome(await api.gql(approveBudget, { input: { cooperativeId: a.coopId, year: 2026, version: 1, meetingDate: '2026-03-01', ratReference: 'RAT' } }, supervisor), 'approveBudget')).toBe('FORBIDDEN');
    expect(outcome(await api.gql(setTax, { input: { cooperativeId: a.coopId, effectiveFromYear: 2026, rateBp: 0, threshold: 1 } }, supervisor), 'setTaxSettings')).toBe('FORBIDDEN');

    const city = ledgerOf(await api.gql(readBva, { id: a.coopId, year: 2026 }, a.cityAdmin)).budgetVsActual;
    expect(city).toMatchObject({ budgetVersion: 1, budgetStatus: 'DRAFT' });
    expect(outcome(await api.gql(readBva, { id: a.coopId, year: 2026 }, other.cityAdmin), 'cooperative')).toBe('FORBIDDEN');
  });
});
