import type { Principal } from '@kkmp/core';
import { LOCAL_DEV_SECRET } from '@kkmp/api';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops, rawIds } from '../support/fixtures';
import { businessItems, outcome } from '../support/outcome';
import { nextPhone, onboard, peopleOps, refresh, signIn, type Session } from '../support/people';
import { buildHostSchema, ownsName } from '@kkmp/host';
import { installedUnits } from '@kkmp/api';
import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';

/**
 * Two cities, each with a cooperative and a member. Every role of tenant A is turned against every
 * operation on tenant B, and must be refused without seeing or changing anything of B.
 */
let api: TestApi;
type Tenant = Awaited<ReturnType<typeof cityWithCoop>> & { memberId: string; rawMemberId: string; otherMemberId: string; supervisor: Session; phone: string };
let A: Tenant;
let B: Tenant;

async function tenant(name: string): Promise<Tenant> {
  const t = await cityWithCoop(api, name);
  const reg = (n: string) => api.gql(ops.registerMember, { input: { cooperativeId: t.coopId, nik: nextNik(), name: n, address: 'Jl. Kenanga 3' } }, t.manager);
  const m = (await reg(`${name} member`)).data.registerMember.data.id;
  const other = (await reg(`${name} other member`)).data.registerMember.data.id;
  // A signed-in person of the tenant, with a grant an outsider may try to take or borrow.
  const phone = nextPhone();
  const supervisor = await onboard(api, t.manager, { login: phone, name: `${name} pengawas`, role: 'SUPERVISOR', cooperativeId: t.coopId }, 'pengawas-rahasia-1');
  return { ...t, memberId: m, rawMemberId: rawIds(m)[1]!, otherMemberId: other, supervisor, phone };
}

beforeAll(async () => {
  api = await startTestApi();
  A = await tenant('Kota Alpha');
  B = await tenant('Kota Beta');
});
afterAll(() => api.close());

const roles: { role: string; principal: () => Principal }[] = [
  { role: 'CITY_ADMIN', principal: () => ({ userId: 'a-city', role: 'CITY_ADMIN', cityId: A.rawCityId }) },
  { role: 'COOP_MANAGER', principal: () => ({ userId: 'a-mgr', role: 'COOP_MANAGER', coopId: A.rawCoopId }) },
  { role: 'COOP_STAFF', principal: () => ({ userId: 'a-staff', role: 'COOP_STAFF', coopId: A.rawCoopId, units: ['sembako'] }) },
  { role: 'SUPERVISOR', principal: () => ({ userId: 'a-sup', role: 'SUPERVISOR', coopId: A.rawCoopId }) },
  { role: 'MEMBER', principal: () => ({ userId: 'a-member', role: 'MEMBER', coopId: A.rawCoopId, memberId: A.rawMemberId }) },
];

