import { checkMayGrant, createCoreContext, type Principal } from '@kkmp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformAdmin, startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops, rawIds } from '../support/fixtures';
import { businessItems } from '../support/outcome';
import { accept, invite, nextPhone, onboard } from '../support/people';

/** Who may invite whom, and what an invitation code is good for. */
let api: TestApi;
let A: Awaited<ReturnType<typeof cityWithCoop>>;
let B: Awaited<ReturnType<typeof cityWithCoop>>;
beforeAll(async () => {
  api = await startTestApi({ now: '2026-03-15T03:00:00Z' });
  A = await cityWithCoop(api, 'Kota Undang');
  B = await cityWithCoop(api, 'Kota Lain');
});
afterAll(() => api.close());

const refused = async (token: string, input: Record<string, unknown>, code = 'FORBIDDEN') => {
  const before = await businessItems(api.db);
  const sent = api.outbox.messages.length;
  const { res } = await invite(api, token, { login: nextPhone(), name: 'Siapa Saja', ...input });
  expect(res.code, JSON.stringify(res)).toBe(code);
  expect(res.messageId).toBeTruthy();
  expect(await businessItems(api.db)).toEqual(before);
  expect(api.outbox.messages.length).toBe(sent);
};

describe('nobody grants a role above their own or outside their tenant', () => {
  it('a COOP_MANAGER cannot invite into another cooperative', async () => {
    await refused(A.manager, { role: 'COOP_STAFF', cooperativeId: B.coopId, units: ['sembako'] });
    await refused(A.manager, { role: 'COOP_MANAGER', cooperativeId: B.coopId });
  });

  it('a COOP_MANAGER cannot grant PLATFORM_ADMIN or CITY_ADMIN', async () => {
    await refused(A.manager, { role: 'CITY_ADMIN', cityId: A.cityId });
    await refused(A.manager, { role: 'PLATFORM_ADMIN' }, 'VALIDATION');
  });

  it('a CITY_ADMIN cannot invite into another city, nor above itself', async () => {
    await refused(A.cityAdmin, { role: 'COOP_MANAGER', cooperativeId: B.coopId });
    await refused(A.cityAdmin, { role: 'CITY_ADMIN', cityId: A.cityId });
    await refused(A.cityAdmin, { role: 'COOP_STAFF', cooperativeId: A.coopId, units: ['sembako'] });
  });

  it('staff, supervisors and members invite nobody', async () => {
    for (const p of [
      { userId: 's', role: 'COOP_STAFF', coopId: A.rawCoopId, units: ['sembako'] },
      { userId: 'v', role: 'SUPERVISOR', coopId: A.rawCoopId },
    ] as Principal[]) {
      await refused(await api.token(p), { role: 'MEMBER', cooperativeId: A.coopId, memberId: 'x' }, 'VALIDATION');
      await refused(await api.token(p), { role: 'SUPERVISOR', cooperativeId: A.coopId });
    }
  });

  it('PLATFORM_ADMIN -> CITY_ADMIN -> first COOP_MANAGER -> staff; the city hands over only the first manager', async () => {
    const platform = await api.token(platformAdmin);
    const dinas = await onboard(api, platform, { login: 'dinas@bandung.go.id', name: 'Dinas Koperasi', role: 'CITY_ADMIN', cityId: B.cityId });
    expect(dinas.grant).toMatchObject({ role: 'CITY_ADMIN' });
    const ketua = await onboard(api, dinas.accessToken, { login: nextPhone(), name: 'Ketua', role: 'COOP_MANAGER', cooperativeId: B.coopId });
    expect(ketua.grant).toMatchObject({ role: 'COOP_MANAGER', cooperativeId: B.coopId });
    // The cooperative has its manager now: the next ones are its own business.
    await refused(dinas.accessToken, { role: 'COOP_MANAGER', cooperativeId: B.coopId });
    const kasir = await onboard(api, ketua.accessToken, { login: nextPhone(), name: 'Kasir', role: 'COOP_STAFF', cooperativeId: B.coopId, units: ['sembako', 'lpg'] });
    expect(kasir.grant).toMatchObject({ role: 'COOP_STAFF', units: ['sembako', 'lpg'] });
  });

  it('the rules hold in the service too, whatever the path (checked directly)', async () => {
    const ctx = (principal: Principal) => createCoreContext({ db: api.db, clock: api.clock, principal });
    const manager: Principal = { userId: 'm', role: 'COOP_MANAGER', coopId: A.rawCoopId };
    await expect(checkMayGrant(ctx(manager), { role: 'COOP_STAFF', coopId: A.rawCoopId, units: ['sembako'] }, 'give')).resolves.toMatchObject({ userId: 'm' });
    await expect(checkMayGrant(ctx(manager), { role: 'COOP_STAFF', coopId: B.rawCoopId, units: ['sembako'] }, 'give')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(checkMayGrant(ctx(manager), { role: 'CITY_ADMIN', cityId: A.rawCityId }, 'give')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const city: Principal = { userId: 'c', role: 'CITY_ADMIN', cityId: A.rawCityId };
    await expect(checkMayGrant(ctx(city), { role: 'COOP_MANAGER', coopId: B.rawCoopId }, 'give')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(checkMayGrant(ctx(city), { role: 'COOP_MANAGER', coopId: A.rawCoopId }, 'give')).resolves.toBeTruthy();
    await expect(checkMayGrant(ctx({ userId: 'x', role: 'MEMBER', coopId: A.rawCoopId, memberId: 'y' }), { role: 'MEMBER', coopId: A.rawCoopId, memberId: 'z' }, 'give')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('an invitation code works once, before it expires', () => {
  it('a used invitation is refused', async () => {
    const { code } = await invite(api, A.manager, { login: nextPhone(), name: 'Pengawas', role: 'SUPERVISOR', cooperativeId: A.coopId });
    expect((await accept(api, code!, 'pengawas-rahasia-1')).__typename).toBe('AcceptInvitationSuccess');
    expect(await accept(api, code!, 'pengawas-rahasia-2')).toMatchObject({ __typename: 'BusinessRuleError', rule: 'INVITATION_USED', field: 'input.code' });
  });

  it('an expired invitation is refused (72 hours on the injected clock)', async () => {
    const { code } = await invite(api, A.manager, { login: nextPhone(), name: 'Pengawas', role: 'SUPERVISOR', cooperativeId: A.coopId });
    api.clock.set(new Date(api.clock.now().getTime() + 72 * 3_600_000 + 1000));
    const res = await accept(api, code!, 'pengawas-rahasia-1');
    expect(res).toMatchObject({ __typename: 'BusinessRuleError', rule: 'INVITATION_EXPIRED' });
    expect(res.messageId).toMatch(/kedaluwarsa/);
  });

  it('an unknown code is refused; a new login must choose a password of 10 characters or more', async () => {
    expect(await accept(api, 'AAAAA-BBBBB', 'pengawas-rahasia-1')).toMatchObject({ rule: 'INVITATION_INVALID' });
    const { code } = await invite(api, A.manager, { login: nextPhone(), name: 'Pengawas', role: 'SUPERVISOR', cooperativeId: A.coopId });
    expect(await accept(api, code!, 'pendek')).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.password' }] });
    expect(await accept(api, code!)).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.password' }] });
    expect((await accept(api, code!, 'cukup-panjang-1')).__typename).toBe('AcceptInvitationSuccess');
  });

  it('bad input names the field in both languages and sends nothing', async () => {
    const { res } = await invite(api, A.manager, { login: '12345', name: 'X', role: 'SUPERVISOR', cooperativeId: A.coopId });
    expect(res).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.login', messageId: expect.stringMatching(/nomor HP/) }] });
    const staff = await invite(api, A.manager, { login: nextPhone(), name: 'X', role: 'COOP_STAFF', cooperativeId: A.coopId });
    expect(staff.res).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.units' }] });
    expect(staff.code).toBeUndefined();
  });
});

describe('one person, several grants', () => {
  it('a manager who is also a member reads their own SHU statement without a second account, and switches to the member grant', async () => {
    const reg = await api.gql(ops.registerMember, { input: { cooperativeId: A.coopId, nik: nextNik(), name: 'Ibu Ketua', address: 'Jl. Melati 5' } }, A.manager);
    const memberId = reg.data.registerMember.data.id;
    const phone = nextPhone();
    const asMember = await onboard(api, A.manager, { login: phone, name: 'Ibu Ketua', role: 'MEMBER', cooperativeId: A.coopId, memberId }, 'ibu-ketua-rahasia');
    const second = await invite(api, A.manager, { login: phone, name: 'Ibu Ketua', role: 'COOP_MANAGER', cooperativeId: A.coopId });
    // The login has an account: accepting adds the grant, the password stays.
    const asManager = await accept(api, second.code!);
    expect(asManager.__typename).toBe('AcceptInvitationSuccess');
    expect(asManager.data.grant).toMatchObject({ role: 'COOP_MANAGER', memberId: null });
    expect(asManager.data.grants.map((g: any) => g.role).sort()).toEqual(['COOP_MANAGER', 'MEMBER']);
    const who = await api.gql(`{ me { role memberId cooperativeId } }`, {}, asManager.data.accessToken);
    expect(who.data.me).toEqual({ role: 'COOP_MANAGER', memberId, cooperativeId: A.coopId });
    const shu = await api.gql(`query($id: ID!) { member(id: $id) { __typename ... on Member { name shuStatement(year: 2026) { __typename } } ... on Error { code } } }`, { id: memberId }, asManager.data.accessToken);
    expect(shu.data.member.__typename).toBe('Member');
    // Acting as the member: the same session, switched to the MEMBER grant.
    const switched = await api.gql(`mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { __typename ... on RefreshSessionSuccess { data { accessToken grant { role } } } } }`, { input: { refreshToken: asManager.data.refreshToken, grantId: asMember.grant.id } });
    expect(switched.data.refreshSession.data.grant.role).toBe('MEMBER');
    const members = await api.gql(`query($id: ID!) { cooperative(id: $id) { __typename ... on Cooperative { members { edges { node { name } } } } ... on Error { code } } }`, { id: A.coopId }, switched.data.refreshSession.data.accessToken);
    expect(members.errors?.[0].extensions.code ?? members.data.cooperative.code).toBe('FORBIDDEN');
    expect(rawIds(memberId)[0]).toBe(A.rawCoopId);
  });
});
