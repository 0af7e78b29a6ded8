import { installedUnits } from '@kkmp/api';
import { buildHostSchema } from '@kkmp/host';
import { logCalls } from '@kkmp/store';
import { sampleScalar } from '@kkmp/unit-testing';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';

/**
 * One text rule for every operation (core and units, issue 20): every mutation of the schema gets a
 * hostile value in each of its String input fields (NUL, an ANSI escape, the right-to-left override, an
 * unpaired surrogate) and, separately, an invalid idempotency key (empty, too short, 600 emoji, a NUL,
 * 300,000 characters). Each must be a ValidationError naming exactly the fields made bad, in English and
 * Indonesian, decided before any DynamoDB call (none is made: nothing read, nothing written).
 */

const HOSTILE = ['Nama\u0000Palsu', 'Jl. Mawar \u202e3 oN', '\u001b[31mMERAH\u001b[0m', 'Ref \ud800 putus'];
const BAD_KEYS = ['', 'short', '😀'.repeat(600), 'kunci\u0000dengan-nul', 'k'.repeat(300_000)];
/** Operations that run before there is a session (sign-in and its kin) take no idempotency key. */
const WITHOUT_KEY = ['acceptInvitation', 'refreshSession', 'requestSignInCode', 'signIn', 'signInWithCode', 'signOut', 'signOutEverywhere'];

const { schema } = buildHostSchema(installedUnits);
const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => f.args.some((a) => a.name === 'input'));

/** A value GraphQL accepts for the type; every String leaf (required or not) gets the next hostile value. */
function fill(type: GraphQLInputType, path: string, strings: string[], hostile: boolean, depth = 0): unknown {
  if (isNonNullType(type)) return fill(type.ofType, path, strings, hostile, depth);
  if (isListType(type)) return [fill(type.ofType, `${path}.0`, strings, hostile, depth)];
  const name = path.split('.').at(-1)!;
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (isInputObjectType(named)) return fillObject(named, path, strings, hostile, depth + 1);
  // The caller's own tenant for ids, so what refuses is the text rule, not the tenancy check.
  if (named.name === 'ID') return tenantIds[name] ?? 'not-an-id';
  const sample = sampleScalar(named.name);
  if (sample !== 'x' || !hostile) return sample;
  strings.push(path);
  return HOSTILE[strings.length % HOSTILE.length];
}

function fillObject(type: GraphQLInputObjectType, path: string, strings: string[], hostile: boolean, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of Object.values(type.getFields())) {
    if (f.name === 'idempotencyKey') continue;
    // Optional nested objects too (one level deep is every form in the schema), so their strings are reached.
    if (!isNonNullType(f.type) && (depth > 2 || (isInputObjectType(getNamedType(f.type)) && depth > 1))) continue;
    out[f.name] = fill(f.type, `${path}.${f.name}`, strings, hostile, depth);
  }
  return out;
}

const inputTypeOf = (m: GraphQLField<unknown, unknown>) => getNamedType(m.args.find((a) => a.name === 'input')!.type) as GraphQLInputObjectType;

let api: TestApi;
let token: string;
const tenantIds: Record<string, string> = {};
beforeAll(async () => {
  api = await startTestApi();
  const f = await cityWithCoop(api, 'Kota Teks');
  token = f.manager;
  Object.assign(tenantIds, { cooperativeId: f.coopId, cityId: f.cityId, kelurahanId: f.kelurahanId });
}, 60_000);
afterAll(() => api?.close());

async function send(m: GraphQLField<unknown, unknown>, input: Record<string, unknown>) {
  const query = `mutation($input: ${inputTypeOf(m).name}!) { ${m.name}(input: $input) { __typename ... on ValidationError { code fields { field messageEn messageId } } ... on Error { code messageEn } } }`;
  const { result, log } = await logCalls(api.db, () => api.gql(query, { input }, token));
  return { res: result, calls: log.total };
}

function expectRefusal(name: string, res: Awaited<ReturnType<typeof send>>['res'], named: string[]) {
  expect(res.status, `${name}: HTTP status`).toBe(200);
  expect(res.errors, `${name}: no GraphQL errors`).toBeUndefined();
  const result = res.data[name];
  expect(result.__typename, `${name}: ${JSON.stringify(result).slice(0, 300)}`).toBe('ValidationError');
  expect(result.fields.map((x: { field: string }) => x.field).sort(), name).toEqual([...named].sort());
  for (const issue of result.fields) {
    expect(issue.messageEn.length).toBeGreaterThan(3);
    expect(issue.messageId.length).toBeGreaterThan(3);
    expect(issue.messageId).not.toBe(issue.messageEn);
  }
}

