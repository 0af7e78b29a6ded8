import { installedUnits } from '@kkmp/api';
import { matrix, type Principal, type Target } from '@kkmp/core';
import { buildHostSchema, holds, ownsName } from '@kkmp/host';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import { sampleArgs } from '@kkmp/unit-testing';
import { getNamedType, isAbstractType, isLeafType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformAdmin, startTestApi, type TestApi } from '../support/api';
import { CORE, type CoreRule, type Home } from '../support/authz-rules';
import { cityWithCoop, nextNik, ops, rawIds } from '../support/fixtures';
import { businessItems } from '../support/outcome';
import { onboard, nextPhone } from '../support/people';

/**
 * Tenant isolation and authorization, generated from the live schema: every Query and Mutation root
 * field, called on cooperative A (in city A) by every role of city B and its cooperative, by each role
 * of A that the permission model says lacks the permission, and without a token. Inputs pass
 * validation (core rows in authz-rules.ts; unit operations are gated before their input is parsed), so
 * what refuses is the permission check: the answer must be FORBIDDEN (UNAUTHENTICATED without a token),
 * never a validation error, with nothing of A in it and nothing written.
 */
const { schema } = buildHostSchema(installedUnits);

interface Op {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  unit?: AnyUnit;
  permission?: string;
  core?: CoreRule;
}
const roots: Op[] = [
  ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
  ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
].map((op) => {
  const permission = op.field.extensions?.kkmpPermission as string | undefined;
  const unit = installedUnits.find((u) => ownsName(op.field.name, u.id));
  return { ...op, ...(permission && unit ? { unit, permission } : {}), ...(CORE[op.field.name] ? { core: CORE[op.field.name]!.rule } : {}) };
});

interface Tenant {
  home: Home;
  name: string;
  manager: string;
  memberRaw: string;
  secrets: string[];
}
interface Caller {
  name: string;
  foreign: boolean;
  principal: Principal | null;
}

let api: TestApi;
let A: Tenant;
let B: Tenant;
let callers: Caller[] = [];

