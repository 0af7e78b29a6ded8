import type { AnyUnit } from '@kkmp/plugin-sdk';
import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest, notes } from './fixture-units';

/**
 * The chart of accounts is a value of each API, built from its own unit set: two APIs built in one
 * process (the one with `digest`, which declares an account, built first) each answer with their own
 * chart, and their services post and budget against it.
 */
let withDigest: UnitTestHost;
let bare: UnitTestHost;
beforeAll(async () => {
  withDigest = await startUnitTestHost([notes, digest] as AnyUnit[]);
  bare = await startUnitTestHost([notes] as AnyUnit[]);
});
afterAll(async () => {
  await withDigest?.close();
  await bare?.close();
});

const accounts = async (host: UnitTestHost) => {
  const res = await host.gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { ledger { accounts { code kind } } } } }`, { id: host.a.id }, host.a.manager);
  return res.data.cooperative.ledger.accounts as { code: string; kind: string }[];
};

const draft = (host: UnitTestHost, account: string) =>
  host.gql(
    `mutation($input: DraftJournalEntryInput!) { draftJournalEntry(input: $input) { __typename
      ... on ValidationError { fields { field messageEn messageId } } } }`,
    { input: { cooperativeId: host.a.id, date: '2026-03-10', memo: 'Titipan', lines: [{ account: '1100', debit: 5000 }, { account, credit: 5000 }] } },
    host.a.manager,
  );

const budget = (host: UnitTestHost, account: string) =>
  host.gql(
    `mutation($input: SetBudgetInput!) { setBudget(input: $input) { __typename
      ... on ValidationError { fields { field messageEn } } } }`,
    { input: { cooperativeId: host.a.id, year: 2026, lines: [{ account, months: Array<number>(12).fill(1000) }] } },
    host.a.manager,
  );

describe('each API has the chart of its own unit set', () => {
  it('the chart-of-accounts query answers with the core accounts plus only the installed units\' accounts', async () => {
    const [mine, other] = [await accounts(withDigest), await accounts(bare)];
    expect(mine).toContainEqual({ code: 'digest.deposit', kind: 'LIABILITY' });
    expect(other.map((a) => a.code)).not.toContain('digest.deposit');
    expect(other.filter((a) => a.code.includes('.'))).toEqual([]);
    // The core accounts are the same in both; only the unit's account differs.
    expect(mine.filter((a) => a.code !== 'digest.deposit')).toEqual(other);
    expect(other.map((a) => a.code)).toContain('1100');
  });

  it('posting and budgeting use the API\'s chart: the unit\'s account is known with the unit installed, unknown without', async () => {
    expect((await draft(withDigest, 'digest.deposit')).data.draftJournalEntry.__typename).toBe('DraftJournalEntrySuccess');
    const refused = (await draft(bare, 'digest.deposit')).data.draftJournalEntry;
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fields).toContainEqual({ field: 'input.lines.1.account', messageEn: 'unknown account digest.deposit', messageId: 'akun digest.deposit tidak dikenal' });

    expect((await budget(withDigest, 'digest.deposit')).data.setBudget.__typename).toBe('SetBudgetSuccess');
    expect((await budget(bare, 'digest.deposit')).data.setBudget).toEqual({
      __typename: 'ValidationError',
      fields: [{ field: 'input.lines.0.account', messageEn: 'unknown account digest.deposit' }],
    });
  });
});
