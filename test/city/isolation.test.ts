import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isEnumType, isLeafType, isNonNullType, isObjectType, type GraphQLField, type GraphQLInputType, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';
import { businessItems, outcome } from '../support/outcome';

// Two cities, each with a cooperative and the city office's records (a follow-up, a training session with
// attendance, a partner and a supply agreement). Every field of City (enumerated from the schema, every
// sub-field selected) and Cooperative.activity, and every city-view mutation, turned by each role of A
// against B: refused, nothing of B in the answer, nothing written. At home, only the city admin sees the
// city's view; a cooperative's own summary is for its managers and supervisors.
const schema = buildSchema(readFileSync(join(import.meta.dirname, '..', '..', 'schema.graphql'), 'utf8'));
const CITY_VIEW_MUTATIONS = ['setCitySettings', 'recordFollowUp', 'createTrainingSession', 'recordTrainingAttendance', 'createPartner', 'createSupplyAgreement'];
const SECRET = 'Rahasia';

let api: TestApi;
type Side = Awaited<ReturnType<typeof cityWithCoop>> & { sessionId: string; partnerId: string };
let A: Side;
let B: Side;

async function side(name: string): Promise<Side> {
  const t = await cityWithCoop(api, name);
  const m = async (field: string, input: Record<string, unknown>) => {
    const type = `${field[0]!.toUpperCase()}${field.slice(1)}`;
    const res = await api.gql(`mutation($input: ${type}Input!) { ${field}(input: $input) { __typename ... on ${type}Success { data { __typename ${field === 'recordTrainingAttendance' ? 'topic' : 'id'} } } ... on Error { code messageEn } } }`, { input }, t.cityAdmin);
    expect(res.data[field].__typename, JSON.stringify(res)).toBe(`${type}Success`);
    return res.data[field].data;
  };
  const partner = await m('createPartner', { cityId: t.cityId, name: `${SECRET} ${name} Bulog`, kind: 'STATE_OWNED', offers: ['Beras SPHP'] });
  const session = await m('createTrainingSession', { cityId: t.cityId, topic: 'RAPBK', title: `${SECRET} RAPBK ${name}`, startDate: '2026-03-10', venue: 'Aula' });
  await m('recordTrainingAttendance', { sessionId: session.id, cooperativeId: t.coopId, attendees: [{ name: `${SECRET} Ketua ${name}` }] });
  await m('recordFollowUp', { cooperativeId: t.coopId, kind: 'VISIT', constraints: ['CAPITAL'], notes: `${SECRET} catatan ${name}`, actions: ['x'], nextFollowUpDate: '2026-03-16' });
  await m('createSupplyAgreement', { cooperativeId: t.coopId, partnerId: partner.id, goods: `${SECRET} beras ${name}`, terms: 'tunai', startDate: '2026-03-01' });
  return { ...t, sessionId: session.id, partnerId: partner.id };
}

beforeAll(async () => {
  api = await startTestApi();
  A = await side('Kota Alfa');
  B = await side('Kota Beta');
}, 60_000);
afterAll(() => api?.close());

const roles = () => ({
  CITY_ADMIN: { userId: 'a-city', role: 'CITY_ADMIN', cityId: A.rawCityId },
  COOP_MANAGER: { userId: 'a-mgr', role: 'COOP_MANAGER', coopId: A.rawCoopId },
  COOP_STAFF: { userId: 'a-staff', role: 'COOP_STAFF', coopId: A.rawCoopId, units: ['sembako'] },
  SUPERVISOR: { userId: 'a-sup', role: 'SUPERVISOR', coopId: A.rawCoopId },
  MEMBER: { userId: 'a-member', role: 'MEMBER', coopId: A.rawCoopId, memberId: 'm1' },
});
const ROLE_NAMES = ['CITY_ADMIN', 'COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR', 'MEMBER'];
const token = (role: keyof ReturnType<typeof roles>) => api.token(roles()[role] as never);

const cityFields = () => Object.values((schema.getType('City') as GraphQLObjectType).getFields());
const NEW_CITY_FIELDS = ['dashboard', 'cooperativeActivity', 'followUps', 'overdueFollowUps', 'trainingSessions', 'trainingAttendance', 'cooperativesWithoutTraining', 'partners', 'supplyAgreements', 'exportCsv', 'activityWindowDays'];