async function tenant(name: string): Promise<Tenant> {
  const t = await cityWithCoop(api, name);
  const nik = nextNik();
  const reg = (n: string, k: string) => api.gql(ops.registerMember, { input: { cooperativeId: t.coopId, nik: k, name: n, address: 'Jl. Kenanga 3' } }, t.manager);
  const m = (await reg(`${name} Anggota`, nik)).data.registerMember.data.id;
  const other = (await reg(`${name} Anggota Dua`, nextNik())).data.registerMember.data.id;
  // Books from 2025, so closing a year (2025) is a valid request.
  await api.gql(`mutation($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { __typename } }`, { input: { cooperativeId: t.coopId, firstFinancialYear: 2025 } }, t.manager);
  const supervisor = await onboard(api, t.manager, { login: nextPhone(), name: `${name} Pengawas`, role: 'SUPERVISOR', cooperativeId: t.coopId }, 'pengawas-rahasia-1');
  const regionCode = String((await api.gql(`query($id: ID!) { city(id: $id) { ... on City { regionCode } } }`, { id: t.cityId }, t.cityAdmin)).data.city.regionCode);
  const coopName = (await api.gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { name } } }`, { id: t.coopId }, t.manager)).data.cooperative.name;
  return {
    name,
    manager: t.manager,
    memberRaw: rawIds(m)[1]!,
    secrets: [name, coopName, nik, `${name} Anggota`, `${name} Pengawas`],
    home: { cityId: t.cityId, rawCityId: t.rawCityId, kelurahanId: t.kelurahanId, coopId: t.coopId, rawCoopId: t.rawCoopId, memberId: m, otherMemberId: other, grantId: supervisor.grant.id, regionCode },
  };
}

const rolesOf = (t: Tenant, tag: string): Principal[] => [
  { userId: `${tag}-city`, role: 'CITY_ADMIN', cityId: t.home.rawCityId },
  { userId: `${tag}-mgr`, role: 'COOP_MANAGER', coopId: t.home.rawCoopId },
  { userId: `${tag}-staff`, role: 'COOP_STAFF', coopId: t.home.rawCoopId, units: installedUnits.map((u) => u.id) },
  { userId: `${tag}-staff-nounit`, role: 'COOP_STAFF', coopId: t.home.rawCoopId, units: [] },
  { userId: `${tag}-sup`, role: 'SUPERVISOR', coopId: t.home.rawCoopId },
  { userId: `${tag}-member`, role: 'MEMBER', coopId: t.home.rawCoopId, memberId: t.memberRaw },
];

beforeAll(async () => {
  api = await startTestApi();
  A = await tenant('Kota Alpha');
  B = await tenant('Kota Beta');
  for (const unit of installedUnits) {
    const on = await api.gql(
      `mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`,
      { input: { cooperativeId: A.home.coopId, unitId: unit.id, settings: unit.sampleSettings } },
      A.manager,
    );
    expect(on.data.enableUnit.__typename, `enable ${unit.id}`).toBe('EnableUnitSuccess');
  }
  callers = [
    ...rolesOf(B, 'b').map((p) => ({ name: `foreign ${p.userId.slice(2)}`, foreign: true, principal: p })),
    ...rolesOf(A, 'a').map((p) => ({ name: `own ${p.userId.slice(2)}`, foreign: false, principal: p })),
    { name: 'anonymous', foreign: true, principal: null },
  ];
}, 120_000);
afterAll(() => api?.close());

/** Whether the permission model lets a principal of A's own tenant call the operation. */
async function allowed(op: Op, p: Principal): Promise<boolean> {
  if (op.unit && op.permission) return holds(p, op.unit, op.permission, A.home.rawCoopId, A.home.rawCityId);
  const rule = op.core!;
  if ('roles' in rule) return rule.roles.includes(p.role);
  if (!('actions' in rule)) return true;
  const cityOf = (coop: string) => (coop === A.home.rawCoopId ? A.home.rawCityId : coop === B.home.rawCoopId ? B.home.rawCityId : undefined);
  const t: Target = rule.target === 'none' ? {} : { cityId: A.home.rawCityId, ...(rule.target !== 'city' ? { coopId: A.home.rawCoopId } : {}), ...(rule.target === 'member' ? { memberId: A.memberRaw } : {}) };
  const facts = { p, t, targetCoopCity: async () => (t.coopId ? cityOf(t.coopId) : undefined), ownCoopCity: async () => (p.coopId ? cityOf(p.coopId) : undefined) };
  for (const action of rule.actions) if (!(await matrix[action](facts as never))) return false;
  return true;
}

/** What the caller must get, or undefined where the case is not a refusal (allowed, or not tenant-bound). */
async function expected(op: Op, c: Caller): Promise<string | undefined> {
  const rule = op.core;
  if (!c.principal) return rule && 'secret' in rule ? undefined : rule && 'self' in rule && rule.anonymous ? rule.anonymous : 'UNAUTHENTICATED';
  if (rule && ('secret' in rule || 'self' in rule || 'scopedList' in rule)) return undefined;
  if (c.foreign) return 'FORBIDDEN';
  return (await allowed(op, c.principal)) ? undefined : 'FORBIDDEN';
}

const varsOf = (op: Op): Record<string, unknown> => (op.core ? CORE[op.field.name]!.vars(A.home) : sampleArgs(op.field.args, A.home.coopId));

function selection(s: GraphQLSchema, field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  const typed = isAbstractType(type) && s.getPossibleTypes(type).some((t) => t.getInterfaces().some((i) => i.name === 'Error'));
  return typed ? '{ __typename ... on Error { code } }' : '{ __typename }';
}

/** One request for up to 20 operations of one kind, each under its own alias with its own variables. */
function batchDocument(kind: Op['kind'], batch: Op[]) {
  const defs: string[] = [];
  const fields: string[] = [];
  const variables: Record<string, unknown> = {};
  batch.forEach((op, i) => {
    const vars = varsOf(op);
    const args = op.field.args.filter((a) => vars[a.name] !== undefined);
    for (const a of args) {
      defs.push(`$a${i}_${a.name}: ${a.type.toString()}`);
      variables[`a${i}_${a.name}`] = vars[a.name];
    }
    const pass = args.map((a) => `${a.name}: $a${i}_${a.name}`).join(', ');
    fields.push(`a${i}: ${op.field.name}${pass ? `(${pass})` : ''} ${selection(schema, op.field)}`);
  });
  return { query: `${kind}${defs.length ? `(${defs.join(', ')})` : ''} { ${fields.join('\n')} }`, variables };
}

function outcomeOf(res: { data: any; errors?: any[] }, alias: string): string {
  const value = res.data?.[alias];
  if (value && typeof value === 'object' && typeof value.code === 'string' && String(value.__typename).endsWith('Error')) return value.code;
  const error = res.errors?.find((e) => e.path?.[0] === alias) ?? (res.errors?.some((e) => !e.path) ? res.errors[0] : undefined);
  if (error) return error.extensions?.code ?? 'ERROR';
  return value === null ? 'NULL' : 'OK';
}

/** One request; when a refused non-null field nulls the whole answer, each operation again on its own. */
async function runBatch(token: string | undefined, kind: Op['kind'], batch: Op[]): Promise<{ op: Op; outcome: string; body: string }[]> {
  const { query, variables } = batchDocument(kind, batch);
  const res = await api.gql(query, variables, token);
  if (res.data == null && batch.length > 1) return (await Promise.all(batch.map((op) => runBatch(token, kind, [op])))).flat();
  return batch.map((op, j) => ({ op, outcome: outcomeOf(res, `a${j}`), body: JSON.stringify([res.data?.[`a${j}`], res.errors?.filter((e) => e.path?.[0] === `a${j}`)]) }));
}

/** Runs the operations as one caller, 20 to a request, queries and mutations apart; answers per op. */
async function run(caller: Principal | null, list: Op[]): Promise<{ op: Op; outcome: string; body: string }[]> {
  const token = caller ? await api.token(caller) : undefined;
  const out: { op: Op; outcome: string; body: string }[] = [];
  for (const kind of ['query', 'mutation'] as const) {
    const mine = list.filter((o) => o.kind === kind);
    for (let i = 0; i < mine.length; i += 20) out.push(...(await runBatch(token, kind, mine.slice(i, i + 20))));
  }
  return out;
}

describe('authorization matrix generated from the schema', () => {
  it('every root field has an authorization rule: a unit permission or a row in authz-rules.ts', () => {
    const missing = roots.filter((op) => !op.core && !op.permission).map((op) => op.field.name);
    expect(missing, 'root fields without an authorization rule: add a row to test/support/authz-rules.ts').toEqual([]);
    const stale = Object.keys(CORE).filter((name) => !roots.some((op) => op.field.name === name));
    expect(stale, 'rows for fields that no longer exist').toEqual([]);
    const both = roots.filter((op) => op.core && op.permission).map((op) => op.field.name);
    expect(both, 'a unit field needs no core row').toEqual([]);
  });

  it('refuses every caller without the permission, in A or from B, by the permission check, leaking and writing nothing', async () => {
    const before = await businessItems(api.db);
    const wrong: string[] = [];
    let cases = 0;
    let leaks = 0;
    for (const caller of callers) {
      const todo: { op: Op; want: string }[] = [];
      for (const op of roots) {
        const want = await expected(op, caller);
        if (want) todo.push({ op, want });
      }
      const results = await run(caller.principal, todo.map((t) => t.op));
      results.forEach(({ op, outcome, body }, i) => {
        cases += 1;
        if (outcome !== todo[i]!.want) wrong.push(`${caller.name} -> ${op.field.name}: ${outcome}, expected ${todo[i]!.want}`);
        const leaked = A.secrets.filter((s) => body.includes(s));
        if (leaked.length) (leaks += 1), wrong.push(`${caller.name} -> ${op.field.name} leaked ${leaked.join(', ')}`);
      });
    }
    expect(wrong).toEqual([]);
    expect(await businessItems(api.db), 'refused calls wrote nothing').toEqual(before);
    console.log(`authorization matrix: ${cases} cases (${roots.length} operations x ${callers.length} callers), ${leaks} leaks`);
    expect(cases).toBeGreaterThan(roots.length * 5);
  }, 120_000);

  it('an outsider listing cities sees none of A', async () => {
    for (const caller of callers.filter((c) => c.foreign && c.principal)) {
      const res = await api.gql(`{ cities { edges { node { id name } } } }`, {}, await api.token(caller.principal!));
      expect(JSON.stringify(res), caller.name).not.toContain(A.name);
    }
  });

  it('positive control: a holder of the permission in A gets past the check with the same input', async () => {
    // Reads first, then units' writes, then core writes (which may disable a unit or end a membership).
    const order = (op: Op) => (op.kind === 'query' ? 0 : op.unit ? 1 : 2);
    // The least privileged holder first: a member for a member's own view, the platform only where no one else may.
    const order2 = ['MEMBER', 'SUPERVISOR', 'COOP_STAFF', 'CITY_ADMIN', 'COOP_MANAGER'];
    const holders = [...rolesOf(A, 'a').filter((p) => p.userId !== 'a-staff-nounit').sort((x, y) => order2.indexOf(x.role) - order2.indexOf(y.role)), platformAdmin];
    const byHolder = new Map<Principal, Op[]>();
    for (const op of [...roots].sort((x, y) => order(x) - order(y))) {
      const rule = op.core;
      if (rule && ('secret' in rule || 'self' in rule || 'scopedList' in rule)) continue;
      let holder: Principal | undefined;
      for (const p of holders) if (p.role === 'PLATFORM_ADMIN' || (await allowed(op, p))) { holder = p; break; }
      byHolder.set(holder!, [...(byHolder.get(holder!) ?? []), op]);
    }
    const wrong: string[] = [];
    const outcomes: Record<string, number> = {};
    for (const [holder, list] of byHolder) {
      for (const { op, outcome } of await run(holder, list)) {
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        const refusedAsInvalid = op.core && outcome === 'VALIDATION';
        if (['FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL', 'ERROR'].includes(outcome) || refusedAsInvalid) wrong.push(`${holder.role} -> ${op.field.name}: ${outcome}`);
      }
    }
    console.log(`authorization matrix positive control: ${Object.entries(outcomes).sort().map(([o, n]) => `${n} ${o}`).join(', ')}`);
    expect(wrong).toEqual([]);
  }, 120_000);
});
