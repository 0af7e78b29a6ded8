import { installedUnits } from '@kkmp/api';
import { buildHostSchema, ownsName } from '@kkmp/host';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';
import { businessItems } from '../support/outcome';

/**
 * Every mutation of every installed unit, sent a deliberately bad input that GraphQL accepts (a negative
 * amount, an empty required string, a malformed id): it must come back as a typed ValidationError naming
 * a field it broke, in English and Indonesian, never INTERNAL, and write nothing.
 *
 * The bad input is generated from the mutation's input type. Only where that cannot work is there an
 * entry in OVERRIDES; a new unit mutation that gets neither fails this test until it has one.
 */

/** Input (besides cooperativeId) for mutations whose own input has nothing to break. */
const OVERRIDES: Record<string, { input: Record<string, unknown>; field: string }> = {
  // No input of its own: only the idempotency key the host adds, here too short (8-200 characters).
  simpanpinjamProvisionAllowance: { input: { idempotencyKey: 'short' }, field: 'input.idempotencyKey' },
  simpanpinjamRebuildLoanBook: { input: { idempotencyKey: 'short' }, field: 'input.idempotencyKey' },
  // An import reports each bad row in its answer and keeps the good ones (by design); the input as a whole
  // is refused when it is too long for one transaction.
  lpgImportBeneficiaries: {
    input: { rows: Array.from({ length: 51 }, (_, i) => ({ nik: `32732145019000${String(i).padStart(2, '0')}`, buyerType: 'RUMAH_TANGGA' })) },
    field: 'input.rows',
  },
  // The kiosk's registry takes the kit's import too (farmers outside an e-RDKK file): the same case.
  pupukImportBeneficiaries: {
    input: { rows: Array.from({ length: 51 }, (_, i) => ({ nik: `32732145019000${String(i).padStart(2, '0')}`, buyerType: 'PETANI' })) },
    field: 'input.rows',
  },
};

/** A placeholder id: any string passes GraphQL, but it is no id, so a unit decoding it refuses it by name. */
const JUNK_ID = 'not-an-id';

interface BadInput {
  input: Record<string, unknown>;
  /** The field broken on purpose. */
  broken: string;
  /** Fields holding a placeholder id (also bad input, so naming one of them is a fair answer too). */
  placeholders: string[];
}

/** A valid GraphQL value for a required field; ids get the placeholder, which the caller records. */
function sample(type: GraphQLInputType, path: string, placeholders: string[]): unknown {
  if (isNonNullType(type)) return sample(type.ofType, path, placeholders);
  if (isListType(type)) return [sample(type.ofType, `${path}.0`, placeholders)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) return sampleObject(named, path, placeholders);
  switch (named.name) {
    case 'ID':
      placeholders.push(path);
      return JUNK_ID;
    case 'Int':
    case 'Rupiah':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2026-01-01';
    case 'DateTime':
      return '2026-01-01T00:00:00.000Z';
    default:
      return 'x';
  }
}

function sampleObject(type: GraphQLInputObjectType, path: string, placeholders: string[]): Record<string, unknown> {
  const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.name !== 'cooperativeId');
  return Object.fromEntries(required.map((f) => [f.name, sample(f.type, `${path}.${f.name}`, placeholders)]));
}

/** Breakable scalars in order of preference: a negative amount, an empty string, a negative count, a bad id. */
const BREAKS: [scalar: string, bad: unknown][] = [
  ['Rupiah', -1],
  ['String', ''],
  ['Int', -1],
  ['ID', JUNK_ID],
];

/** The first required field (depth first through lists of input objects) of the preferred breakable kind. */
function findBreak(type: GraphQLInputObjectType, path: string, scalar: string): string[] | undefined {
  for (const f of Object.values(type.getFields()) as GraphQLInputField[]) {
    if (!isNonNullType(f.type) || f.name === 'cooperativeId') continue;
    const named = getNamedType(f.type);
    const here = isListType(isNonNullType(f.type) ? f.type.ofType : f.type) ? [f.name, '0'] : [f.name];
    if (isScalarType(named) && named.name === scalar) return here;
    if (isInputObjectType(named)) {
      const inner = findBreak(named, `${path}.${here.join('.')}`, scalar);
      if (inner) return [...here, ...inner];
    }
  }
  return undefined;
}

function setAt(obj: Record<string, unknown>, keys: string[], value: unknown) {
  let at: any = obj;
  for (const k of keys.slice(0, -1)) at = at[k];
  at[keys.at(-1)!] = value;
}

