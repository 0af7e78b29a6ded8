import { addDays } from '@kkmp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { expectAcceptedYesterday, expectRefusedBeyondWindow, expectRefusedDate, journalCount, staffMay, unitBusinessEvents, type BusinessEvent } from '../support/business-date';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';
import { businessItems } from '../support/outcome';

// The cooperative opens its savings and loans on Monday 5 January 2026 (first financial year 2026). The
// tests run on Wednesday 10 June, 10:00 WIB, with loans from January long in arrears.
const OPENING = '2026-01-05';
const TODAY = '2026-06-10';
const YESTERDAY = '2026-06-09';
const at = (date: string) => `${date}T03:00:00Z`;

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let staff: string;
const ids = { ani: '', budi: '', account: '', deposit: '', depositProduct: '', toDisburse: '', toRepay: '', toWriteOff: '', toReverse: '', repayment: '', repaidLater: '', late: '', lateDeposit: '', lateLoan: '' };

const RESULT = `__typename ... on ValidationError { code fields { field messageEn messageId } } ... on BusinessRuleError { rule field details } ... on Error { code messageEn }`;
const fieldOf = (name: string) => `simpanpinjam${name[0]!.toUpperCase()}${name.slice(1)}`;

function mutate(name: string, input: Record<string, unknown>, token: string, selection = 'id') {
  const field = fieldOf(name);
  const type = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  return api.gql(`mutation($input: ${type}Input!) { ${field}(input: $input) { ${RESULT} ... on ${type}Success { data { ${selection} } } } }`, { input: { cooperativeId: f.coopId, ...input } }, token);
}

async function ok(name: string, input: Record<string, unknown>, token = f.manager, selection = 'id') {
  const res = await mutate(name, input, token, selection);
  expect(res.data?.[fieldOf(name)]?.__typename, JSON.stringify(res)).toMatch(/Success$/);
  return res.data[fieldOf(name)].data;
}

async function read(query: string, variables: Record<string, unknown> = {}) {
  const res = await api.gql(query, { c: f.coopId, ...variables }, f.manager);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}

const statementOn = (kind: string) => async (d: string) => {
  const data = await read(`query($c: ID!, $a: ID!, $d: Date) { simpanpinjamSavingsStatement(cooperativeId: $c, accountId: $a, from: $d, to: $d) { lines { date kind } } }`, { a: ids.account, d });
  return data.simpanpinjamSavingsStatement.lines.filter((l: { kind: string; date: string }) => l.kind === kind && l.date === d).length;
};
const loans = async () => (await read(`query($c: ID!) { simpanpinjamLoans(cooperativeId: $c) { id disbursedOn writtenOffOn schedule { dueDate } repayments { date } } }`)).simpanpinjamLoans;
const loansWhere = (on: 'disbursedOn' | 'writtenOffOn') => async (d: string) => (await loans()).filter((l: Record<string, unknown>) => l[on] === d).length;
const reversalsOn = async (d: string) =>
  (await read(`query($c: ID!, $id: ID!) { simpanpinjamLoan(cooperativeId: $c, id: $id) { repayments { reversal { on } } } }`, { id: ids.toReverse })).simpanpinjamLoan.repayments.filter((r: { reversal: { on: string } | null }) => r.reversal?.on === d).length;
const recoveriesOn = async (d: string) =>
  ((await read(`query($c: ID!, $id: ID!) { simpanpinjamLoan(cooperativeId: $c, id: $id) { writeOff { recoveries { date } } } }`, { id: ids.toWriteOff })).simpanpinjamLoan.writeOff?.recoveries ?? []).filter((r: { date: string }) => r.date === d).length;
const repaymentsOn = async (d: string) => (await loans()).find((l: { id: string }) => l.id === ids.toRepay).repayments.filter((r: { date: string }) => r.date === d).length;
const deposits = async () => (await read(`query($c: ID!, $m: ID) { simpanpinjamTimeDeposits(cooperativeId: $c, memberId: $m) { id openedOn maturityDate withdrawnOn interestPaid } }`, { m: ids.ani })).simpanpinjamTimeDeposits;
const depositsWhere = (on: 'openedOn' | 'withdrawnOn') => async (d: string) => (await deposits()).filter((x: Record<string, unknown>) => x[on] === d).length;
const risk = async (asOf: string) => (await read(`query($c: ID!, $d: Date) { simpanpinjamPortfolio(cooperativeId: $c, asOf: $d) { problemLoanRisk } }`, { d: asOf })).simpanpinjamPortfolio.problemLoanRisk as number;
/** Savings interest is posted on the last day of the month it is for: the one before the business date's month. */
const lastDayBefore = (d: string) => addDays(`${d.slice(0, 7)}-01`, -1);

