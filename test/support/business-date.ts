import { expect } from 'vitest';
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

/** Yesterday is accepted and reported on yesterday. */
export async function expectAcceptedYesterday(event: BusinessEvent, yesterday: string, token: string) {
  const before = await event.reportedOn(yesterday);
  const res = await event.record(yesterday, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(payload(res, event.field).__typename, JSON.stringify(payload(res, event.field))).toMatch(/Success$/);
  expect(await event.reportedOn(yesterday)).toBe(before + 1);
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
