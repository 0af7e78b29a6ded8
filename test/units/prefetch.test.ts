import { defineUnit, cond, update, z, type AnyUnit } from '@kkmp/plugin-sdk';
import { logCalls, pk, putAll, sk } from '@kkmp/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';

/**
 * A unit mutation's `prefetch`: the keys it names join the gate's first read wave, and it changes
 * nothing else: not a refusal, not what the resolver reads (a re-run reads afresh).
 */

const itemSchema = z.object({ value: z.number().int() });
/** What each call of the hook saw, and how many attempts each request's resolver made (by item id). */
const hookCalls: string[] = [];
const attempts = new Map<string, number>();

const stash = defineUnit({
  id: 'stash',
  name: { id: 'Simpanan barang', en: 'Stash' },
  description: { id: 'Barang titipan.', en: 'Things kept.' },
  version: '1.0.0',
  compatibility: '^1',
  settings: z.object({}),
  sampleSettings: {},
  permissions: { 'stash:write': { description: 'Take things.', roles: ['COOP_MANAGER'] } },
  schema(_b, unit) {
    unit.mutation('take', {
      type: 'Int',
      description: 'Takes one from an item (the item read by key, named ahead).',
      permission: 'stash:write',
      businessEvent: false,
      input: (t) => ({ itemId: t.string({ description: 'Item.' }), mode: t.string({ required: false, description: 'Test behaviour.' }) }),
      schema: z.object({ itemId: z.string().regex(/^[a-z]+$/), mode: z.string().nullish() }),
      prefetch: (input, keys) => {
        hookCalls.push(input.itemId);
        if (input.mode === 'throw') throw new Error('a hook that fails names nothing more');
        keys.item('ITEM', input.itemId);
      },
      resolve: async (input, u) => {
        const attempt = (attempts.get(input.itemId) ?? 0) + 1;
        attempts.set(input.itemId, attempt);
        if (input.mode === 'race' && attempt === 1) {
          // The first attempt reads nothing, another cashier changes the item, and the attempt's condition
          // (on what it believed) fails: the re-run must read the item afresh, not the prefetched copy.
          await putAll(stashDb(), [{ ...itemKey(u.cooperative.id, input.itemId), value: 7, unit: 'stash' }]);
          u.writes.check(['ITEM', input.itemId], cond.eq('value', 5));
          return 0;
        }
        const item = await u.store.get(itemSchema, 'ITEM', input.itemId);
        u.writes.update(['ITEM', input.itemId], update().add('value', -1));
        return item?.value ?? -1;
      },
    });
    unit.mutation('tally', {
      type: 'Int',
      description: "Counts the items and marks the day's tally (a dated item and a query, named ahead).",
      permission: 'stash:write',
      businessEvent: true,
      input: (t) => ({ note: t.string({ required: false, description: 'Note.' }) }),
      prefetch: (_input, keys) => {
        for (const date of keys.dates) keys.item('DAY', date);
        keys.query('ITEM');
      },
      resolve: async (_input, u) => {
        const [day, items] = await Promise.all([u.store.get(itemSchema, 'DAY', u.businessDate), u.store.all(itemSchema, ['ITEM'])]);
        u.writes.update(['DAY', u.businessDate], update().add('value', 1));
        return (day?.value ?? 0) * 100 + items.length;
      },
    });
  },
  async onEnable() {},
  async onDisable() {},
});

let api: TestApi;
const stashDb = () => api.db;
const itemKey = (coopId: string, id: string) => ({ pk: pk({ kind: 'coop', coopId }, 'U', 'stash'), sk: sk('ITEM', id) });
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let outsider: string;

const TAKE = `mutation($input: StashTakeInput!) { stashTake(input: $input) { __typename ... on StashTakeSuccess { data } ... on ValidationError { fields { field } } ... on Error { code } } }`;
const take = async (itemId: string, mode?: string, token = f.manager) => {
  const { result, log } = await logCalls(api.db, () => api.gql(TAKE, { input: { cooperativeId: f.coopId, itemId, ...(mode ? { mode } : {}) } }, token));
  return { answer: result.data.stashTake, log };
};

beforeAll(async () => {
  api = await startTestApi({ units: [stash] as AnyUnit[] });
  f = await cityWithCoop(api, 'Kota Titipan');
  const other = await cityWithCoop(api, 'Kota Lain');
  outsider = other.manager;
  const on = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'stash', settings: {} } }, f.manager);
  expect(on.data.enableUnit.__typename).toBe('EnableUnitSuccess');
  await putAll(api.db, ['a', 'b', 'c', 'race'].map((id) => ({ ...itemKey(f.rawCoopId, id), value: 5, unit: 'stash' })));
  // The day's first call of the unit records activity: the measured ones are ordinary.
  await take('c');
});
afterAll(() => api?.close());

describe("a unit mutation's prefetch", () => {
  it("puts the resolver's read by key in the gate's BatchGetItem", async () => {
    const { answer, log } = await take('a');
    expect(answer).toEqual({ __typename: 'StashTakeSuccess', data: 5 });
    expect(log.byCommand).toEqual({ BatchGetItem: 1, TransactWriteItems: 1 });
    expect(log.roundTrips).toBe(2);
  });

  it('a hook that throws changes nothing but the wave: the resolver reads as without it', async () => {
    const { answer, log } = await take('b', 'throw');
    expect(answer).toEqual({ __typename: 'StashTakeSuccess', data: 5 });
    expect(log.byCommand).toEqual({ BatchGetItem: 2, TransactWriteItems: 1 });
  });

  it('is not called for input the schema refuses, which is refused as before', async () => {
    const before = hookCalls.length;
    const { answer } = await take('NOT-VALID');
    expect(answer).toEqual({ __typename: 'ValidationError', code: 'VALIDATION', fields: [{ field: 'input.itemId' }] });
    expect(hookCalls.length).toBe(before);
  });

  it("changes no refusal of the gate: another cooperative's manager is refused, and nothing is written", async () => {
    const { answer } = await take('a', undefined, outsider);
    expect(answer).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    // The item as the first test left it: taken once.
    const { answer: again } = await take('a');
    expect(again.data).toBe(4);
  });

  it("names a dated key for each business date the call may have, and starts a query beside the gate's wave", async () => {
    const TALLY = `mutation($input: StashTallyInput!) { stashTally(input: $input) { __typename ... on StashTallySuccess { data } ... on Error { code } } }`;
    const tally = () => logCalls(api.db, () => api.gql(TALLY, { input: { cooperativeId: f.coopId } }, f.manager));
    await tally();
    const { result, log } = await tally();
    // The day's tally marked once before, and the four items (a, b, c, race).
    expect(result.data.stashTally).toEqual({ __typename: 'StashTallySuccess', data: 104 });
    expect(log.byCommand).toEqual({ BatchGetItem: 1, Query: 1, TransactWriteItems: 1 });
    expect(log.roundTrips).toBe(2);
  });

  it('a re-run reads a prefetched item afresh', async () => {
    const { answer } = await take('race', 'race');
    expect(attempts.get('race')).toBe(2);
    expect(answer).toEqual({ __typename: 'StashTakeSuccess', data: 7 });
  });
});