async function member(name: string) {
  const res = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik(), name, address: 'Jl. Simpan 1', joinDate: OPENING } }, f.manager);
  return res.data.registerMember.data.id as string;
}

/** A loan of Rp1,200,000 entered by the staff and approved by the manager; paid out unless `disburse` is false. */
async function loan(productId: string, termMonths: number, disburse = true) {
  const { id } = await ok('applyForLoan', { memberId: ids.budi, productId, amount: 1_200_000, termMonths, purpose: 'Modal warung' }, staff);
  await ok('approveLoan', { loanId: id });
  if (disburse) await ok('disburseLoan', { loanId: id }, staff);
  return id as string;
}

async function openSavingsAndLoans() {
  const enabled = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'simpanpinjam', settings: {} } }, f.manager);
  expect(enabled.data.enableUnit.__typename).toBe('EnableUnitSuccess');
  ids.ani = await member('Ani Suryani');
  ids.budi = await member('Budi Santoso');
  const savings = (await ok('createSavingsProduct', { name: 'Simpanan Sukarela', kind: 'SAVINGS', annualRateBp: 600 })).id;
  ids.depositProduct = (await ok('createSavingsProduct', { name: 'Deposito 3 bulan', kind: 'TIME_DEPOSIT', annualRateBp: 600, termMonths: 3 })).id;
  const product = (await ok('createLoanProduct', { name: 'Usaha flat', interestMethod: 'FLAT', annualRateBp: 1800, minAmount: 100_000, maxAmount: 50_000_000, minTermMonths: 3, maxTermMonths: 24 })).id;
  ids.account = (await ok('openSavingsAccount', { memberId: ids.ani, productId: savings }, staff)).id;
  await ok('deposit', { accountId: ids.account, amount: 1_000_000 }, staff);
  ids.deposit = (await ok('openTimeDeposit', { memberId: ids.ani, productId: ids.depositProduct, amount: 1_000_000 }, staff)).id;
  ids.toDisburse = await loan(product, 6, false);
  ids.toRepay = await loan(product, 12);
  ids.toWriteOff = await loan(product, 3);
  ids.toReverse = await loan(product, 12);
  ids.repaidLater = await loan(product, 3);
  // Paid out on 9 January and never repaid: 120 days past due yesterday (kurang lancar), 121 today (diragukan).
  api.clock.set(at('2026-01-09'));
  await loan(product, 3);
  api.clock.set(at('2026-06-01'));
  for (const loanId of [ids.toWriteOff, ids.repaidLater]) await ok('requestLoanChange', { loanId, kind: 'WRITE_OFF', reason: 'Peminjam pindah, tidak dapat ditagih' }, staff);
  // A repayment typed against the wrong loan on 1 June; the teller asks for its reversal (a manager approves it below).
  await ok('repayLoan', { loanId: ids.toReverse, amount: 100_000 }, staff, '__typename');
  ids.repayment = (await read(`query($c: ID!, $id: ID!) { simpanpinjamLoan(cooperativeId: $c, id: $id) { repayments { id } } }`, { id: ids.toReverse })).simpanpinjamLoan.repayments[0].id;
  await ok('requestRepaymentReversal', { repaymentId: ids.repayment, reason: 'Salah pinjaman' }, staff, '__typename');
  // Opened and approved on 1 June, after the books are locked through April (see below).
  ids.late = (await ok('openSavingsAccount', { memberId: ids.budi, productId: savings }, staff)).id;
  ids.lateDeposit = (await ok('openTimeDeposit', { memberId: ids.budi, productId: ids.depositProduct, amount: 500_000 }, staff)).id;
  ids.lateLoan = await loan(product, 6, false);
}

beforeAll(async () => {
  api = await startTestApi({ now: at(OPENING) });
  f = await cityWithCoop(api, 'Kota Simpan Tanggal');
  staff = await api.token({ userId: 'teller', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['simpanpinjam'] });
  await openSavingsAndLoans();
  api.clock.set(at(TODAY));
}, 60_000);
afterAll(() => api?.close());

