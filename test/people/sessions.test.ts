import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';
import { nextPhone, onboard, peopleOps, refresh, signIn } from '../support/people';

/** Refresh tokens rotate; a used one presented again ends its family; sign out (here, everywhere). */
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
beforeAll(async () => {
  api = await startTestApi();
  f = await cityWithCoop(api, 'Kota Sesi');
});
afterAll(() => api.close());

const me = `{ me { userId role } }`;

describe('refresh-token rotation', () => {
  it('a rotated refresh token used again revokes the whole family (the thief and the owner both sign in again)', async () => {
    const first = await onboard(api, f.manager, { login: nextPhone(), name: 'Pengawas', role: 'SUPERVISOR', cooperativeId: f.coopId });
    const second = await refresh(api, first.refreshToken);
    expect(second.__typename).toBe('RefreshSessionSuccess');
    expect(second.data.refreshToken).not.toBe(first.refreshToken);
    const third = await refresh(api, second.data.refreshToken);
    expect(third.__typename).toBe('RefreshSessionSuccess');
    // A copy of the first token turns up: refused, and the family ends...
    expect(await refresh(api, first.refreshToken)).toMatchObject({ __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' });
    // ...so the owner's current token, never used, is refused too.
    expect(await refresh(api, third.data.refreshToken)).toMatchObject({ __typename: 'UnauthenticatedError' });
  });

  it('a made-up or altered refresh token is refused without ending anyone\'s session', async () => {
    const s = await onboard(api, f.manager, { login: nextPhone(), name: 'Pengawas Dua', role: 'SUPERVISOR', cooperativeId: f.coopId });
    const [person, family] = s.refreshToken.split('.');
    expect(await refresh(api, `${person}.${family}.${'A'.repeat(43)}`)).toMatchObject({ __typename: 'UnauthenticatedError' });
    expect(await refresh(api, 'garbage')).toMatchObject({ __typename: 'UnauthenticatedError' });
    expect((await refresh(api, s.refreshToken)).__typename).toBe('RefreshSessionSuccess');
  });

  it('refresh tokens are stored hashed: the table holds no token', async () => {
    const s = await onboard(api, f.manager, { login: nextPhone(), name: 'Pengawas Tiga', role: 'SUPERVISOR', cooperativeId: f.coopId });
    const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
    const items = (await api.db.doc.send(new ScanCommand({ TableName: api.db.tableName }))).Items ?? [];
    const secret = s.refreshToken.split('.')[2]!;
    expect(JSON.stringify(items)).not.toContain(secret);
    expect(JSON.stringify(items)).not.toContain('kata-sandi-rahasia-1');
  });
});

describe('signing out', () => {
  it('sign out ends this session only; sign out everywhere ends every session of the person', async () => {
    const phone = nextPhone();
    const phoneSession = await onboard(api, f.manager, { login: phone, name: 'Bendahara', role: 'COOP_MANAGER', cooperativeId: f.coopId }, 'bendahara-rahasia-9');
    const laptop = (await signIn(api, phone, 'bendahara-rahasia-9')).data;
    const tablet = (await signIn(api, phone, 'bendahara-rahasia-9')).data;

    const out = await api.gql(peopleOps.signOut, { input: { refreshToken: tablet.refreshToken } });
    expect(out.data.signOut.__typename).toBe('SignOutSuccess');
    expect(await refresh(api, tablet.refreshToken)).toMatchObject({ __typename: 'UnauthenticatedError' });
    expect((await refresh(api, laptop.refreshToken)).__typename).toBe('RefreshSessionSuccess');

    const everywhere = await api.gql(peopleOps.signOutEverywhere, {}, phoneSession.accessToken);
    expect(everywhere.data.signOutEverywhere.__typename).toBe('SignOutEverywhereSuccess');
    expect(await refresh(api, phoneSession.refreshToken)).toMatchObject({ __typename: 'UnauthenticatedError' });
    expect(await refresh(api, laptop.refreshToken)).toMatchObject({ __typename: 'UnauthenticatedError' });
    // Access tokens already out end within their lifetime.
    api.clock.set(new Date(Date.parse(laptop.accessTokenExpiresAt) + 31_000));
    expect((await api.gql(me, {}, laptop.accessToken)).status).toBe(401);
    // Signing in again works (a new session after the sign-out).
    const again = await signIn(api, phone, 'bendahara-rahasia-9');
    expect(again.__typename).toBe('SignInSuccess');
    expect((await refresh(api, again.data.refreshToken)).__typename).toBe('RefreshSessionSuccess');
  });

  it('sign out everywhere needs a signed-in person', async () => {
    expect((await api.gql(peopleOps.signOutEverywhere, {})).data.signOutEverywhere).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await api.gql(peopleOps.signOutEverywhere, {}, f.manager)).data.signOutEverywhere).toMatchObject({ code: 'INVALID_STATE' });
  });
});
