import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';
import { outcome } from '../support/outcome';
import { accept, invite, nextPhone, onboard, peopleOps, refresh, signIn } from '../support/people';

/**
 * The whole life of an account over HTTP on DynamoDB Local, on the injected clock: invited, accepted,
 * signed in, used, the grant taken back, and access ending within the access-token lifetime.
 */
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
beforeAll(async () => {
  api = await startTestApi({ now: '2026-03-15T03:00:00Z' });
  f = await cityWithCoop(api, 'Kota Akses');
});
afterAll(() => api.close());

const listMembers = `query($id: ID!) { cooperative(id: $id) { __typename ... on Cooperative { members { edges { node { name } } } } ... on Error { code } } }`;

describe('invite -> accept -> sign in -> use -> grant removed -> access ends', () => {
  it('a dismissed cashier loses access within the access-token lifetime, on every device', async () => {
    const phone = nextPhone();
    // The manager invites a cashier of the sembako unit; the code goes to the phone, not into the answer.
    const { res, code } = await invite(api, f.manager, { login: phone, name: 'Kasir Baru', role: 'COOP_STAFF', cooperativeId: f.coopId, units: ['sembako'] });
    expect(res).toMatchObject({ __typename: 'InvitePersonSuccess', data: { role: 'COOP_STAFF', channel: 'SMS', sentTo: expect.stringMatching(/^\+6281\*{4}\d{3}$/) } });
    expect(JSON.stringify(res)).not.toContain(code);
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    // Accepting sets the password and signs in under the new grant.
    const accepted = await accept(api, code!.toLowerCase(), 'kasir-sukamaju-2026');
    expect(accepted.__typename).toBe('AcceptInvitationSuccess');
    expect(accepted.data.grant).toMatchObject({ role: 'COOP_STAFF', cooperativeId: f.coopId, units: ['sembako'] });

    // Another device signs in with the password (the phone written another way reaches the same account).
    const tablet = await signIn(api, `+62${phone.slice(1)}`, 'kasir-sukamaju-2026');
    expect(tablet.__typename).toBe('SignInSuccess');
    const s = tablet.data;
    expect(Date.parse(s.accessTokenExpiresAt) - Date.parse('2026-03-15T03:00:00Z')).toBe(5 * 60_000);

    // Use: the cashier lists members and records a payment.
    const member = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik(), name: 'Ani', address: 'Jl. Mawar 1' } }, f.manager);
    expect(outcome(await api.gql(listMembers, { id: f.coopId }, s.accessToken), 'cooperative')).toBe('OK');
    const pay = await api.gql(ops.recordEquityPayment, { input: { memberId: member.data.registerMember.data.id, kind: 'WAJIB', amount: 20000 } }, s.accessToken);
    expect(pay.data.recordEquityPayment.__typename).toBe('RecordEquityPaymentSuccess');
    // A refresh rotates: new tokens, the cashier keeps working.
    api.clock.set('2026-03-15T03:04:00Z');
    const rotated = await refresh(api, s.refreshToken);
    expect(rotated.__typename).toBe('RefreshSessionSuccess');

    // The manager takes the grant back.
    const revoked = await api.gql(peopleOps.revokeGrant, { input: { grantId: s.grant.id } }, f.manager);
    expect(revoked.data.revokeGrant).toMatchObject({ __typename: 'RevokeGrantSuccess', data: { role: 'COOP_STAFF' } });

    // Refresh is refused at once, on both devices.
    expect(await refresh(api, rotated.data.refreshToken)).toMatchObject({ __typename: 'UnauthenticatedError' });
    expect(await refresh(api, accepted.data.refreshToken)).toMatchObject({ __typename: 'UnauthenticatedError' });
    // The access token already out works until it expires (at most 5 minutes), and not a second longer.
    api.clock.set('2026-03-15T03:08:59Z');
    expect(outcome(await api.gql(listMembers, { id: f.coopId }, rotated.data.accessToken), 'cooperative')).toBe('OK');
    api.clock.set('2026-03-15T03:09:31Z');
    const after = await api.gql(listMembers, { id: f.coopId }, rotated.data.accessToken);
    expect(after.status).toBe(401);
    expect(after.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    // Signing in again gives nothing to act under.
    expect(await signIn(api, phone, 'kasir-sukamaju-2026')).toMatchObject({ __typename: 'BusinessRuleError', rule: 'NO_ACCESS' });
  });

  it('the grant, its acceptance and its removal are in the cooperative\'s audit log, and listed with its people', async () => {
    const supervisor = await api.token({ userId: 'sup', role: 'SUPERVISOR', coopId: f.rawCoopId });
    const log = await api.gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { auditLog(first: 50) { edges { node { operation outcome actorUserId } } } } } }`, { id: f.coopId }, supervisor);
    const ops = log.data.cooperative.auditLog.edges.map((e: any) => `${e.node.operation}:${e.node.outcome}`);
    expect(ops).toEqual(expect.arrayContaining(['invitePerson:OK', 'acceptInvitation:OK', 'revokeGrant:OK']));
    const s = await onboard(api, f.manager, { login: 'pengawas@example.id', name: 'Pengawas', role: 'SUPERVISOR', cooperativeId: f.coopId });
    const people = await api.gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { people { edges { node { id role personName } } } } } }`, { id: f.coopId }, s.accessToken);
    expect(people.data.cooperative.people.edges.map((e: any) => e.node)).toEqual([{ id: s.grant.id, role: 'SUPERVISOR', personName: 'Pengawas' }]);
  });
});