describe('the city view is the city admin\'s, of its own city only', () => {
  it('the sweep covers every city-view field of the schema', () => {
    expect(cityFields().map((f) => f.name)).toEqual(expect.arrayContaining(NEW_CITY_FIELDS));
    expect(Object.keys((schema.getType('Cooperative') as GraphQLObjectType).getFields())).toContain('activity');
    for (const m of CITY_VIEW_MUTATIONS) expect(schema.getMutationType()!.getFields()[m], m).toBeDefined();
  });

  it.each(ROLE_NAMES)('%s of city A: every field of city B is refused and shows nothing of B', async (role) => {
    const t = await token(role as never);
    for (const field of cityFields()) {
      const res = await api.gql(`query($id: ID!) { city(id: $id) { __typename ... on City { ${selection(field, B)} } ... on Error { code } } }`, { id: B.cityId }, t);
      expect(outcome(res, 'city'), `${role} City.${field.name}`).toBe('FORBIDDEN');
      expect(JSON.stringify(res)).not.toMatch(/Kota Beta|Rahasia/);
    }
    const res = await api.gql(`query($id: ID!) { cooperative(id: $id) { __typename ... on Cooperative { activity { active members } } ... on Error { code } } }`, { id: B.coopId }, t);
    expect(outcome(res, 'cooperative'), `${role} Cooperative.activity`).toBe('FORBIDDEN');
  });

  it.each(ROLE_NAMES)('%s of city A: every city-view mutation aimed at B is refused and writes nothing', async (role) => {
    const t = await token(role as never);
    const inputs: Record<string, Record<string, unknown>> = {
      setCitySettings: { cityId: B.cityId, activityWindowDays: 5 },
      recordFollowUp: { cooperativeId: B.coopId, kind: 'CALL' },
      createTrainingSession: { cityId: B.cityId, topic: 'TAX', title: 'Intrusi', startDate: '2026-03-10', venue: 'X' },
      recordTrainingAttendance: { sessionId: B.sessionId, cooperativeId: B.coopId, attendees: [{ name: 'Penyusup' }] },
      createPartner: { cityId: B.cityId, name: 'Intrusi', kind: 'PRIVATE', offers: ['x'] },
      createSupplyAgreement: { cooperativeId: B.coopId, partnerId: B.partnerId, goods: 'x', terms: 'x', startDate: '2026-03-01' },
    };
    for (const m of CITY_VIEW_MUTATIONS) {
      const before = await businessItems(api.db);
      const type = `${m[0]!.toUpperCase()}${m.slice(1)}`;
      const res = await api.gql(`mutation($input: ${type}Input!) { ${m}(input: $input) { __typename ... on Error { code } } }`, { input: inputs[m] }, t);
      expect(outcome(res, m), `${role} ${m}`).toBe('FORBIDDEN');
      expect(await businessItems(api.db)).toEqual(before);
    }
  });

  it("a city admin cannot mix its own records with another city's: B's cooperative at A's session, B's partner for A's cooperative", async () => {
    const t = await token('CITY_ADMIN');
    const before = await businessItems(api.db);
    const attend = await api.gql(`mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { __typename ... on Error { code } } }`, { input: { sessionId: A.sessionId, cooperativeId: B.coopId, attendees: [{ name: 'x' }] } }, t);
    expect(outcome(attend, 'recordTrainingAttendance')).toBe('FORBIDDEN');
    const agree = await api.gql(`mutation($input: CreateSupplyAgreementInput!) { createSupplyAgreement(input: $input) { __typename ... on Error { code } } }`, { input: { cooperativeId: A.coopId, partnerId: B.partnerId, goods: 'x', terms: 'x', startDate: '2026-03-01' } }, t);
    expect(outcome(agree, 'createSupplyAgreement')).toBe('NOT_FOUND');
    expect(await businessItems(api.db)).toEqual(before);
  });

  it('at home: the city admin reads every field; cooperative people get each city-view field refused alone', async () => {
    for (const role of ROLE_NAMES) {
      const t = await token(role as never);
      for (const field of cityFields().filter((f) => NEW_CITY_FIELDS.includes(f.name))) {
        const res = await api.gql(`query($id: ID!) { city(id: $id) { __typename ... on City { name ${selection(field, A)} } ... on Error { code } } }`, { id: A.cityId }, t);
        if (role === 'CITY_ADMIN') {
          expect(res.errors, `${role} City.${field.name}: ${JSON.stringify(res.errors)}`).toBeUndefined();
          expect(JSON.stringify(res.data), field.name).not.toMatch(/Kota Beta/);
        } else {
          expect(res.data.city.name, `${role} City.${field.name}`).toBe('Kota Alfa');
          expect(res.data.city[field.name], `${role} City.${field.name}`).toBeNull();
          expect(res.errors?.map((e: any) => e.extensions.code), `${role} City.${field.name}`).toEqual(['FORBIDDEN']);
        }
      }
    }
  });

  it("at home, a cooperative's own summary: managers and supervisors yes, cashiers and members no", async () => {
    const expected: Record<string, string> = { CITY_ADMIN: 'OK', COOP_MANAGER: 'OK', SUPERVISOR: 'OK', COOP_STAFF: 'FORBIDDEN', MEMBER: 'FORBIDDEN' };
    for (const [role, want] of Object.entries(expected)) {
      const res = await api.gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { name activity { active members } } } }`, { id: A.coopId }, await token(role as never));
      expect(res.errors?.[0]?.extensions.code ?? 'OK', role).toBe(want);
      expect(res.data.cooperative.name, role).toMatch(/KKMP/);
    }
  });
});

/** A field with its required arguments and every sub-field (one level deeper for objects). */
function selection(field: GraphQLField<unknown, unknown>, side: Side): string {
  const args = field.args.filter((a) => isNonNullType(a.type)).map((a) => `${a.name}: ${literal(a.name, a.type, side)}`);
  return `${field.name}${args.length ? `(${args.join(', ')})` : ''} ${sub(getNamedType(field.type).name, 2)}`;
}

function sub(typeName: string, depth: number): string {
  const type = schema.getType(typeName)!;
  if (isLeafType(type)) return '';
  if (!isObjectType(type) || depth === 0) return '{ __typename }';
  // Cooperatives and kelurahan have their own sweeps (test/e2e/partial-data, tenancy): their name here.
  if (typeName === 'Cooperative' || typeName === 'Kelurahan') return '{ __typename id name }';
  const fields = Object.values(type.getFields()).filter((x) => x.args.every((a) => !isNonNullType(a.type)));
  return `{ __typename ${fields.map((x) => `${x.name} ${sub(getNamedType(x.type).name, depth - 1)}`).join(' ')} }`;
}

function literal(name: string, type: GraphQLInputType, side: Side): string {
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (name === 'cooperativeId') return JSON.stringify(side.coopId);
  return ({ Int: '2026', Date: '"2026-01-01"', Boolean: 'true' } as Record<string, string>)[named.name] ?? '"x"';
}

