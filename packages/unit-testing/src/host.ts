import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { ManualClock, createCity, createCooperative, createCoreContext, createKelurahan, type Principal } from '@kkmp/core';
import { createDb, ensureTable, type Db } from '@kkmp/store';
import { startDynamoDbLocal, type DynamoDbLocal } from '@kkmp/store/local';
import { inject } from 'vitest';
import { encodeId, type AnyUnit, type UnitDemoContext } from '@kkmp/plugin-sdk';
import { LOCAL_DEV_SECRET, createApi, createDemoContext, mintToken } from '@kkmp/host';

export interface GqlResult<T = any> {
  status: number;
  data: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface UnitTestCooperative {
  /** GraphQL id of the cooperative. */
  id: string;
  rawId: string;
  /** Bearer tokens of this cooperative's people. */
  manager: string;
  supervisor: string;
  /** Staff holding the units under test in their token. */
  staff: string;
}

export interface UnitTestHost {
  url: string;
  db: Db;
  clock: ManualClock;
  /** Two cooperatives in one city: use `a`; `b` is the other tenant. */
  a: UnitTestCooperative;
  b: UnitTestCooperative;
  cityAdmin: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  token(p: Principal): Promise<string>;
  /** Enables a unit for a cooperative (as its manager); throws unless it worked. */
  enable(coop: UnitTestCooperative, unitId: string, settings?: unknown): Promise<void>;
  disable(coop: UnitTestCooperative, unitId: string): Promise<void>;
  /**
   * What a unit's `demo` runs with, as `npm run dev` gives it, in cooperative `a`: its operations go
   * through this host as a's people; the demo's clock moves are this host's clock.
   */
  demoContext(opts: { today: string; members?: UnitDemoContext['members'] }): UnitDemoContext;
  close(): Promise<void>;
}

/**
 * A real host for a unit's tests: the GraphQL API with the given units over HTTP, a fresh table in
 * DynamoDB Local (the test run's, or one started here), a city and two cooperatives.
 */
export async function startUnitTestHost(units: readonly AnyUnit[], opts: { now?: string } = {}): Promise<UnitTestHost> {
  let own: DynamoDbLocal | undefined;
  let endpoint: string | undefined;
  try {
    endpoint = inject('dynamoDbEndpoint' as never) as string | undefined;
  } catch {
    endpoint = undefined;
  }
  if (!endpoint) {
    own = await startDynamoDbLocal();
    endpoint = own.endpoint;
  }
  const db = createDb({ tableName: `unit-test-${randomUUID()}`, endpoint });
  await ensureTable(db);
  const clock = new ManualClock(opts.now ?? '2026-03-16T02:00:00Z');
  const platform = createCoreContext({ db, clock, principal: { userId: 'test-platform', role: 'PLATFORM_ADMIN' } });
  const city = await createCity(platform, { name: 'Kota Uji', kind: 'KOTA', regionCode: '3273', provinceName: 'Jawa Barat', timeZone: 'WIB' });
  const coops: UnitTestCooperative[] = [];
  for (const [i, name] of ['Sukamaju', 'Sukasari'].entries()) {
    const kel = await createKelurahan(platform, { cityId: city.id, name, kecamatan: 'Sukajadi', regionCode: `32730100${i + 1}0` });
    const coop = await createCooperative(platform, { cityId: city.id, kelurahanId: kel.id, name: `KKMP ${name}`, legalName: `Koperasi Kelurahan Merah Putih ${name}` });
    const t = (p: Omit<Principal, 'coopId'>) => mintToken({ ...p, coopId: coop.id }, { secret: LOCAL_DEV_SECRET });
    coops.push({
      id: encodeId('Cooperative', coop.id),
      rawId: coop.id,
      manager: await t({ userId: `manager-${i}`, role: 'COOP_MANAGER' }),
      supervisor: await t({ userId: `supervisor-${i}`, role: 'SUPERVISOR' }),
      staff: await t({ userId: `staff-${i}`, role: 'COOP_STAFF', units: units.map((u) => u.id) }),
    });
  }
  const yoga = createApi({ db, clock, units, auth: { secret: LOCAL_DEV_SECRET, issuer: 'kkmp', audience: 'kkmp-api' } });
  const server: Server = createServer(yoga);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const gql: UnitTestHost['gql'] = async (query, variables, token) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: any; errors?: GqlResult['errors'] };
    return { status: res.status, data: body.data, ...(body.errors ? { errors: body.errors } : {}) };
  };
  const switchUnit = async (op: 'enableUnit' | 'disableUnit', coop: UnitTestCooperative, unitId: string, settings?: unknown) => {
    const type = op === 'enableUnit' ? 'UnitSettingsInput' : 'DisableUnitInput';
    const res = await gql(
      `mutation($input: ${type}!) { ${op}(input: $input) { __typename ... on Error { code messageEn } } }`,
      { input: { cooperativeId: coop.id, unitId, ...(op === 'enableUnit' ? { settings: settings ?? {} } : {}) } },
      coop.manager,
    );
    if (!res.data?.[op]?.__typename?.endsWith('Success')) throw new Error(`${op} ${unitId} failed: ${JSON.stringify(res)}`);
  };
  return {
    url,
    db,
    clock,
    a: coops[0]!,
    b: coops[1]!,
    cityAdmin: await mintToken({ userId: 'test-city-admin', role: 'CITY_ADMIN', cityId: city.id }, { secret: LOCAL_DEV_SECRET }),
    gql,
    token: (p) => mintToken(p, { secret: LOCAL_DEV_SECRET }),
    enable: (coop, unitId, settings) => switchUnit('enableUnit', coop, unitId, settings),
    disable: (coop, unitId) => switchUnit('disableUnit', coop, unitId),
    demoContext: ({ today, members = [] }) => {
      const a = coops[0]!;
      const tokens = { manager: a.manager, staff: a.staff, supervisor: a.supervisor };
      return createDemoContext({
        cooperativeId: a.id,
        members,
        gql: async (query, variables = {}, as = 'manager') => {
          const r = await gql(query, variables, tokens[as]);
          if (r.errors) throw new Error(JSON.stringify(r.errors));
          return r.data;
        },
        today: () => today,
        setTime: (date, time = '09:00') => clock.set(new Date(`${date}T${time}:00+07:00`).toISOString()),
      });
    },
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await own?.stop();
    },
  };
}
