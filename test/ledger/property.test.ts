import { getFinancialPosition, getTrialBalance, ValidationError, type JournalEntryInput } from '@kkmp/core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerFixture } from './support';

/**
 * Property: whatever mix of valid entries is posted (any accounts, units, dates, amounts up to billions),
 * total debits equal total credits and assets = liabilities + equity after every single posting; an
 * unbalanced entry is refused and changes nothing.
 */
const ACCOUNTS = ['1100', '1110', '1120', '1140', '1210', '1219', '2110', '2120', '2210', '3110', '3120', '3210', '4110', '4120', '4210', '5110', '6110', '6140'];
const UNITS = [undefined, 'sembako', 'lpg', 'air'];

const amount = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 5_000_000_000 }));
const entryArb = fc
  .record({
    day: fc.integer({ min: 0, max: 180 }),
    debits: fc.array(fc.record({ account: fc.constantFrom(...ACCOUNTS), unit: fc.constantFrom(...UNITS), amount }), { minLength: 1, maxLength: 3 }),
    creditAccounts: fc.array(fc.record({ account: fc.constantFrom(...ACCOUNTS), unit: fc.constantFrom(...UNITS) }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ day, debits, creditAccounts }): JournalEntryInput => {
    const total = debits.reduce((s, d) => s + d.amount, 0);
    // Credits split the debit total exactly, in whole rupiah.
    const base = Math.floor(total / creditAccounts.length);
    const credits = creditAccounts.map((c, i) => ({ ...c, amount: i === 0 ? total - base * (creditAccounts.length - 1) : base })).filter((c) => c.amount > 0);
    const date = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    return {
      date,
      memo: 'random',
      source: { kind: 'TEST', documentId: `d${day}` },
      lines: [
        ...debits.map((d) => ({ account: d.account, debit: d.amount, credit: 0, ...(d.unit ? { unitId: d.unit } : {}) })),
        ...credits.map((c) => ({ account: c.account, debit: 0, credit: c.amount, ...(c.unit ? { unitId: c.unit } : {}) })),
      ],
    };
  });

let f: Awaited<ReturnType<typeof ledgerFixture>>;
beforeAll(async () => {
  f = await ledgerFixture();
});

describe('double entry holds under thousands of random postings', () => {
  it('debits = credits and the financial position balances after every posting', async () => {
    const entries = fc.sample(entryArb, { numRuns: 2000, seed: 20261123 });
    let posted = 0;
    let expectedTotal = 0;
    for (const [i, entry] of entries.entries()) {
      await f.post(entry);
      posted += 1;
      expectedTotal += entry.lines.reduce((s, l) => s + l.debit, 0);
      {
        const tb = await getTrialBalance(f.manager(), { coopId: f.coop.id }, '2026-01-01', '2026-12-31');
        expect(tb.totals.debit).toBe(expectedTotal);
        expect(tb.totals.credit).toBe(tb.totals.debit);
        expect(tb.totals.closingDebit).toBe(tb.totals.closingCredit);
        const pos = await getFinancialPosition(f.manager(), { coopId: f.coop.id }, entry.date > '2026-06-30' ? entry.date : '2026-06-30');
        expect(pos.balanced, `after posting ${posted}`).toBe(true);
        if (i % 50 === 0) for (const unit of ['sembako', 'lpg']) {
          const seg = await getTrialBalance(f.manager(), { coopId: f.coop.id, unitId: unit }, '2026-01-01', '2026-12-31');
          // A unit's own lines need not balance (an entry may span units), but the sums are consistent.
          expect(seg.totals.closingDebit - seg.totals.closingCredit).toBe(seg.totals.debit - seg.totals.credit);
        }
      }
    }
    expect(posted).toBe(2000);
  }, 600_000);

  it('refuses every unbalanced entry whole', async () => {
    const before = await getTrialBalance(f.manager(), { coopId: f.coop.id }, '2026-01-01', '2026-12-31');
    await fc.assert(
      fc.asyncProperty(entryArb, fc.integer({ min: 1, max: 1000 }), async (entry, skew) => {
        const broken = { ...entry, lines: entry.lines.map((l, i) => (i === 0 ? { ...l, debit: l.debit + skew } : l)) };
        await expect(f.post(broken)).rejects.toBeInstanceOf(ValidationError);
      }),
      { numRuns: 100, seed: 7 },
    );
    const after = await getTrialBalance(f.manager(), { coopId: f.coop.id }, '2026-01-01', '2026-12-31');
    expect(after.totals).toEqual(before.totals);
  }, 120_000);
});
