import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { expectAcceptedYesterday, expectRefusedDate, journalCount, type BusinessEvent } from '../support/business-date';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';

// 10:00 WIB on 15 March 2026; the cooperative is created now, so its first financial year is 2026.
const TODAY = '2026-03-15';
const YESTERDAY = '2026-03-14';
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let staff: string;
let second: string;

const RESULT = `__typename ... on ValidationError { code fields { field messageEn messageId } } ... on Error { code messageEn }`;
const pay = `mutation($input: RecordEquityPaymentInput!) { recordEquityPayment(input: $input) { ${RESULT} } }`;
const refund = `mutation($input: RefundEquityInput!) { refundEquity(input: $input) { ${RESULT} } }`;
const draft = `mutation($input: DraftJournalEntryInput!) { draftJournalEntry(input: $input) { ${RESULT} ... on DraftJournalEntrySuccess { data { id } } } }`;
const approve = `mutation($input: DecideJournalEntryInput!) { approveJournalEntry(input: $input) { ${RESULT} ... on ApproveJournalEntrySuccess { data { id } } } }`;
const reverse = `mutation($input: ReverseJournalEntryInput!) { reverseJournalEntry(input: $input) { ${RESULT} } }`;
const drafts = `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { ledger { drafts { date reverses } } } } }`;

async function member(joinDate: string) {
  const res = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik(), name: 'Wati', address: 'Jl. Tanggal 1', joinDate } }, f.manager);
  return res.data.registerMember.data.id as string;
}

async function draftsOn(date: string, reversal: boolean) {
  const res = await api.gql(drafts, { id: f.coopId }, f.manager);
  return res.data.cooperative.ledger.drafts.filter((d: { date: string; reverses: string | null }) => d.date === date && !!d.reverses === reversal).length;
}

const rentLines = [{ account: '6120', debit: 100_000 }, { account: '1100', credit: 100_000 }];

beforeAll(async () => {
  api = await startTestApi({ now: '2026-03-15T03:00:00Z' });
  f = await cityWithCoop(api, 'Kota Tanggal');
  staff = await api.token({ userId: 'kasir', role: 'COOP_STAFF', coopId: f.rawCoopId });
  second = await api.token({ userId: 'bendahara', role: 'COOP_MANAGER', coopId: f.rawCoopId });
});
afterAll(() => api?.close());

describe('businessDate on the core business events', () => {
  let events: BusinessEvent[];
  beforeAll(async () => {
    const payer = await member('2026-01-10');
    const leaver = await member('2026-01-10');
    await api.gql(pay, { input: { memberId: leaver, kind: 'POKOK', amount: 50_000, businessDate: '2026-01-10' } }, f.manager);
    await api.gql(`mutation($input: EndMembershipInput!) { endMembership(input: $input) { __typename } }`, { input: { memberId: leaver, status: 'RESIGNED', exitDate: '2026-02-01' } }, f.manager);
    const posted = await api.gql(draft, { input: { cooperativeId: f.coopId, businessDate: '2026-03-01', memo: 'Sewa', lines: rentLines } }, f.manager);
    const entry = await api.gql(approve, { input: { draftId: posted.data.draftJournalEntry.data.id } }, second);
    const entryId = entry.data.approveJournalEntry.data.id;
    const journal = (date: string) => journalCount(api, f.coopId, f.manager, date);
    events = [
      { field: 'recordEquityPayment', record: (d, t) => api.gql(pay, { input: { memberId: payer, kind: 'WAJIB', amount: 20_000, businessDate: d } }, t), reportedOn: journal },
      { field: 'refundEquity', record: (d, t) => api.gql(refund, { input: { memberId: leaver, businessDate: d } }, t), reportedOn: journal },
      {
        field: 'draftJournalEntry',
        record: (d, t) => api.gql(draft, { input: { cooperativeId: f.coopId, businessDate: d, memo: 'Listrik', lines: rentLines } }, t),
        reportedOn: (d) => draftsOn(d, false),
      },
      { field: 'reverseJournalEntry', record: (d, t) => api.gql(reverse, { input: { entryId, businessDate: d, memo: 'Salah catat' } }, t), reportedOn: (d) => draftsOn(d, true) },
    ];
  });

  it('refuses a date after today, naming businessDate, with nothing written', async () => {
    for (const e of events) await expectRefusedDate(api, e, '2026-03-16', f.manager, /must not be after today \(2026-03-15\)/);
  });

  it("refuses a date before the cooperative's first financial year", async () => {
    for (const e of events) await expectRefusedDate(api, e, '2025-12-31', f.manager, /first financial year \(2026\)/);
  });

  it("refuses a date beyond the caller's backdating window (staff: 7 days; a manager's window when set)", async () => {
    await expectRefusedDate(api, events[0]!, '2026-03-07', staff, /more than 7 days back/);
    const setWindow = `mutation($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { __typename ... on UpdateCooperativeSuccess { data { backdating { staffDays managerDays } } } } }`;
    const set = await api.gql(setWindow, { input: { cooperativeId: f.coopId, backdating: { staffDays: 7, managerDays: 10 } } }, f.manager);
    expect(set.data.updateCooperative.data.backdating).toEqual({ staffDays: 7, managerDays: 10 });
    for (const e of events) await expectRefusedDate(api, e, '2026-03-04', f.manager, /more than 10 days back \(earliest 2026-03-05\)/);
    await api.gql(setWindow, { input: { cooperativeId: f.coopId, backdating: { staffDays: 7, managerDays: null } } }, f.manager);
  });

  it('refuses a date in a locked period or closed year', async () => {
    const lock = await api.gql(`mutation($input: LockPeriodInput!) { lockPeriod(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, through: '2026-02' } }, f.manager);
    expect(lock.data.lockPeriod.__typename).toBe('LockPeriodSuccess');
    for (const e of events) await expectRefusedDate(api, e, '2026-02-27', f.manager, /locked period: the books are locked through 2026-02/);
  });
  it('accepts yesterday within the window and reports it on yesterday', async () => {
    await expectAcceptedYesterday(events[0]!, YESTERDAY, staff);
    for (const e of events.slice(1)) await expectAcceptedYesterday(e, YESTERDAY, f.manager);
    // Today is the default.
    expect(await journalCount(api, f.coopId, f.manager, TODAY)).toBe(0);
    await events[0]!.record(undefined, staff);
    expect(await journalCount(api, f.coopId, f.manager, TODAY)).toBe(1);
  });


  it('the audit log shows both the business date and the instant it was recorded', async () => {
    const res = await api.gql(
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { auditLog(first: 20) { edges { node { operation outcome at businessDate } } } } } }`,
      { id: f.coopId },
      f.manager,
    );
    const entries = res.data.cooperative.auditLog.edges.map((e: any) => e.node).filter((n: any) => n.outcome === 'OK');
    const events = entries.filter((n: any) => ['recordEquityPayment', 'refundEquity', 'draftJournalEntry', 'reverseJournalEntry'].includes(n.operation));
    expect(events.map((n: any) => n.businessDate)).toContain(YESTERDAY);
    expect(events.map((n: any) => n.businessDate)).toContain(TODAY);
    for (const n of events) expect(n.at.slice(0, 10)).toBe(TODAY);
    expect(entries.find((n: any) => n.operation === 'updateCooperative').businessDate).toBeNull();
  });
});
