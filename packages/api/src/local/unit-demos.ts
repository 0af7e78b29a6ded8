import { ManualClock, localDate, type Clock, type Principal } from '@kkmp/core';
import type { AnyUnit, UnitDemoContext } from '@kkmp/plugin-sdk';
import { encodeId } from '@kkmp/plugin-sdk';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, createApi, createDemoContext, mintToken } from '@kkmp/host';
import { Transaction, getItem, pk, sk, type Db } from '@kkmp/store';
import { z } from 'zod';
import { randomBytes } from 'node:crypto';

export interface DemoCooperative {
  coopId: string;
  members: { id: string; nik: string; name: string; memberNumber: number }[];
  manager: Principal;
  staff: Principal;
  supervisor: Principal;
}

/**
 * Enables every installed unit in the demo cooperative with its sample settings and runs the unit's
 * own demo scenario, through an in-process API whose clock the demo may move back (a week of sales),
 * so demo data is exactly what clients could have written. Idempotency keys make a re-run harmless.
 * Answers the demos' values (ids of demo records) for this cooperative.
 */
export async function runUnitDemos(db: Db, units: readonly AnyUnit[], coop: DemoCooperative, clock: Clock): Promise<Record<string, string>> {
  const demoClock = new ManualClock(clock.now());
  const secret = randomBytes(32).toString('hex');
  const api = createApi({ db, clock: demoClock, units, auth: { secret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE } });
  const tokens = {
    manager: await mintToken(coop.manager, { secret }),
    staff: await mintToken({ ...coop.staff, units: units.map((u) => u.id) }, { secret }),
    supervisor: await mintToken(coop.supervisor, { secret }),
  };
  const gql = async (query: string, variables: Record<string, unknown> = {}, as: keyof typeof tokens = 'manager') => {
    const res = await api.fetch('http://demo/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[as]}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`demo operation failed: ${body.errors.map((e) => e.message).join('; ')}\n${query}`);
    return body.data;
  };
  const cooperativeId = encodeId('Cooperative', coop.coopId);
  for (const unit of units) {
    const enabled = await gql(
      `mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename ... on Error { messageEn } } }`,
      { input: { cooperativeId, unitId: unit.id, settings: unit.sampleSettings, idempotencyKey: `demo-enable-${unit.id}` } },
    );
    if (enabled.enableUnit.__typename !== 'EnableUnitSuccess') throw new Error(`demo: enabling ${unit.id}: ${enabled.enableUnit.messageEn}`);
  }
  const start = demoClock.now();
  const values: Record<string, string> = {};
  for (const unit of units) {
    if (!unit.demo) continue;
    demoClock.set(start);
    const ctx = createDemoContext({
      cooperativeId,
      members: coop.members.map((m) => ({ id: encodeId('Member', coop.coopId, m.id), nik: m.nik, name: m.name, memberNumber: String(m.memberNumber) })),
      gql,
      today: () => localDate(demoClock.now(), 'WIB'),
      setTime: (date, time = '09:00') => demoClock.set(new Date(`${date}T${time}:00+07:00`)),
    });
    for (const [name, value] of Object.entries((await unit.demo(ctx)) ?? {})) values[`${unit.id}.${name}`] = value;
  }
  await new Transaction(db).put({ ...DEMO_VALUES, type: 'DemoValues', values }).commit();
  return values;
}

// What the units' demos returned, kept so every later start of `npm run dev` fills the example tabs too.
const DEMO_VALUES = { pk: pk({ kind: 'platform' }), sk: sk('DEMO', 'VALUES') };

/** The units' demo values by "<unit id>.<name>" (empty before the first seed). */
export async function loadDemoValues(db: Db): Promise<Record<string, string>> {
  return (await getItem(db, DEMO_VALUES, z.object({ values: z.record(z.string(), z.string()) })))?.values ?? {};
}

