import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedUnits } from '@kkmp/api';
import { chartOf } from '@kkmp/host';
import { coopKey, positionKey } from '@kkmp/core';
import { deleteAll, getItem, putAll, scanAll, sk, type StoredItem } from '@kkmp/store';
import { z } from 'zod';
import { backfillCityPage } from '../../packages/api/src/cli/city-page-backfill';
import { TODAY, example, measure, startSeeded, withKey, type Seeded } from './support';

// Cooperatives made before the city page read by key have no position totals and no unit index: the page
// answers the same from queries (slower), a posting since then starts a partial item that is not trusted,
// and the backfill restores the by-key page. Run twice, it writes nothing.
let s: Seeded;
beforeAll(async () => {
  s = await startSeeded();
}, 600_000);
afterAll(() => s?.api.close());

const PAGE = `query($id: ID!, $first: Int, $asOf: Date!) { city(id: $id) { ... on City { cooperatives(first: $first) { edges { node { id name
  units(includeDisabled: true) { unitId enabled }
  ledger { financialPosition(asOf: $asOf) { totalAssets totalLiabilities totalEquity currentSurplus currentAssets nonCurrentAssets currentLiabilities nonCurrentLiabilities balanced } } } } } } } }`;
const DEMO = `query($id: ID!, $asOf: Date!) { cooperative(id: $id) { ... on Cooperative { units(includeDisabled: true) { unitId enabled }
  ledger { financialPosition(asOf: $asOf) { totalAssets totalLiabilities totalEquity currentSurplus currentAssets nonCurrentAssets currentLiabilities nonCurrentLiabilities balanced } } } } }`;
const anyItem = z.record(z.string(), z.unknown());

const page = () => measure(s, PAGE, { id: s.values.cityId, first: 50, asOf: TODAY }, 'city');
const demo = () => measure(s, DEMO, { id: s.values.cooperativeId, asOf: TODAY });

/** The table as it was before: profiles without unit ids, no position items. */
async function strip() {
  const profiles: StoredItem[] = [];
  await scanAll(s.api.db, { expression: 'sk = :p AND #t = :t', names: { '#t': 'type' }, values: { ':p': 'PROFILE', ':t': 'Cooperative' } }, async (items) => {
    for (const { unitIds, ...rest } of items) profiles.push(rest as StoredItem);
  });
  await putAll(s.api.db, profiles);
  await deleteAll(s.api.db, profiles.map((p) => positionKey(p.id as string)));
  return profiles.map((p) => p.id as string);
}

describe('backfill of what the city page reads by key', () => {
  it('answers the same page from queries before it, and by key after it', async () => {
    const before = await page();
    const demoBefore = await demo();
    expect(before.log.byCommand).toEqual({ BatchGetItem: 2, Query: 1 });
    expect(before.data.city.cooperatives.edges.some((e: any) => e.node.units.length > 0)).toBe(true);
    expect(demoBefore.data.cooperative.ledger.financialPosition.totalAssets).toBeGreaterThan(0);
    // Kept by every posting of every unit's demo: the totals by key are the statement's (asked with its lines).
    expect(demoBefore.log.byCommand.Query).toBeUndefined();
    const computed = await measure(s, DEMO.replace('balanced }', 'balanced assets { amount } }'), { id: s.values.cooperativeId, asOf: TODAY });
    expect(computed.log.byCommand.Query).toBeGreaterThan(0);
    const { assets, ...computedTotals } = computed.data.cooperative.ledger.financialPosition;
    expect(assets.length).toBeGreaterThan(0);
    expect(computedTotals).toEqual(demoBefore.data.cooperative.ledger.financialPosition);
    // A record of a unit this API does not install (enabled when it was): listed as ever, by key too.
    const coopRaw = (await getItem(s.api.db, coopKey(rawDemoId()), anyItem))!;
    await putAll(s.api.db, [{ pk: coopRaw.pk as string, sk: sk('UNIT', 'kopi'), type: 'UnitRecord', unitId: 'kopi', enabled: false, settings: {}, updatedAt: '2026-01-01T00:00:00Z', version: 2 }]);
    const ids = await strip();
    const raw = (await getItem(s.api.db, coopKey(ids[0]!), anyItem))!;
    expect(raw.unitIds).toBeUndefined();

    // Not indexed: the same answers, from a query per cooperative for units and two for its position.
    const stripped = await page();
    expect(stripped.data).toEqual(before.data);
    expect(stripped.log.byCommand.Query).toBeGreaterThan(1);

    // A sale since the deploy starts a position item holding only itself: not complete, not trusted.
    const sale = example(s, 'airminum', 'Air minum: sell refills');
    await measure(s, sale.query, withKey(sale.variables), sale.as);
    const partial = (await scanPositions()).find((p) => p.complete !== true);
    expect(partial?.n).toBe(1);
    const demoAfterSale = await demo();
    expect(demoAfterSale.data.cooperative.units).toContainEqual({ unitId: 'kopi', enabled: false });
    expect(demoAfterSale.data.cooperative.ledger.financialPosition.totalAssets).toBeGreaterThan(demoBefore.data.cooperative.ledger.financialPosition.totalAssets);
    expect(demoAfterSale.log.byCommand.Query).toBeGreaterThan(0);
    const fallback = await page();

    const done = await backfillCityPage(s.api.db, chartOf(installedUnits, []));
    expect(done).toEqual({ cooperatives: ids.length, positions: ids.length, unitIndexes: ids.length });
    const after = await page();
    expect(after.log.byCommand).toEqual({ BatchGetItem: 2, Query: 1 });
    expect(after.data).toEqual(fallback.data);
    const demoAfter = await demo();
    expect(demoAfter.data).toEqual(demoAfterSale.data);
    expect(demoAfter.log.byCommand.Query).toBeUndefined();

    expect(await backfillCityPage(s.api.db, chartOf(installedUnits, []))).toEqual({ cooperatives: ids.length, positions: 0, unitIndexes: 0 });
  });
});

function rawDemoId(): string {
  return Buffer.from(s.values.cooperativeId!, 'base64url').toString().split(':').at(-1)!;
}

async function scanPositions() {
  const out: Record<string, unknown>[] = [];
  await scanAll(s.api.db, { expression: 'sk = :p', values: { ':p': 'POSITION' } }, async (items) => void out.push(...items));
  return out;
}
