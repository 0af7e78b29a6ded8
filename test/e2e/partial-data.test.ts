import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isEnumType, isInterfaceType, isLeafType, isNonNullType, isObjectType, isUnionType, type GraphQLField, type GraphQLInputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops, rawIds } from '../support/fixtures';

// A field the caller may not read is refused alone: it is nullable, so the rest of the answer survives.
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let memberId = '';
const tokens: Record<string, string> = {};
const schema = buildSchema(readFileSync(join(import.meta.dirname, '..', '..', 'schema.graphql'), 'utf8'));

beforeAll(async () => {
  api = await startTestApi();
  f = await cityWithCoop(api, 'Kota Sebagian');
  memberId = (await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik(), name: 'Ani', address: 'Jl. Melati 2' } }, f.manager)).data.registerMember.data.id;
  const enabled = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'simpanpinjam', settings: {} } }, f.manager);
  expect(enabled.data.enableUnit.__typename).toBe('EnableUnitSuccess');
  tokens.MEMBER = await api.token({ userId: 'ani', role: 'MEMBER', coopId: f.rawCoopId, memberId: rawIds(memberId)[1]! });
  tokens.COOP_STAFF = await api.token({ userId: 'kasir', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['sembako'] });
  tokens.SUPERVISOR = await api.token({ userId: 'pengawas', role: 'SUPERVISOR', coopId: f.rawCoopId });
  tokens.CITY_ADMIN = f.cityAdmin;
}, 60_000);
afterAll(() => api?.close());

describe('partial data: a refused field does not take the rest of the answer with it', () => {
  it("a member reads their own equity statement and, in the same query, the loan portfolio they may not: the statement arrives, the portfolio is an error", async () => {
    const res = await api.gql(
      `query($m: ID!, $c: ID!) { member(id: $m) { ... on Member { name equity { balance } } } simpanpinjamPortfolio(cooperativeId: $c) { asOf } }`,
      { m: memberId, c: f.coopId },
      tokens.MEMBER,
    );
    expect(res.data.member.name).toBe('Ani');
    expect(typeof res.data.member.equity.balance).toBe('number');
    expect(res.data.simpanpinjamPortfolio).toBeNull();
    expect(res.errors!.map((e: { path: string[]; extensions: { code: string } }) => [e.path.join('.'), e.extensions.code])).toEqual([['simpanpinjamPortfolio', 'FORBIDDEN']]);
  });

  it('every field of Cooperative and Member, for every role of the own tenant: a refusal leaves the object and its id', async () => {
    let refusals = 0;
    const lost: string[] = [];
    for (const [role, token] of Object.entries(tokens)) {
      for (const [root, type, id] of [['cooperative', 'Cooperative', () => f.coopId], ['member', 'Member', () => memberId]] as const) {
        for (const field of Object.values((schema.getType(type) as import('graphql').GraphQLObjectType).getFields())) {
          const query = `query($id: ID!) { ${root}(id: $id) { __typename ... on ${type} { id ${selection(field)} } } }`;
          const res = await api.gql(query, { id: id() }, token);
          if (!res.errors) continue;
          refusals += 1;
          if (res.data?.[root]?.id !== id()) lost.push(`${role} ${type}.${field.name}: ${res.errors.map((e: { path: string[]; extensions?: { code?: string } }) => `${e.path.join('.')} ${e.extensions?.code}`).join(', ')}`);
        }
      }
    }
    expect(lost).toEqual([]);
    // The sweep must meet refusals to mean anything (members may not read the ledger, staff the audit log, ...).
    expect(refusals).toBeGreaterThanOrEqual(8);
  }, 120_000);
});

/** A field with its required arguments filled with plausible values and one level of its fields. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type)).map((a) => `${a.name}: ${literal(a.type)}`);
  return `${field.name}${args.length ? `(${args.join(', ')})` : ''} ${subSelection(getNamedType(field.type).name, true)}`;
}

function subSelection(typeName: string, expand: boolean): string {
  const type = schema.getType(typeName)!;
  if (isLeafType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type) || !expand || !isObjectType(type)) return '{ __typename }';
  const fields = Object.values(type.getFields()).filter((x) => x.args.every((a) => !isNonNullType(a.type)));
  return `{ __typename ${fields.map((x) => `${x.name} ${subSelection(getNamedType(x.type).name, false)}`).join(' ')} }`;
}

function literal(type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.name;
  const byScalar: Record<string, string> = { Int: '2026', Date: '"2026-01-01"', String: '"1100"', ID: JSON.stringify(memberId), Rupiah: '1000', Boolean: 'true' };
  return byScalar[named.name] ?? '"x"';
}
