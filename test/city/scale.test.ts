import { seedDemoData } from '@kkmp/api/local';
import { createCoreContext, postEntry, runMutation, type CoreContext, type JournalEntryInput } from '@kkmp/core';
import { encodeId } from '@kkmp/plugin-sdk';
import { pk, putAll, sk, totalCalls, type StoredItem } from '@kkmp/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

// The demo city (Kota Bandung, 151 kelurahan, 150 cooperatives) as a city admin sees it: the dashboard and
// a page of cooperatives with their summaries cost the same few DynamoDB calls for pages of 10 and 50, and
// the same after two cooperatives have recorded 10,000 transactions each.
const TODAY = '2026-11-23';
let api: TestApi;
let city: string;
let cityId: string;

const VIEW = `query($id: ID!, $first: Int!) { city(id: $id) { ... on City {
  dashboard { asOf counts { total formed legalEntity operating active inactive operatingWithoutActivity } kelurahanWithoutCooperative kelurahan { kelurahan { name } counts { total active } } units { unitId enabled trading } constraints { constraint cooperatives } overdueFollowUps }
  cooperativeActivity(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { active lastActivityDate daysSinceActivity members unitsEnabled unitsTrading lastRatDate booksClosedLastYear cooperative { id name status kelurahan { name kecamatan } } } } }
} } }`;

/** The dashboard and one page, over HTTP: the answer and the DynamoDB calls the API made for it. */
async function view(first: number) {
  const before = totalCalls(api.db);
  const res = await api.gql(VIEW, { id: cityId, first }, city);
  const calls = totalCalls(api.db) - before;
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return { calls, city: res.data.city };
}

beforeAll(async () => {
  api = await startTestApi({ now: `${TODAY}T03:00:00Z` });
  const users = await seedDemoData(api.db, api.clock);
  const principal = users.find((u) => u.label === 'city')!.principal;
  city = await api.token(principal);
  cityId = encodeId('City', principal.cityId!);
}, 300_000);
afterAll(() => api?.close());

describe('the demo city', () => {
  it('looks like Bandung: about 150 cooperatives in 151 kelurahan, about a quarter active', async () => {
    const { city: c } = await view(50);
    const d = c.dashboard;
    expect(d.asOf).toBe(TODAY);
    expect(d.counts.total).toBe(150);
    expect(d.kelurahan).toHaveLength(151);
    expect(d.kelurahanWithoutCooperative).toBe(1);
    expect(d.counts.formed + d.counts.legalEntity + d.counts.operating).toBe(150);
    expect(d.counts.active + d.counts.inactive).toBe(150);
    expect(d.counts.active).toBeGreaterThanOrEqual(25);
    expect(d.counts.active).toBeLessThanOrEqual(50);
    expect(d.counts.operatingWithoutActivity).toBeGreaterThan(0);
    for (const n of [d.counts.formed, d.counts.legalEntity, d.counts.operating]) expect(n).toBeGreaterThan(15);
    expect(d.kelurahan.reduce((s: number, k: any) => s + k.counts.active, 0)).toBe(d.counts.active);
    expect(d.units.map((u: any) => u.unitId)).toEqual(expect.arrayContaining(['sembako', 'simpanpinjam', 'lpg']));
    expect(d.overdueFollowUps).toBeGreaterThan(0);
    expect(d.constraints.some((x: any) => x.cooperatives > 0)).toBe(true);
    // The demo's own shop is measured from its real transactions: its week of sales makes it active.
    const list = c.cooperativeActivity;
    expect(list.totalCount).toBe(150);
    expect(list.edges).toHaveLength(50);
  });
});

describe('DynamoDB calls of the city view', () => {
  it('the dashboard and a page cost the same for 10 and for 50 cooperatives, a small fixed number', async () => {
    const ten = await view(10);
    const fifty = await view(50);
    expect(ten.city.cooperativeActivity.edges).toHaveLength(10);
    expect(fifty.city.cooperativeActivity.edges).toHaveLength(50);
    expect(fifty.calls).toBe(ten.calls);
    expect(fifty.calls).toBeLessThanOrEqual(10);
  });

  it('the same after two cooperatives recorded 10,000 transactions each (the first ones through the real posting path)', async () => {
    const before = await view(50);
    const active = before.city.cooperativeActivity.edges.map((e: any) => e.node).filter((n: any) => n.unitsEnabled.includes('sembako')).slice(0, 2);
    expect(active).toHaveLength(2);
    for (const node of active) {
      const coopId = Buffer.from(node.cooperative.id, 'base64url').toString().split(':')[1]!;
      await postThroughRealPath(coopId, 10);
      await writeEffects(coopId, 10, 10_000);
    }
    const after = await view(50);
    expect(after.calls).toBe(before.calls);
    // The real postings moved the two cooperatives' activity to today.
    const nodes = after.city.cooperativeActivity.edges.map((e: any) => e.node);
    for (const node of active) expect(nodes.find((n: any) => n.cooperative.id === node.cooperative.id)).toMatchObject({ active: true, lastActivityDate: TODAY, unitsTrading: expect.arrayContaining(['sembako']) });
  }, 600_000);
});

const sale = (coopId: string, i: number, date: string): JournalEntryInput => ({
  date,
  memo: `penjualan ${i}`,
  source: { kind: 'UNIT', unitId: 'sembako', documentId: `${coopId}-${i}` },
  lines: [
    { account: '1110', unitId: 'sembako', debit: 17_500, credit: 0 },
    { account: '4120', unitId: 'sembako', debit: 0, credit: 17_500 },
  ],
});

/** Postings as a unit's sale makes them: one transaction each, with the summary kept after the commit. */
async function postThroughRealPath(coopId: string, n: number) {
  const ctx = (): CoreContext => createCoreContext({ db: api.db, clock: api.clock, principal: { userId: 'ketua', role: 'COOP_MANAGER', coopId } });
  for (let i = 0; i < n; i++) {
    const entry = sale(coopId, i, TODAY);
    await runMutation(ctx(), { operation: 'testSale', tenant: { kind: 'coop', coopId }, input: entry }, (tx) => postEntry(ctx(), tx, coopId, entry));
  }
}

/** The stored effects of many more sales (journal entries and day balances), written in batches. */
async function writeEffects(coopId: string, from: number, to: number) {
  const ledger = pk({ kind: 'coop', coopId }, 'LEDGER');
  const items: StoredItem[] = [];
  for (let i = from; i < to; i++) {
    const date = `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const e = sale(coopId, i, date);
    items.push({ pk: ledger, sk: sk('JE', date, `BULK${String(i).padStart(22, '0')}`), type: 'JournalEntry', id: `BULK${i}`, coopId, ...e, total: 17_500, postedAt: `${TODAY}T03:00:00Z`, postedBy: 'bulk' });
  }
  await putAll(api.db, items);
}