/** Operations on tenant B; `field` is the root field whose outcome is checked. */
/** An id of a record of city B (a session, a partner) in the right shape: the refusal must come before any lookup. */
const cityRecordId = (type: string) => Buffer.from(`${type}:${B.rawCityId}:01ARZ3NDEKTSV4RRFFQ69G5FAV`).toString('base64url');
const operations: { name: string; field: string; query: string; vars: () => Record<string, unknown> }[] = [
  // The city's view (test/city/isolation.test.ts sweeps every City field and these for each role too).
  {
    name: 'set city settings',
    field: 'setCitySettings',
    query: `mutation($input: SetCitySettingsInput!) { setCitySettings(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { cityId: B.cityId, activityWindowDays: 5 } }),
  },
  {
    name: 'record a follow-up',
    field: 'recordFollowUp',
    query: `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { cooperativeId: B.coopId, kind: 'CALL' } }),
  },
  {
    name: 'create a training session',
    field: 'createTrainingSession',
    query: `mutation($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { cityId: B.cityId, topic: 'TAX', title: 'Intrusi', startDate: '2026-03-10', venue: 'X' } }),
  },
  {
    name: 'record training attendance',
    field: 'recordTrainingAttendance',
    query: `mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { sessionId: cityRecordId('TrainingSession'), cooperativeId: B.coopId, attendees: [{ name: 'Penyusup' }] } }),
  },
  {
    name: 'create a partner',
    field: 'createPartner',
    query: `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { cityId: B.cityId, name: 'Intrusi', kind: 'PRIVATE', offers: ['x'] } }),
  },
  {
    name: 'create a supply agreement',
    field: 'createSupplyAgreement',
    query: `mutation($input: CreateSupplyAgreementInput!) { createSupplyAgreement(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { cooperativeId: B.coopId, partnerId: cityRecordId('Partner'), goods: 'x', terms: 'x', startDate: '2026-03-01' } }),
  },
  { name: 'read city', field: 'city', query: `query($id: ID!) { city(id: $id) { __typename ... on City { name } ... on Error { code } } }`, vars: () => ({ id: B.cityId }) },
  {
    name: 'list city kelurahan',
    field: 'city',
    query: `query($id: ID!) { city(id: $id) { __typename ... on City { kelurahan { edges { node { name } } } } ... on Error { code } } }`,
    vars: () => ({ id: B.cityId }),
  },
  { name: 'read cooperative', field: 'cooperative', query: `query($id: ID!) { cooperative(id: $id) { __typename ... on Cooperative { name } ... on Error { code } } }`, vars: () => ({ id: B.coopId }) },
  {
    name: 'list members',
    field: 'cooperative',
    query: `query($id: ID!) { cooperative(id: $id) { __typename ... on Cooperative { members { edges { node { nik } } } } ... on Error { code } } }`,
    vars: () => ({ id: B.coopId }),
  },
  {
    name: 'read audit log',
    field: 'cooperative',
    query: `query($id: ID!) { cooperative(id: $id) { __typename ... on Cooperative { auditLog { edges { node { operation } } } } ... on Error { code } } }`,
    vars: () => ({ id: B.coopId }),
  },
  { name: 'read member', field: 'member', query: `query($id: ID!) { member(id: $id) { __typename ... on Member { nik } ... on Error { code } } }`, vars: () => ({ id: B.memberId }) },
  {
    name: 'read member equity',
    field: 'member',
    query: `query($id: ID!) { member(id: $id) { __typename ... on Member { equity { balance } } ... on Error { code } } }`,
    vars: () => ({ id: B.memberId }),
  },
  {
    name: 'create kelurahan',
    field: 'createKelurahan',
    query: ops.createKelurahan,
    vars: () => ({ input: { cityId: B.cityId, name: 'Intrusi', kecamatan: 'X', regionCode: '9999019999' } }),
  },
  {
    name: 'create cooperative',
    field: 'createCooperative',
    query: ops.createCooperative,
    vars: () => ({ input: { kelurahanId: B.kelurahanId, name: 'Intrusi', legalName: 'Koperasi Intrusi' } }),
  },
  {
    name: 'update cooperative',
    field: 'updateCooperative',
    query: `mutation($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { cooperativeId: B.coopId, name: 'Diambil alih' } }),
  },
  {
    name: 'change cooperative status',
    field: 'changeCooperativeStatus',
    query: `mutation($input: ChangeCooperativeStatusInput!) { changeCooperativeStatus(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { cooperativeId: B.coopId, status: 'LEGAL_ENTITY', registrationNumber: 'AHU-123456' } }),
  },
  { name: 'register member', field: 'registerMember', query: ops.registerMember, vars: () => ({ input: { cooperativeId: B.coopId, nik: nextNik(), name: 'Penyusup', address: 'Jl. Lain' } }) },
  {
    name: 'update member',
    field: 'updateMember',
    query: `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { memberId: B.memberId, name: 'Diubah' } }),
  },
  {
    name: 'end membership',
    field: 'endMembership',
    query: `mutation($input: EndMembershipInput!) { endMembership(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { memberId: B.memberId, status: 'RESIGNED' } }),
  },
  { name: 'record equity payment', field: 'recordEquityPayment', query: ops.recordEquityPayment, vars: () => ({ input: { memberId: B.memberId, kind: 'WAJIB', amount: 20000 } }) },
  {
    name: 'read arrears list',
    field: 'cooperative',
    query: `query($id: ID!) { cooperative(id: $id) { __typename ... on Cooperative { equityArrears { wajibArrears } } ... on Error { code } } }`,
    vars: () => ({ id: B.coopId }),
  },
  {
    name: 'enable a unit',
    field: 'enableUnit',
    query: `mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { cooperativeId: B.coopId, unitId: 'sembako', settings: {} } }),
  },
  {
    name: 'draft a journal entry',
    field: 'draftJournalEntry',
    query: `mutation($input: DraftJournalEntryInput!) { draftJournalEntry(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { cooperativeId: B.coopId, date: '2026-03-01', memo: 'x', lines: [{ account: '6120', debit: 1000 }, { account: '1100', credit: 1000 }] } }),
  },
  {
    name: 'lock the books',
    field: 'lockPeriod',
    query: `mutation($input: LockPeriodInput!) { lockPeriod(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { cooperativeId: B.coopId, through: '2026-01' } }),
  },
  {
    name: 'invite into the cooperative',
    field: 'invitePerson',
    query: peopleOps.invitePerson,
    vars: () => ({ input: { login: '081299990000', name: 'Penyusup', role: 'SUPERVISOR', cooperativeId: B.coopId } }),
  },
  {
    name: 'invite a city admin',
    field: 'invitePerson',
    query: peopleOps.invitePerson,
    vars: () => ({ input: { login: 'penyusup@example.id', name: 'Penyusup', role: 'CITY_ADMIN', cityId: B.cityId } }),
  },
  { name: 'revoke a grant', field: 'revokeGrant', query: peopleOps.revokeGrant, vars: () => ({ input: { grantId: B.supervisor.grant.id } }) },
  {
    name: 'list cooperative people',
    field: 'cooperative',
    query: `query($id: ID!) { cooperative(id: $id) { __typename ... on Cooperative { people { edges { node { personName role } } } } ... on Error { code } } }`,
    vars: () => ({ id: B.coopId }),
  },
  {
    name: 'list city people',
    field: 'city',
    query: `query($id: ID!) { city(id: $id) { __typename ... on City { people { edges { node { personName role } } } } ... on Error { code } } }`,
    vars: () => ({ id: B.cityId }),
  },
  {
    name: 'refund equity',
    field: 'refundEquity',
    query: `mutation($input: RefundEquityInput!) { refundEquity(input: $input) { __typename ... on Error { code } } }`,
    vars: () => ({ input: { memberId: B.memberId } }),
  },
];

describe('every role is denied every other tenant\'s data', () => {
  const matrix = roles.flatMap((r) => operations.map((o) => ({ ...r, op: o, label: `${r.role} -> ${o.name}` })));
  it.each(matrix)('$label', async ({ principal, op }) => {
    const before = await businessItems(api.db);
    const res = await api.gql(op.query, op.vars(), await api.token(principal()));
    expect(outcome(res, op.field)).toBe('FORBIDDEN');
    // Nothing of B leaks into the answer, and nothing changed.
    expect(JSON.stringify(res)).not.toMatch(/Kota Beta|nik"\s*:\s*"\d{16}/);
    expect(await businessItems(api.db)).toEqual(before);
  });

  it('lists of cities: a city admin sees only its own; cooperative roles none', async () => {
    const q = `{ cities { edges { node { name } } } }`;
    const own = await api.gql(q, {}, await api.token(roles[0]!.principal()));
    expect(own.data.cities.edges).toEqual([{ node: { name: 'Kota Alpha' } }]);
    for (const r of roles.slice(1)) expect(outcome(await api.gql(q, {}, await api.token(r.principal())), 'cities'), r.role).toBe('FORBIDDEN');
  });

  it('without a token every operation is refused as unauthenticated', async () => {
    for (const op of operations) {
      const res = await api.gql(op.query, op.vars());
      expect(outcome(res, op.field), op.name).toBe('UNAUTHENTICATED');
    }
  });

  it('a forged or expired token is refused with 401', async () => {
    const good = await api.token({ userId: 'x', role: 'PLATFORM_ADMIN' });
    const forged = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const res = await api.gql(operations[0]!.query, operations[0]!.vars(), forged);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    // Signed with the right secret but never expiring: refused too.
    const forever = await new SignJWT({ role: 'PLATFORM_ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer('kkmp').setAudience('kkmp-api').setIssuedAt().sign(new TextEncoder().encode(LOCAL_DEV_SECRET));
    expect((await api.gql(operations[0]!.query, operations[0]!.vars(), forever)).status).toBe(401);
    const expired = await new SignJWT({ role: 'PLATFORM_ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer('kkmp').setAudience('kkmp-api').setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600).sign(new TextEncoder().encode(LOCAL_DEV_SECRET));
    expect((await api.gql(operations[0]!.query, operations[0]!.vars(), expired)).status).toBe(401);
  });
});

describe('inside its own tenant each role gets what it may, and no more', () => {
  // Positive controls: the same tokens do work at home, so the refusals above are about tenancy.
  const own: { role: string; op: string; expect: string }[] = [
    { role: 'CITY_ADMIN', op: 'read city', expect: 'OK' },
    { role: 'CITY_ADMIN', op: 'read cooperative', expect: 'OK' },
    { role: 'CITY_ADMIN', op: 'read member', expect: 'FORBIDDEN' }, // personal data stays in the cooperative
    { role: 'COOP_MANAGER', op: 'read member', expect: 'OK' },
    { role: 'COOP_MANAGER', op: 'update cooperative', expect: 'OK' },
    { role: 'COOP_MANAGER', op: 'create kelurahan', expect: 'FORBIDDEN' },
    { role: 'COOP_STAFF', op: 'list members', expect: 'OK' },
    { role: 'COOP_STAFF', op: 'record equity payment', expect: 'OK' },
    { role: 'COOP_STAFF', op: 'register member', expect: 'FORBIDDEN' },
    { role: 'COOP_STAFF', op: 'read audit log', expect: 'FORBIDDEN' },
    { role: 'SUPERVISOR', op: 'read audit log', expect: 'OK' },
    { role: 'SUPERVISOR', op: 'read member equity', expect: 'OK' },
    { role: 'SUPERVISOR', op: 'update member', expect: 'FORBIDDEN' },
    { role: 'SUPERVISOR', op: 'record equity payment', expect: 'FORBIDDEN' },
    { role: 'MEMBER', op: 'read member equity', expect: 'OK' },
    { role: 'MEMBER', op: 'read cooperative', expect: 'OK' },
    { role: 'MEMBER', op: 'list members', expect: 'FORBIDDEN' },
    { role: 'CITY_ADMIN', op: 'list cooperative people', expect: 'FORBIDDEN' }, // names and phones stay in the cooperative
    { role: 'CITY_ADMIN', op: 'list city people', expect: 'OK' },
    { role: 'COOP_MANAGER', op: 'list cooperative people', expect: 'OK' },
    { role: 'COOP_MANAGER', op: 'invite into the cooperative', expect: 'OK' },
    { role: 'SUPERVISOR', op: 'list cooperative people', expect: 'OK' },
    { role: 'SUPERVISOR', op: 'invite into the cooperative', expect: 'FORBIDDEN' },
    { role: 'COOP_STAFF', op: 'list cooperative people', expect: 'FORBIDDEN' },
    { role: 'MEMBER', op: 'list cooperative people', expect: 'FORBIDDEN' },
    { role: 'MEMBER', op: 'list city people', expect: 'FORBIDDEN' },
  ];
  it.each(own)('$role: $op -> $expect', async (c) => {
    const r = roles.find((x) => x.role === c.role)!;
    const op = operations.find((o) => o.name === c.op)!;
    const home = JSON.parse(JSON.stringify(op.vars()).replaceAll(B.coopId, A.coopId).replaceAll(B.cityId, A.cityId).replaceAll(B.memberId, A.memberId));
    const res = await api.gql(op.query, home, await api.token(r.principal()));
    expect(outcome(res, op.field)).toBe(c.expect);
  });

  it('a member cannot read another member of the same cooperative', async () => {
    const token = await api.token(roles.find((x) => x.role === 'MEMBER')!.principal());
    const res = await api.gql(operations.find((o) => o.name === 'read member')!.query, { id: A.otherMemberId }, token);
    expect(outcome(res, 'member')).toBe('FORBIDDEN');
  });
});

describe('refused attempts are audited in the refused caller\'s own tenant', () => {
  const audit = async (coopId: string, rawCoopId: string) => {
    const supervisor = await api.token({ userId: 'sup', role: 'SUPERVISOR', coopId: rawCoopId });
    const res = await api.gql(
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { auditLog(first: 100) { edges { node { operation outcome actorUserId } } } } } }`,
      { id: coopId },
      supervisor,
    );
    return res.data.cooperative.auditLog.edges.map((e: any) => e.node).filter((n: any) => n.outcome === 'FORBIDDEN');
  };

  it("an outsider's attempts show in its own cooperative's log, and cannot flood the target's", async () => {
    const home = await audit(A.coopId, A.rawCoopId);
    expect(home.map((n: any) => `${n.actorUserId}:${n.operation}`)).toEqual(expect.arrayContaining(['a-mgr:registerMember', 'a-staff:recordEquityPayment', 'a-member:refundEquity']));
    const target = await audit(B.coopId, B.rawCoopId);
    expect(target.filter((n: any) => n.actorUserId.startsWith('a-'))).toEqual([]);
  });
});

