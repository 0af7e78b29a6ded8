import { coopKey, positionKey } from '@kkmp/core';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import { getItem, logCalls, putAll, type StoredItem } from '@kkmp/store';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';
import { digest, notes } from '../units/fixture-units';

// The city page reads a cooperative's unit records by key, from the ids its profile keeps: a new
// cooperative starts with an empty index and complete position totals, and every first enabling adds
// its unit in the same transaction, even when a profile edit races it.
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let other: Awaited<ReturnType<typeof cityWithCoop>>;
beforeAll(async () => {
  api = await startTestApi({ units: [notes, digest] as AnyUnit[] });
  f = await cityWithCoop(api, 'Kota Indeks');
  other = await cityWithCoop(api, 'Kota Indeks Lain');
});
afterAll(() => api.close());

const anyItem = z.record(z.string(), z.unknown());
const profile = (rawCoopId: string) => getItem(api.db, coopKey(rawCoopId), anyItem);
const enable = `mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename ... on Error { code messageEn } } }`;
const disable = `mutation($input: DisableUnitInput!) { disableUnit(input: $input) { __typename ... on Error { code messageEn } } }`;
const rename = `mutation($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { __typename ... on Error { code messageEn } } }`;
const page = `query($id: ID!) { city(id: $id) { ... on City { cooperatives(first: 10) { edges { node { name units(includeDisabled: true) { unitId enabled settings } } } } } } }`;
const key = () => randomUUID();

describe('the unit index on the cooperative profile', () => {
  it('a new cooperative: an empty index and complete position totals', async () => {
    expect((await profile(f.rawCoopId))?.unitIds).toEqual([]);
    expect(await getItem(api.db, positionKey(f.rawCoopId), anyItem)).toMatchObject({ complete: true, n: 0 });
  });

  it('first enablings add to it; disabling keeps the record listed; the page reads them by key', async () => {
    const version = (await profile(f.rawCoopId))!.version as number;
    for (const unitId of ['notes', 'digest']) {
      const on = await api.gql(enable, { input: { idempotencyKey: key(), cooperativeId: f.coopId, unitId, settings: {} } }, f.manager);
      expect(on.data.enableUnit.__typename).toBe('EnableUnitSuccess');
    }
    expect((await api.gql(disable, { input: { idempotencyKey: key(), cooperativeId: f.coopId, unitId: 'digest' } }, f.manager)).data.disableUnit.__typename).toBe('DisableUnitSuccess');
    // Enabled again: the record exists, the index already names it.
    expect((await api.gql(enable, { input: { idempotencyKey: key(), cooperativeId: f.coopId, unitId: 'digest', settings: {} } }, f.manager)).data.enableUnit.__typename).toBe('EnableUnitSuccess');
    expect((await api.gql(disable, { input: { idempotencyKey: key(), cooperativeId: f.coopId, unitId: 'digest' } }, f.manager)).data.disableUnit.__typename).toBe('DisableUnitSuccess');
    const stored = (await profile(f.rawCoopId))!;
    expect(stored.unitIds).toEqual(['digest', 'notes']);
    expect(stored.version).toBe(version + 2);

    const { result, log } = await logCalls(api.db, () => api.gql(page, { id: f.cityId }, f.cityAdmin));
    const units = result.data.city.cooperatives.edges[0].node.units;
    expect(units.map((u: { unitId: string; enabled: boolean }) => [u.unitId, u.enabled])).toEqual([['digest', false], ['notes', true]]);
    expect(log.byCommand.Query).toBe(1);

    // Without the index (a profile from before it), the same list comes from a query of the records.
    const { unitIds, ...unindexed } = stored;
    await putAll(api.db, [unindexed as StoredItem]);
    const queried = await logCalls(api.db, () => api.gql(page, { id: f.cityId }, f.cityAdmin));
    expect(queried.result.data).toEqual(result.data);
    expect(queried.log.byCommand.Query).toBe(2);
    await putAll(api.db, [stored as StoredItem]);
  });

  it('an enabling racing a profile edit: both land, the index keeps the unit', async () => {
    const [on, renamed] = await Promise.all([
      api.gql(enable, { input: { idempotencyKey: key(), cooperativeId: other.coopId, unitId: 'notes', settings: {} } }, other.manager),
      api.gql(rename, { input: { idempotencyKey: key(), cooperativeId: other.coopId, name: 'KKMP Indeks Baru' } }, other.manager),
    ]);
    expect(on.data.enableUnit.__typename).toBe('EnableUnitSuccess');
    expect(renamed.data.updateCooperative.__typename).toBe('UpdateCooperativeSuccess');
    expect(await profile(other.rawCoopId)).toMatchObject({ name: 'KKMP Indeks Baru', unitIds: ['notes'] });
  });
});
