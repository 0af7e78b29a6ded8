import { getCashFlow, getFinancialPosition, getResults, getTrialBalance, type JournalEntryInput } from '@kkmp/core';
import { totalCalls } from '@kkmp/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerFixture } from './support';

/** A year of a busy shop: sales, purchases and expenses spread over 365 days. */
function posting(i: number): JournalEntryInput {
  const date = new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
  const amount = 10_000 + ((i * 7919) % 500_000);
  const kinds: [string, string, string | undefined][] = [
    ['1100', i % 3 ? '4110' : '4120', 'sembako'],
    ['1140', '2110', 'sembako'],
    ['5110', '1140', 'sembako'],
    ['6110', '1110', undefined],
    ['1110', '4110', 'lpg'],
  ];
  const [debit, credit, unitId] = kinds[i % kinds.length]!;
  return {
    date,
    memo: `posting ${i}`,
    source: { kind: 'TEST', documentId: String(i) },
    lines: [
      { account: debit, debit: amount, credit: 0, ...(unitId ? { unitId } : {}) },
      { account: credit, debit: 0, credit: amount, ...(unitId ? { unitId } : {}) },
    ],
  };
}

let f: Awaited<ReturnType<typeof ledgerFixture>>;

async function postMany(from: number, to: number) {
  const workers = 6;
  let next = from;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < to) await f.post(posting(next++));
    }),
  );
}

/** DynamoDB calls one full set of year statements makes. */
async function statementCalls(): Promise<number> {
  const ctx = f.manager();
  const before = totalCalls(f.db);
  const scope = { coopId: f.coop.id };
  const tb = await getTrialBalance(ctx, scope, '2026-01-01', '2026-12-31');
  const pos = await getFinancialPosition(ctx, scope, '2026-12-31');
  await getResults(ctx, scope, '2026-01-01', '2026-12-31');
  await getResults(ctx, { ...scope, unitId: 'sembako' }, '2026-01-01', '2026-12-31');
  await getCashFlow(ctx, scope, '2026-01-01', '2026-12-31');
  expect(tb.totals.debit).toBe(tb.totals.credit);
  expect(pos.balanced).toBe(true);
  return totalCalls(f.db) - before;
}

beforeAll(async () => {
  f = await ledgerFixture('2027-01-05T03:00:00Z');
});

describe('statements read maintained balances, not the journal', () => {
  it('a year with 10,000 postings costs the same DynamoDB calls as one with 100', async () => {
    await postMany(0, 100);
    const small = await statementCalls();
    await postMany(100, 10_000);
    const large = await statementCalls();
    const tb = await getTrialBalance(f.manager(), { coopId: f.coop.id }, '2026-01-01', '2026-12-31');
    let expected = 0;
    for (let i = 0; i < 10_000; i++) expected += posting(i).lines[0]!.debit;
    expect(tb.totals.debit).toBe(expected);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(12);
  }, 900_000);
});