describe('operations authorized by a secret (password, code, refresh token) never cross tenants', () => {
  it('a grant of another tenant cannot be chosen at sign-in or switched to on refresh', async () => {
    const own = await signIn(api, A.phone, 'pengawas-rahasia-1', B.supervisor.grant.id);
    expect(own).toMatchObject({ __typename: 'BusinessRuleError', rule: 'NO_ACCESS' });
    const switched = await refresh(api, A.supervisor.refreshToken, B.supervisor.grant.id);
    expect(switched).toMatchObject({ __typename: 'BusinessRuleError', rule: 'NO_ACCESS' });
  });

  it("myGrants answers the caller's own grants only; signing out everywhere ends only the caller's sessions", async () => {
    const a = (await signIn(api, A.phone, 'pengawas-rahasia-1')).data;
    const mine = await api.gql(peopleOps.myGrants, {}, a.accessToken);
    expect(mine.data.myGrants.map((g: any) => g.cooperativeId)).toEqual([A.coopId]);
    const b = (await signIn(api, B.phone, 'pengawas-rahasia-1')).data;
    expect((await api.gql(peopleOps.signOutEverywhere, {}, a.accessToken)).data.signOutEverywhere.__typename).toBe('SignOutEverywhereSuccess');
    expect((await refresh(api, b.refreshToken)).__typename).toBe('RefreshSessionSuccess');
    expect(await refresh(api, a.refreshToken)).toMatchObject({ __typename: 'UnauthenticatedError' });
  });

  it("another person's refresh token cannot be signed out with a made-up secret", async () => {
    const b = (await signIn(api, B.phone, 'pengawas-rahasia-1')).data;
    const [person, family] = b.refreshToken.split('.');
    await api.gql(peopleOps.signOut, { input: { refreshToken: `${person}.${family}.forged` } }, await api.token(roles[1]!.principal()));
    expect((await refresh(api, b.refreshToken)).__typename).toBe('RefreshSessionSuccess');
  });
});

