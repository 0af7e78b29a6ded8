import { installedUnits } from '@kkmp/api';
import { addDays } from '@kkmp/core';
import { buildHostSchema } from '@kkmp/host';
import { expect, it } from 'vitest';
import type { TestApi } from './api';
import { businessItems } from './outcome';

/**
 * One business event under the business-date rule: how to record it on a date, and how to see it reported
 * on that date. The same cases run for every mutation that records a business event, core and units.
 */
export interface BusinessEvent {
  /** Mutation field, e.g. "recordEquityPayment". */
  field: string;
  /** Records the event once, dated `businessDate` (undefined: today), as the given token. */
  record(businessDate: string | undefined, token: string): Promise<{ data: any; errors?: any[] }>;
  /** How many of these events are reported on `date` (e.g. journal entries of that day). */
  reportedOn(date: string): Promise<number>;
  /** The unit's own dated reads (sales of a day, stock card, savings statement): how many of these each shows on `date`. */
  unitReports?: Record<string, (date: string) => Promise<number>>;
}

/** The ledger's journal for one day: the entries posted on that business date. */
export async function journalCount(api: TestApi, coopId: string, token: string, date: string): Promise<number> {
  const res = await api.gql(
    `query($id: ID!, $d: Date!) { cooperative(id: $id) { ... on Cooperative { ledger { journal(from: $d, to: $d, first: 100) { edges { node { id } } } } } } }`,
    { id: coopId, d: date },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data.cooperative.ledger.journal.edges.length;
}

const payload = (res: { data: any }, field: string) => res.data?.[field];

/** Yesterday is accepted and reported on yesterday: in the journal of that day and in the unit's own dated reads. */
export async function expectAcceptedYesterday(event: BusinessEvent, yesterday: string, token: string) {
  const before = await event.reportedOn(yesterday);
  const reads = Object.entries(event.unitReports ?? {});
  const readsBefore = await Promise.all(reads.map(([, count]) => count(yesterday)));
  const res = await event.record(yesterday, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(payload(res, event.field).__typename, JSON.stringify(payload(res, event.field))).toMatch(/Success$/);
  expect(await event.reportedOn(yesterday), `${event.field}: reported on ${yesterday}`).toBe(before + 1);
  for (const [i, [name, count]] of reads.entries()) expect(await count(yesterday), `${event.field}: ${name} of ${yesterday}`).toBe(readsBefore[i]! + 1);
}

/** A refused date: a ValidationError naming businessDate, in both languages, and nothing written. */
export async function expectRefusedDate(api: TestApi, event: BusinessEvent, date: string, token: string, message: RegExp) {
  const before = await businessItems(api.db);
  const res = await event.record(date, token);
  const result = payload(res, event.field);
  expect(result, JSON.stringify(res)).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
  const issue = result.fields.find((f: { field: string }) => f.field === 'input.businessDate');
  expect(issue, JSON.stringify(result.fields)).toBeDefined();
  expect(issue.messageEn).toMatch(message);
  expect(issue.messageId.length).toBeGreaterThan(10);
  expect(await businessItems(api.db)).toEqual(before);
}

const unitMutations = Object.values(buildHostSchema(installedUnits).schema.getMutationType()!.getFields()).filter((f) => f.extensions?.kkmpPermission !== undefined);

/** The installed units' mutations the built schema marks business events (`kkmpBusinessEvent`), sorted. */
export function unitBusinessEvents(): string[] {
  return unitMutations.filter((f) => f.extensions?.kkmpBusinessEvent === true).map((f) => f.name).sort();
}

/** Whether COOP_STAFF holds the permission the unit mutation needs (from the schema and the units' permission specs). */
export function staffMay(field: string): boolean {
  const permission = unitMutations.find((f) => f.name === field)?.extensions?.kkmpPermission as string | undefined;
  if (!permission) throw new Error(`${field} is not a unit mutation`);
  const spec = installedUnits.flatMap((u) => Object.entries(u.permissions)).find(([name]) => name === permission)?.[1];
  return !!spec?.roles.includes('COOP_STAFF');
}

/** Who may record, how far back: a cooperative's staff and manager tokens, and its id for the window setting. */
export interface Callers {
  api: TestApi;
  coopId: string;
  manager: string;
  staff: string;
}

const SET_WINDOW = `mutation($input: UpdateCooperativeInput!) { updateCooperative(input: $input) {
  __typename ... on UpdateCooperativeSuccess { data { backdating { staffDays managerDays } } } } }`;

/**
 * Beyond the caller's backdating window: as staff, 8 days back, for every event staff may record (the
 * default staff window is 7 days); as a manager, 11 days back under a manager window of 10 days set for the
 * test and removed after, for the events only a manager may record.
 */
export async function expectRefusedBeyondWindow(c: Callers, events: BusinessEvent[], today: string) {
  const [byStaff, byManager] = [events.filter((e) => staffMay(e.field)), events.filter((e) => !staffMay(e.field))];
  for (const e of byStaff) await expectRefusedDate(c.api, e, addDays(today, -8), c.staff, new RegExp(`more than 7 days back \\(earliest ${addDays(today, -7)}\\)`));
  if (byManager.length === 0) return;
  const set = await c.api.gql(SET_WINDOW, { input: { cooperativeId: c.coopId, backdating: { staffDays: 7, managerDays: 10 } } }, c.manager);
  expect(set.data.updateCooperative.data.backdating).toEqual({ staffDays: 7, managerDays: 10 });
  try {
    for (const e of byManager) await expectRefusedDate(c.api, e, addDays(today, -11), c.manager, new RegExp(`more than 10 days back \\(earliest ${addDays(today, -10)}\\)`));
  } finally {
    await c.api.gql(SET_WINDOW, { input: { cooperativeId: c.coopId, backdating: { staffDays: 7, managerDays: null } } }, c.manager);
  }
}

const RESULT = `__typename ... on ValidationError { code fields { field messageEn messageId } } ... on BusinessRuleError { rule field details } ... on Error { code messageEn }`;
const typeOf = (field: string) => `${field[0]!.toUpperCase()}${field.slice(1)}`;

/**
 * Calls on one cooperative of a test API, for the business-date tests of each unit: `mutate` answers the
 * result union (typed errors included), `ok` insists on success, `read` runs a query as the manager with
 * `$c` bound to the cooperative. `get` is read at each call (the API starts in beforeAll).
 */
export function unitCalls(get: () => { api: TestApi; coopId: string; manager: string }, defaultSelection = 'id') {
  const mutate = (field: string, input: Record<string, unknown>, token: string, selection = defaultSelection) => {
    const { api, coopId } = get();
    const type = typeOf(field);
    return api.gql(`mutation($input: ${type}Input!) { ${field}(input: $input) { ${RESULT} ... on ${type}Success { data { ${selection} } } } }`, { input: { cooperativeId: coopId, ...input } }, token);
  };
  const ok = async (field: string, input: Record<string, unknown>, token?: string, selection = defaultSelection) => {
    const res = await mutate(field, input, token ?? get().manager, selection);
    expect(res.data?.[field]?.__typename, JSON.stringify(res)).toBe(`${typeOf(field)}Success`);
    return res.data[field].data;
  };
  const read = async (query: string, variables: Record<string, unknown>) => {
    const { api, coopId, manager } = get();
    const res = await api.gql(query, { c: coopId, ...variables }, manager);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  return { mutate, ok, read };
}

/**
 * The cases every unit's business events share, on the units' common calendar (the cooperative opens on
 * 2 March 2026, first financial year 2026; the tests run on 17 March): the schema marks no event without
 * a case here, and each event refuses a date after today, before the first year, beyond the caller's
 * window and in a locked period, and is accepted yesterday and reported on that day.
 */
export function itAppliesTheBusinessDateRules(prefix: string, ctx: () => { api: TestApi; coopId: string; manager: string; staff: string; events: BusinessEvent[] }) {
  it(`has a case for every ${prefix} mutation the schema marks a business event`, () => {
    expect(unitBusinessEvents().filter((n) => n.startsWith(prefix))).toEqual(ctx().events.map((e) => e.field).sort());
  });

  it('refuses a date after today, naming businessDate, with nothing written', async () => {
    const { api, events, manager } = ctx();
    for (const e of events) await expectRefusedDate(api, e, '2026-03-18', manager, /must not be after today \(2026-03-17\)/);
  });

  it("refuses a date before the cooperative's first financial year", async () => {
    const { api, events, manager } = ctx();
    for (const e of events) await expectRefusedDate(api, e, '2025-12-31', manager, /first financial year \(2026\)/);
  });

  it("refuses a date beyond the caller's backdating window", async () => {
    const { api, coopId, manager, staff, events } = ctx();
    await expectRefusedBeyondWindow({ api, coopId, manager, staff }, events, '2026-03-17');
  });

  it('refuses a date in a locked period', async () => {
    const { api, coopId, events, manager } = ctx();
    const lock = await api.gql(`mutation($input: LockPeriodInput!) { lockPeriod(input: $input) { __typename } }`, { input: { cooperativeId: coopId, through: '2026-02' } }, manager);
    expect(lock.data.lockPeriod.__typename).toBe('LockPeriodSuccess');
    for (const e of events) await expectRefusedDate(api, e, '2026-02-27', manager, /locked period: the books are locked through 2026-02/);
  });

  it('accepts yesterday within the window and reports it on yesterday (staff where staff may record it)', async () => {
    const { events, manager, staff } = ctx();
    for (const e of events) await expectAcceptedYesterday(e, '2026-03-16', staffMay(e.field) ? staff : manager);
  });
}
