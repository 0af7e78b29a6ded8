import { backfillPosition, getFinancialPosition, positionKey, positionView, totalsByKey, type CoreContext, type JournalEntryInput, type Scope } from '@kkmp/core';
import { deleteAll, updateOne } from '@kkmp/store';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerFixture } from './support';

/**
 * The position totals kept by every posting (one item, read by key on the city page) equal the totals the
 * statement computes from the balance items: after any mix of sales per unit, equity payments, reversals,
 * year-end entries and SHU distributions over two financial years, consolidated and per unit, for today
 * and later dates. Past dates, and an item that is missing or not complete, are answered by the statement.
 */
const ACCOUNTS = ['1100', '1110', '1120', '1140', '1210', '1219', '2110', '2120', '2140', '2210', '3110', '3120', '3210', '3310', '3320', '4110', '4120', '4210', '5110', '6110', '6140'];
const UNITS = [undefined, 'sembako', 'lpg', 'air'];
const TODAY = '2026-06-15';
const SCOPES: Omit<Scope, 'coopId'>[] = [{}, { unitId: 'sembako' }, { unitId: 'lpg' }, { unitId: 'air' }];

const amount = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 5_000_000_000 }));
const dayOf = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const lastDay = Math.round((Date.parse(`${TODAY}T00:00:00Z`) - Date.UTC(2025, 0, 1)) / 86_400_000);