/**
 * The matrix enumerates the schema: every core operation added since the released schema is a row of
 * the matrix above, or one of the secret-authorized operations tested just above. A new operation
 * fails this test until it is covered. (Units' operations are the conformance suite's.)
 */
const SECRET_AUTHORIZED = ['signIn', 'requestSignInCode', 'signInWithCode', 'acceptInvitation', 'refreshSession', 'signOut', 'signOutEverywhere', 'myGrants'];
describe('the matrix covers every new core operation', () => {
  it('each root field not in schema.released.graphql (and not a unit\'s) is in the matrix', () => {
    const released = buildSchema(readFileSync(new URL('../../schema.released.graphql', import.meta.url), 'utf8'));
    const { schema } = buildHostSchema(installedUnits);
    const fields = (s: typeof schema) => [...Object.keys(s.getQueryType()!.getFields()), ...Object.keys(s.getMutationType()!.getFields())];
    const before = new Set(fields(released));
    const added = fields(schema).filter((f) => !before.has(f) && !installedUnits.some((u) => ownsName(f, u.id)));
    const matrixFields = new Set([...operations.map((o) => o.field), ...SECRET_AUTHORIZED]);
    expect(added.filter((f) => !matrixFields.has(f))).toEqual([]);
    for (const f of ['invitePerson', 'revokeGrant']) expect(operations.some((o) => o.field === f), f).toBe(true);
  });
});
