import { defineUnit, update, z, type AnyUnit } from '@kkmp/plugin-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';

/**
 * A query a unit prefetch started and nobody took (here: an idempotent replay, whose body never runs) is
 * that mutation's alone: a later mutation of the same request (GraphQL runs root mutation fields in turn)
 * must not take its answer, from before the writes in between, and decide on it.
 */
const itemSchema = z.object({ value: z.number().int() });

const shelf = defineUnit({
  id: 'shelf',
  name: { id: 'Rak', en: 'Shelf' },
  description: { id: 'Rak barang.', en: 'A shelf.' },
  version: '1.0.0',
  compatibility: '^1',
  settings: z.object({}),
  sampleSettings: {},
  permissions: { 'shelf:write': { description: 'Use the shelf.', roles: ['COOP_MANAGER'] } },
  schema(_b, unit) {
    unit.mutation('put', {
      type: 'Int',
      description: 'Puts an item on the shelf.',
      permission: 'shelf:write',
      businessEvent: false,
      input: (t) => ({ itemId: t.string({ description: 'Item.' }) }),
      resolve: async (input: { itemId: string }, u) => {
        u.writes.update(['ITEM', input.itemId], update().set('value', 1));
        return 1;
      },
    });
    unit.mutation('count', {
      type: 'Int',
      description: 'Counts the items (a query named ahead).',
      permission: 'shelf:write',
      businessEvent: false,
      input: (t) => ({ note: t.string({ required: false, description: 'Note.' }) }),
      prefetch: (_input, keys) => keys.query('ITEM'),
      resolve: async (_input, u) => (await u.store.all(itemSchema, ['ITEM'])).length,
    });
  },
  async onEnable() {},
  async onDisable() {},
});

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
beforeAll(async () => {
  api = await startTestApi({ units: [shelf] as AnyUnit[] });
  f = await cityWithCoop(api, 'Kota Rak');
  const on = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'shelf', settings: {} } }, f.manager);
  expect(on.data.enableUnit.__typename).toBe('EnableUnitSuccess');
});
afterAll(() => api?.close());

const COUNT = `mutation($c: ID!) { shelfCount(input: { cooperativeId: $c, idempotencyKey: "count-key-1" }) { __typename ... on ShelfCountSuccess { data } ... on Error { code message } } }`;
const BATCH = `mutation($c: ID!) {
  replay: shelfCount(input: { cooperativeId: $c, idempotencyKey: "count-key-1" }) { __typename ... on ShelfCountSuccess { data } ... on Error { code message } }
  put: shelfPut(input: { cooperativeId: $c, idempotencyKey: "put-key-1", itemId: "x" }) { __typename ... on ShelfPutSuccess { data } ... on Error { code message } }
  fresh: shelfCount(input: { cooperativeId: $c, idempotencyKey: "count-key-2" }) { __typename ... on ShelfCountSuccess { data } ... on Error { code message } }
}`;

it('a later mutation of the same request does not decide on a query an earlier (replayed) one started', async () => {
  const first = await api.gql(COUNT, { c: f.coopId }, f.manager);
  expect(first.data.shelfCount.data).toBe(0);
  const r = await api.gql(BATCH, { c: f.coopId }, f.manager);
  expect(r.data.replay.data).toBe(0);
  expect(r.data.put.data).toBe(1);
  // One item is on the shelf now: a count made after the put must see it.
  expect(r.data.fresh.data).toBe(1);
});