describe('businessDate on the simpanpinjam business events', () => {
  let events: BusinessEvent[];
  beforeAll(() => {
    const journal = (d: string) => journalCount(api, f.coopId, f.manager, d);
    const event = (name: string, input: (d: string | undefined) => Record<string, unknown>, reports: Partial<BusinessEvent> = {}): BusinessEvent => ({
      field: fieldOf(name),
      record: (d, t) => mutate(name, { businessDate: d, ...input(d) }, t, '__typename'),
      reportedOn: journal,
      ...reports,
    });
    events = [
      event('deposit', () => ({ accountId: ids.account, amount: 50_000 }), { unitReports: { 'savings statement DEPOSIT': statementOn('DEPOSIT') } }),
      event('withdraw', () => ({ accountId: ids.account, amount: 20_000 }), { unitReports: { 'savings statement WITHDRAWAL': statementOn('WITHDRAWAL') } }),
      // The business date decides which months have ended; the interest is dated the last day of the month it is for.
      event('postSavingsInterest', (d) => ({ month: lastDayBefore(d ?? TODAY).slice(0, 7) }), {
        reportedOn: (d) => journal(lastDayBefore(d)),
        unitReports: { 'savings statement INTEREST': (d) => statementOn('INTEREST')(lastDayBefore(d)) },
      }),
      event('disburseLoan', () => ({ loanId: ids.toDisburse }), { unitReports: { 'loans disbursed': loansWhere('disbursedOn') } }),
      event('repayLoan', () => ({ loanId: ids.toRepay, amount: 100_000 }), { unitReports: { 'loan repayments': repaymentsOn } }),
      event('approveLoanChange', () => ({ loanId: ids.toWriteOff }), { unitReports: { 'loans written off': loansWhere('writtenOffOn') } }),
      // After the write-off above (the acceptance runs in this order): money recovered on the written-off claim.
      event('recoverLoan', () => ({ loanId: ids.toWriteOff, amount: 50_000 }), { unitReports: { 'recoveries on the written-off loan': recoveriesOn } }),
      event('approveRepaymentReversal', () => ({ repaymentId: ids.repayment }), { unitReports: { 'repayments reversed': reversalsOn } }),
      event('provisionAllowance', () => ({})),
      event('openTimeDeposit', () => ({ memberId: ids.ani, productId: ids.depositProduct, amount: 500_000 }), { unitReports: { 'time deposits opened': depositsWhere('openedOn') } }),
      event('withdrawTimeDeposit', () => ({ depositId: ids.deposit }), { unitReports: { 'time deposits withdrawn': depositsWhere('withdrawnOn') } }),
    ];
  });

  it('has a case for every simpanpinjam mutation the schema marks a business event', () => {
    expect(unitBusinessEvents().filter((n) => n.startsWith('simpanpinjam'))).toEqual(events.map((e) => e.field).sort());
  });

  it('refuses a date after today, naming businessDate, with nothing written', async () => {
    for (const e of events) await expectRefusedDate(api, e, addDays(TODAY, 1), f.manager, /must not be after today \(2026-06-10\)/);
  });

  it("refuses a date before the cooperative's first financial year", async () => {
    for (const e of events) await expectRefusedDate(api, e, '2025-12-31', f.manager, /first financial year \(2026\)/);
  });

  it("refuses a date beyond the caller's backdating window (the teller's 7 days; a manager's window when set)", async () => {
    expect(events.filter((e) => !staffMay(e.field)).map((e) => e.field)).toEqual(['simpanpinjamPostSavingsInterest', 'simpanpinjamApproveLoanChange', 'simpanpinjamApproveRepaymentReversal', 'simpanpinjamProvisionAllowance']);
    await expectRefusedBeyondWindow({ api, coopId: f.coopId, manager: f.manager, staff }, events, TODAY);
  });

  it('refuses a date in a locked period', async () => {
    const lock = await api.gql(`mutation($input: LockPeriodInput!) { lockPeriod(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, through: '2026-04' } }, f.manager);
    expect(lock.data.lockPeriod.__typename).toBe('LockPeriodSuccess');
    for (const e of events) await expectRefusedDate(api, e, '2026-04-30', f.manager, /locked period: the books are locked through 2026-04/);
  });

  it('accepts yesterday within the window and reports it on yesterday (the teller where staff may record it)', async () => {
    for (const e of events) await expectAcceptedYesterday(e, YESTERDAY, staffMay(e.field) ? staff : f.manager);
  });
});

describe("a back-dated event is the unit's record of that day", () => {
  it('a loan paid out yesterday runs its schedule from yesterday', async () => {
    const disbursed = (await loans()).find((l: { id: string }) => l.id === ids.toDisburse);
    expect(disbursed).toMatchObject({ disbursedOn: YESTERDAY, schedule: [{ dueDate: '2026-07-09' }, {}, {}, {}, {}, {}] });
  });

  it('a time deposit opened yesterday matures three months after yesterday; one withdrawn yesterday earned its term', async () => {
    const all = await deposits();
    expect(all.find((d: { openedOn: string }) => d.openedOn === YESTERDAY)).toMatchObject({ maturityDate: '2026-09-09', withdrawnOn: null });
    // 1,000,000 at 6% from 5 January to 5 April (90 days): 1,000,000 × 6% × 90/365 = 14,794.
    expect(all.find((d: { id: string }) => d.id === ids.deposit)).toMatchObject({ openedOn: OPENING, withdrawnOn: YESTERDAY, interestPaid: 14_794 });
  });

  it("provisions for the problem-loan risk on its business date, not today's", async () => {
    const [yesterdays, todays] = [await risk(YESTERDAY), await risk(TODAY)];
    // The loan paid out on 9 January moves from kurang lancar (50%) to diragukan (75%) today.
    expect(todays - yesterdays).toBe(300_000);
    const again = await ok('provisionAllowance', { businessDate: YESTERDAY }, f.manager, 'required before posted');
    expect(again).toEqual({ required: yesterdays, before: yesterdays, posted: 0 });
    expect(await ok('provisionAllowance', {}, f.manager, 'required before posted')).toEqual({ required: todays, before: yesterdays, posted: 300_000 });
  });
});

describe('nothing is dated before what it acts on', () => {
  const attempt = (name: string, input: Record<string, unknown>): BusinessEvent => ({
    field: fieldOf(name),
    record: (d, t) => mutate(name, { businessDate: d, ...input }, t, '__typename'),
    reportedOn: async () => 0,
  });

  it("refuses a movement before the account's opening, a payout before the deposit's, a disbursement before the approval, a write-off before its request", async () => {
    const before = '2026-05-31';
    await expectRefusedDate(api, attempt('deposit', { accountId: ids.late, amount: 10_000 }), before, f.manager, /must not be before the account's opening \(2026-06-01\)/);
    await expectRefusedDate(api, attempt('withdrawTimeDeposit', { depositId: ids.lateDeposit }), before, f.manager, /must not be before the deposit's opening \(2026-06-01\)/);
    await expectRefusedDate(api, attempt('disburseLoan', { loanId: ids.lateLoan }), before, f.manager, /must not be before the loan's approval \(2026-06-01\)/);
    await expectRefusedDate(api, attempt('approveLoanChange', { loanId: ids.repaidLater }), before, f.manager, /must not be before the request \(2026-06-01\)/);
  });

  it('refuses a write-off dated before a repayment already recorded (it would write off principal since repaid)', async () => {
    await ok('repayLoan', { loanId: ids.repaidLater, amount: 10_000 }, staff, '__typename');
    const before = await businessItems(api.db);
    const res = await mutate('approveLoanChange', { loanId: ids.repaidLater, businessDate: YESTERDAY }, f.manager);
    expect(res.data.simpanpinjamApproveLoanChange).toMatchObject({ code: 'INVALID_STATE', messageEn: 'a later repayment is already recorded' });
    expect(await businessItems(api.db)).toEqual(before);
  });

  it('a withdrawal dated back must fit the balance of every day since, not only today', async () => {
    const withdraw = (amount: number, businessDate?: string) => mutate('withdraw', { accountId: ids.late, amount, ...(businessDate ? { businessDate } : {}) }, staff).then((r) => r.data.simpanpinjamWithdraw);
    await ok('deposit', { accountId: ids.late, amount: 300_000 }, staff);
    const before = await businessItems(api.db);
    // Today's Rp300,000 was not there yesterday.
    expect(await withdraw(100_000, YESTERDAY)).toMatchObject({ rule: 'INSUFFICIENT_BALANCE', details: { balance: 0, available: 0 } });
    expect(await businessItems(api.db)).toEqual(before);
    await ok('deposit', { accountId: ids.late, amount: 50_000, businessDate: YESTERDAY }, staff);
    expect((await withdraw(50_000, YESTERDAY)).__typename).toBe('SimpanpinjamWithdrawSuccess');
    expect(await withdraw(1, YESTERDAY)).toMatchObject({ rule: 'INSUFFICIENT_BALANCE', details: { balance: 0 } });
    expect((await withdraw(300_000)).__typename).toBe('SimpanpinjamWithdrawSuccess');
    const statement = await read(`query($c: ID!, $a: ID!) { simpanpinjamSavingsStatement(cooperativeId: $c, accountId: $a, from: "2026-06-01") { closing lines { date balance } } }`, { a: ids.late });
    expect(statement.simpanpinjamSavingsStatement.closing).toBe(0);
    expect(statement.simpanpinjamSavingsStatement.lines.map((l: { balance: number }) => l.balance)).toEqual([50_000, 0, 300_000, 0]);
  });
});