function badInputOf(field: GraphQLField<unknown, unknown>): BadInput | undefined {
  const inputType = getNamedType(field.args.find((a) => a.name === 'input')!.type) as GraphQLInputObjectType;
  const override = OVERRIDES[field.name];
  if (override) return { input: override.input, broken: override.field, placeholders: [] };
  for (const [scalar, bad] of BREAKS) {
    const keys = findBreak(inputType, 'input', scalar);
    if (!keys) continue;
    const placeholders: string[] = [];
    const input = sampleObject(inputType, 'input', placeholders);
    setAt(input, keys, bad);
    const broken = ['input', ...keys].join('.');
    return { input, broken, placeholders: placeholders.filter((p) => p !== broken) };
  }
  return undefined;
}

/** Mutation fields that belong to a unit: the unit kit marks each with the permission it needs. */
function unitMutations(units: readonly AnyUnit[]) {
  const { schema } = buildHostSchema(units);
  return Object.values(schema.getMutationType()!.getFields())
    .filter((f) => f.extensions?.kkmpPermission)
    .map((field) => ({ field, unit: units.find((u) => ownsName(field.name, u.id))!, permission: String(field.extensions.kkmpPermission) }));
}

const mutations = unitMutations(installedUnits);

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  api = await startTestApi();
  f = await cityWithCoop(api, 'Kota Masukan');
  tokens.COOP_MANAGER = f.manager;
  tokens.COOP_STAFF = await api.token({ userId: 'staff-bad-input', role: 'COOP_STAFF', coopId: f.rawCoopId, units: installedUnits.map((u) => u.id) });
  tokens.SUPERVISOR = await api.token({ userId: 'supervisor-bad-input', role: 'SUPERVISOR', coopId: f.rawCoopId });
  for (const unit of installedUnits) {
    const on = await api.gql(
      `mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename ... on Error { code messageEn } } }`,
      { input: { cooperativeId: f.coopId, unitId: unit.id, settings: unit.sampleSettings } },
      f.manager,
    );
    expect(on.data.enableUnit.__typename, `enable ${unit.id}`).toBe('EnableUnitSuccess');
  }
}, 60_000);
afterAll(() => api?.close());

describe('every unit mutation refuses bad input with a ValidationError naming the field, never INTERNAL, writing nothing', () => {
  it('finds the unit mutations of every installed unit, each with a bad-input case', () => {
    for (const unit of installedUnits) expect(mutations.filter((m) => m.unit?.id === unit.id).length, `${unit.id} has mutations`).toBeGreaterThan(0);
    for (const m of mutations) expect(m.unit, `${m.field.name} belongs to an installed unit`).toBeTruthy();
    const missing = mutations.filter((m) => !badInputOf(m.field)).map((m) => m.field.name);
    expect(missing, 'mutations without a bad-input case: add an entry to OVERRIDES').toEqual([]);
    const stale = Object.keys(OVERRIDES).filter((name) => !mutations.some((m) => m.field.name === name));
    expect(stale, 'OVERRIDES entries for mutations that no longer exist').toEqual([]);
  });

  it.each(mutations.map((m) => [m.field.name, m] as const))('%s', async (name, m) => {
    const bad = badInputOf(m.field)!;
    const roles = m.unit.permissions[m.permission]!.roles;
    const token = tokens[roles.find((r) => tokens[r])!]!;
    const inputType = getNamedType(m.field.args.find((a) => a.name === 'input')!.type).name;
    const before = await businessItems(api.db);
    const res = await api.gql(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { __typename ... on ValidationError { code messageEn messageId fields { field messageEn messageId } } ... on Error { code messageEn } } }`,
      { input: { ...bad.input, cooperativeId: f.coopId } },
      token,
    );
    expect(res.errors, `${name}: no GraphQL errors (INTERNAL or otherwise)`).toBeUndefined();
    const result = res.data[name];
    expect(result, `${name} with ${bad.broken} broken`).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    const named = result.fields.map((x: { field: string }) => x.field);
    const madeBad = [bad.broken, ...bad.placeholders];
    expect(named.some((x: string) => madeBad.includes(x)), `${name}: names ${named.join(', ')}; made bad: ${madeBad.join(', ')}`).toBe(true);
    if (process.env.KKMP_BAD_INPUT_REPORT) console.log(name, bad.broken, '->', named.join(', '));
    for (const issue of result.fields) {
      // Each language whole: the "English / Indonesia" form is split, never left joined or half-translated.
      expect(issue.messageEn.length, `${issue.field} in English`).toBeGreaterThan(3);
      expect(issue.messageId.length, `${issue.field} in Indonesian`).toBeGreaterThan(3);
      expect(issue.messageEn).not.toContain(' / ');
      expect(issue.messageId).not.toContain(' / ');
      expect(issue.messageId).not.toBe(issue.messageEn);
    }
    expect(await businessItems(api.db), `${name} wrote nothing`).toEqual(before);
  });
});