describe('every mutation refuses hostile text and bad idempotency keys by field, before any read or write', () => {
  it('lists every mutation, and every one but the sign-in family takes an idempotency key', () => {
    expect(mutations.length).toBeGreaterThan(100);
    const withoutKey = mutations.filter((m) => !inputTypeOf(m).getFields().idempotencyKey).map((m) => m.name);
    expect(withoutKey.sort()).toEqual(WITHOUT_KEY.filter((n) => n !== 'signOutEverywhere').sort());
  });

  it.each(mutations.map((m) => [m.name, m] as const))('%s: control, escape and text-direction characters in every text field', async (name, m) => {
    const strings: string[] = [];
    const input = fillObject(inputTypeOf(m), 'input', strings, true, 0);
    if (strings.length === 0) return; // no text field to make bad (checked by the key case below)
    const { res, calls } = await send(m, input);
    expectRefusal(name, res, strings);
    expect(calls, `${name}: DynamoDB calls before the refusal`).toBe(0);
  });

  it.each(mutations.filter((m) => inputTypeOf(m).getFields().idempotencyKey).map((m, i) => [m.name, m, i] as const))(
    '%s: an invalid idempotency key',
    async (name, m, i) => {
      const input = { ...fillObject(inputTypeOf(m), 'input', [], false, 0), idempotencyKey: BAD_KEYS[i % BAD_KEYS.length] };
      const { res, calls } = await send(m, input);
      expect(calls, `${name}: DynamoDB calls before the refusal (${JSON.stringify(res.data).slice(0, 200)})`).toBe(0);
      expectRefusal(name, res, ['input.idempotencyKey']);
    },
  );
});

describe('text that is fine passes, and what is refused is never stored', () => {
  it('a member with an Indonesian name, an address over two lines and an emoji is registered as sent', async () => {
    const admin = await cityWithCoop(api, 'Kota Teks Baik');
    const input = { cooperativeId: admin.coopId, nik: nextNik(), name: 'Siti Nur’aini 🌺', address: 'Jl. Kenanga No. 3\nRT 02/RW 05, Sukamaju' };
    const res = await api.gql(ops.registerMember, { input }, admin.manager);
    expect(res.data.registerMember).toMatchObject({ __typename: 'RegisterMemberSuccess', data: { name: input.name } });
  });

  it('a NUL in a name, an ANSI escape in an address and a line break in a name are refused by field', async () => {
    const res = await api.gql(
      ops.registerMember,
      { input: { cooperativeId: (await cityWithCoop(api, 'Kota Teks Buruk')).coopId, nik: nextNik(), name: 'Budi\nSantoso', address: 'Jl. \u001b[2JMawar' } },
      token,
    );
    expect(res.data.registerMember.__typename).toBe('ValidationError');
    expect(res.data.registerMember.fields.map((x: { field: string }) => x.field).sort()).toEqual(['input.address', 'input.name']);
  });
});

describe('reads refuse oversized text by argument instead of failing inside DynamoDB', () => {
  it('memberByNik with a 200 KB value is a VALIDATION error on nik, not INTERNAL', async () => {
    const f = await cityWithCoop(api, 'Kota NIK Besar');
    const res = await api.gql(
      `query($id: ID!, $nik: String!) { cooperative(id: $id) { ... on Cooperative { memberByNik(nik: $nik) { id } } } }`,
      { id: f.coopId, nik: '3'.repeat(200_000) },
      f.manager,
    );
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['VALIDATION']);
    expect(res.errors![0].extensions.fields.map((x: { field: string }) => x.field)).toEqual(['nik']);
    expect(res.errors![0].extensions.messageId).toContain('paling banyak');
  });

  it('every query argument of text or id type with a 200 KB value is refused by name, never INTERNAL', async () => {
    const f = await cityWithCoop(api, 'Kota Argumen Besar');
    const big = '7'.repeat(200_000);
    const fields = Object.values(schema.getQueryType()!.getFields()).filter((q) => q.args.some((a) => a.name !== 'cooperativeId' && ['String', 'ID'].includes(getNamedType(a.type).name)));
    expect(fields.length).toBeGreaterThan(10);
    for (const q of fields) {
      const args = q.args.filter((a) => isNonNullType(a.type) || ['String', 'ID'].includes(getNamedType(a.type).name));
      const vars = Object.fromEntries(
        args.map((a) => [a.name, ['String', 'ID'].includes(getNamedType(a.type).name) ? (a.name === 'cooperativeId' ? f.coopId : big) : fill(a.type, a.name, [], false)]),
      );
      const decl = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = isLeafType(getNamedType(q.type)) ? '' : '{ __typename }';
      const res = await api.gql(`query(${decl}) { ${q.name}(${call}) ${selection} }`, vars, f.manager);
      const codes = (res.errors ?? []).map((e) => e.extensions?.code);
      expect(codes, `${q.name}: ${JSON.stringify(res.errors ?? res.data).slice(0, 300)}`).not.toContain('INTERNAL');
      const value = res.data?.[q.name];
      const refused = codes.includes('VALIDATION') || value?.__typename === 'ValidationError';
      expect(refused, `${q.name}: refused as VALIDATION (${JSON.stringify(res).slice(0, 300)})`).toBe(true);
    }
  });
});
