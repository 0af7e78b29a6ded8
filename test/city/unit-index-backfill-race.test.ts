import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { coopKey } from '@kkmp/core';
import { chartOf } from '@kkmp/host';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import { getItem, putAll, type Db, type StoredItem } from '@kkmp/store';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { backfillCityPage } from '../../packages/api/src/cli/city-page-backfill';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';
import { digest, notes } from '../units/fixture-units';

/**
 * The backfill indexes a profile with a versioned replace, so an enabling that commits between its query
 * of the unit records and its replace must move the profile's version: enabling on a profile not indexed
 * yet indexes it (from the records it queried), and the backfill then reads again. Without that, the
 * unit enabled meanwhile was left out of the index for good, and the city page (by key) never listed it.
 */
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
const anyItem = z.record(z.string(), z.unknown());
const enable = `mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename ... on Error { code messageEn } } }`;
const page = `query($id: ID!) { city(id: $id) { ... on City { cooperatives(first: 10) { edges { node { units(includeDisabled: true) { unitId } } } } } } }`;

beforeAll(async () => {
  api = await startTestApi({ units: [notes, digest] as AnyUnit[] });
  f = await cityWithCoop(api, 'Kota Balapan');
  const on = await api.gql(enable, { input: { idempotencyKey: randomUUID(), cooperativeId: f.coopId, unitId: 'notes', settings: {} } }, f.manager);
  expect(on.data.enableUnit.__typename).toBe('EnableUnitSuccess');
  // A profile from before the index.
  const { unitIds: _dropped, ...unindexed } = (await getItem(api.db, coopKey(f.rawCoopId), anyItem))!;
  await putAll(api.db, [unindexed as StoredItem]);
});
afterAll(() => api?.close());

it('an enabling landing between the backfill query of unit records and its replace is kept in the index', async () => {
  let raced = false;
  const send = api.db.doc.send.bind(api.db.doc);
  const racing: Db = {
    ...api.db,
    doc: new Proxy(api.db.doc, {
      get: (target, prop) =>
        prop === 'send'
          ? async (cmd: unknown) => {
              const out = await send(cmd as never);
              if (!raced && cmd instanceof QueryCommand && JSON.stringify(cmd.input).includes('UNIT')) {
                raced = true;
                // The API serves meanwhile: the manager enables a second unit.
                const on = await api.gql(enable, { input: { idempotencyKey: randomUUID(), cooperativeId: f.coopId, unitId: 'digest', settings: {} } }, f.manager);
                expect(on.data.enableUnit.__typename).toBe('EnableUnitSuccess');
              }
              return out;
            }
          : Reflect.get(target, prop),
    }),
  };
  await backfillCityPage(racing, chartOf([notes, digest] as AnyUnit[], []));
  expect(raced).toBe(true);
  const listed = await api.gql(page, { id: f.cityId }, f.cityAdmin);
  expect(listed.data.city.cooperatives.edges[0].node.units.map((u: { unitId: string }) => u.unitId)).toEqual(['digest', 'notes']);
  expect((await getItem(api.db, coopKey(f.rawCoopId), anyItem))?.unitIds).toEqual(['digest', 'notes']);
});
