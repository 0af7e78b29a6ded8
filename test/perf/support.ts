import { randomUUID } from 'node:crypto';
import { installedUnits } from '@kkmp/api';
import { seedDemoData } from '@kkmp/api/local';
import { coreExamples } from '@kkmp/host';
import { encodeId, type UnitExample } from '@kkmp/plugin-sdk';
import { getItem, logCalls, pk, sk, type CallLog } from '@kkmp/store';
import { expect } from 'vitest';
import { z } from 'zod';
import { startTestApi, type TestApi } from '../support/api';

export const TODAY = '2026-11-23';

/** The demo data (Kota Bandung, the demo cooperative with every unit) behind the real API, with its users' tokens. */
export interface Seeded {
  api: TestApi;
  tokens: Record<string, string>;
  /** What GraphiQL fills into the examples: ids of the demo cooperative, city, member, and each unit's demo values. */
  values: Record<string, string>;
}

export async function startSeeded(): Promise<Seeded> {
  const api = await startTestApi({ now: `${TODAY}T03:00:00Z` });
  const users = await seedDemoData(api.db, api.clock);
  const tokens = Object.fromEntries(await Promise.all(users.map(async (u) => [u.label, await api.token(u.principal)] as const)));
  const principal = (label: string) => users.find((u) => u.label === label)!.principal;
  const [coop, city, member] = [principal('manager'), principal('city'), principal('member')];
  const demo = await getItem(api.db, { pk: pk({ kind: 'platform' }), sk: sk('DEMO', 'VALUES') }, z.object({ values: z.record(z.string(), z.string()) }));
  const values = {
    ...demo?.values,
    today: TODAY,
    monthStart: `${TODAY.slice(0, 8)}01`,
    cooperativeId: encodeId('Cooperative', coop.coopId!),
    cityId: encodeId('City', city.cityId!),
    memberId: encodeId('Member', member.coopId!, member.memberId!),
  };
  return { api, tokens, values };
}

/** One GraphQL operation over HTTP as a demo user: its answer and the DynamoDB calls the API made for it. */
export async function measure(s: Seeded, query: string, variables: Record<string, unknown>, as = 'manager'): Promise<{ data: any; log: CallLog }> {
  const { result, log } = await logCalls(s.api.db, () => s.api.gql(query, variables, s.tokens[as]));
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return { data: result.data, log };
}

/** A unit's (or the core's) GraphiQL example with the demo values filled in. */
export function example(s: Seeded, owner: string, name: string): { query: string; variables: Record<string, unknown>; as: string } {
  const examples: UnitExample[] = owner === 'core' ? coreExamples : installedUnits.find((u) => u.id === owner)?.examples ?? [];
  const e = examples.find((x) => x.name === name);
  if (!e) throw new Error(`no example "${name}" of ${owner}`);
  return { query: e.query, variables: fill(e.variables ?? {}, s.values) as Record<string, unknown>, as: e.as ?? 'manager' };
}

function fill(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string' && value.startsWith('$')) return values[value.slice(1)] ?? value;
  if (Array.isArray(value)) return value.map((v) => fill(v, values));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)]));
  return value;
}

/** A mutation example as a client sends it: with its own idempotency key (so the API checks it). */
export function withKey(variables: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...variables, input: { ...(variables.input as object), idempotencyKey: randomUUID(), ...extra } };
}

/** The payload of a mutation's single field: its __typename must be the success type. */
export function success(data: any): any {
  const [field] = Object.keys(data);
  const payload = data[field!];
  expect(payload.__typename, JSON.stringify(payload)).toMatch(/Success$/);
  return payload.data;
}