const random = fc
  .record({
    day: fc.integer({ min: 0, max: lastDay }),
    kind: fc.constantFrom('UNIT', 'EQUITY_PAYMENT', 'MANUAL', 'YEAR_CLOSE'),
    unit: fc.constantFrom(...UNITS),
    debits: fc.array(fc.record({ account: fc.constantFrom(...ACCOUNTS), unit: fc.constantFrom(...UNITS), amount }), { minLength: 1, maxLength: 3 }),
    creditAccounts: fc.array(fc.record({ account: fc.constantFrom(...ACCOUNTS), unit: fc.constantFrom(...UNITS) }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ day, kind, unit, debits, creditAccounts }): JournalEntryInput => {
    const total = debits.reduce((s, d) => s + d.amount, 0);
    const base = Math.floor(total / creditAccounts.length);
    const credits = creditAccounts.map((c, i) => ({ ...c, amount: i === 0 ? total - base * (creditAccounts.length - 1) : base })).filter((c) => c.amount > 0);
    return {
      date: dayOf(day),
      memo: 'random',
      source: { kind, ...(kind === 'UNIT' && unit ? { unitId: unit } : {}), documentId: `d${day}` },
      lines: [
        ...debits.map((d) => ({ account: d.account, debit: d.amount, credit: 0, ...(d.unit ? { unitId: d.unit } : {}) })),
        ...credits.map((c) => ({ account: c.account, debit: 0, credit: c.amount, ...(c.unit ? { unitId: c.unit } : {}) })),
      ],
    };
  });

/** The shapes real postings take: a unit's sale, an equity payment, the SHU distribution of the RAT. */
const shaped = fc
  .record({ day: fc.integer({ min: 0, max: lastDay }), unit: fc.constantFrom('sembako', 'lpg', 'air'), price: fc.integer({ min: 1_000, max: 50_000_000 }), margin: fc.integer({ min: 1, max: 40 }) })
  .chain(({ day, unit, price, margin }) => {
    const date = dayOf(day);
    const cost = Math.floor((price * (100 - margin)) / 100);
    return fc.constantFrom<JournalEntryInput>(
      {
        date,
        memo: 'penjualan',
        source: { kind: 'UNIT', unitId: unit, documentId: `s${day}` },
        lines: [
          { account: '1100', debit: price, credit: 0, unitId: unit },
          { account: '4110', debit: 0, credit: price, unitId: unit },
          { account: '5110', debit: cost, credit: 0, unitId: unit },
          { account: '1140', debit: 0, credit: cost, unitId: unit },
        ],
      },
      { date, memo: 'simpanan pokok', source: { kind: 'EQUITY_PAYMENT', documentId: `e${day}` }, lines: [{ account: '1100', debit: 50_000, credit: 0 }, { account: '3110', debit: 0, credit: 50_000 }] },
      {
        date,
        memo: 'pembagian SHU',
        source: { kind: 'SHU_DISTRIBUTION', documentId: `r${day}` },
        lines: [{ account: '3320', debit: price, credit: 0 }, { account: '3210', debit: 0, credit: price - cost }, { account: '2140', debit: 0, credit: cost }],
      },
    );
  });

/** A reversal as reverseJournalEntry posts it: the same lines, sides swapped. */
const reversalOf = (e: JournalEntryInput, date: string): JournalEntryInput => ({
  date: date > e.date ? date : e.date,
  memo: `Pembalikan: ${e.memo}`,
  source: { kind: 'REVERSAL', documentId: e.source.documentId },
  lines: e.lines.map((l) => ({ ...l, debit: l.credit, credit: l.debit })),
});

const pick = ({ currentAssets, nonCurrentAssets, currentLiabilities, nonCurrentLiabilities, totalAssets, totalLiabilities, totalEquity, currentSurplus, balanced }: Awaited<ReturnType<typeof getFinancialPosition>>) =>
  ({ currentAssets, nonCurrentAssets, currentLiabilities, nonCurrentLiabilities, totalAssets, totalLiabilities, totalEquity, currentSurplus, balanced });

let f: Awaited<ReturnType<typeof ledgerFixture>>;
beforeAll(async () => {
  f = await ledgerFixture(`${TODAY}T03:00:00Z`);
});

async function expectSame(ctx: CoreContext, label: string) {
  for (const scope of SCOPES.map((sc) => ({ coopId: f.coop.id, ...sc }))) {
    for (const asOf of [TODAY, '2026-12-31', '2027-02-01']) {
      const byKey = await totalsByKey(ctx, scope, asOf);
      expect(byKey, `${label} ${scope.unitId ?? 'all'} ${asOf}`).toBeDefined();
      expect(byKey, `${label} ${scope.unitId ?? 'all'} ${asOf}`).toEqual(pick(await getFinancialPosition(ctx, scope, asOf)));
    }
  }
}

describe('position totals by key', () => {
  it('equal the computed totals after every mix of postings, consolidated and per unit', async () => {
    const entries = fc.sample(fc.oneof(random, shaped), { numRuns: 240, seed: 20261201 });
    let reversals = 0;
    for (const [i, entry] of entries.entries()) {
      await f.post(entry);
      if (i % 7 === 3) {
        await f.post(reversalOf(entry, dayOf(lastDay)));
        reversals += 1;
      }
      if (i % 30 === 29) await expectSame(f.manager(), `after ${i + 1} entries`);
    }
    expect(reversals).toBeGreaterThan(20);
    await expectSame(f.manager(), 'at the end');
    // The figures are not trivially zero: the books moved in both years and in every unit.
    const all = await totalsByKey(f.manager(), { coopId: f.coop.id }, TODAY);
    expect(all!.totalAssets).not.toBe(0);
    expect(all!.currentSurplus).not.toBe(0);
  }, 600_000);

  it('a past date, an item not complete, or no item: the statement answers', async () => {
    const ctx = f.manager();
    const scope = { coopId: f.coop.id };
    expect(await totalsByKey(ctx, scope, '2026-03-31')).toBeUndefined();
    expect(await positionView(ctx, scope, '2026-03-31').totals()).toEqual(await getFinancialPosition(ctx, scope, '2026-03-31'));

    const complete = pick(await getFinancialPosition(ctx, scope, TODAY));
    await updateOne(f.db, positionKey(f.coop.id), { expression: 'REMOVE #c', names: { '#c': 'complete' } });
    expect(await totalsByKey(f.manager(), scope, TODAY)).toBeUndefined();
    expect(pick(await positionView(f.manager(), scope, TODAY).totals() as never)).toEqual(complete);

    await deleteAll(f.db, [positionKey(f.coop.id)]);
    expect(await totalsByKey(f.manager(), scope, TODAY)).toBeUndefined();
    expect(pick(await positionView(f.manager(), scope, TODAY).totals() as never)).toEqual(complete);

    // The backfill sums the balance items back into a complete item, once.
    expect(await backfillPosition(f.db, f.manager().chart, f.coop.id)).toBe(true);
    expect(await backfillPosition(f.db, f.manager().chart, f.coop.id)).toBe(false);
    await expectSame(f.manager(), 'after the backfill');
    await f.post({ date: TODAY, memo: 'after', source: { kind: 'UNIT', unitId: 'lpg', documentId: 'x' }, lines: [{ account: '1100', debit: 7, credit: 0, unitId: 'lpg' }, { account: '4120', debit: 0, credit: 7, unitId: 'lpg' }] });
    await expectSame(f.manager(), 'a posting after the backfill');
  }, 120_000);
});
