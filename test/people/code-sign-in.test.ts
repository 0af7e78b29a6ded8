import { SIGN_IN_CODE_MINUTES } from '@kkmp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';
import { nextPhone, onboard, peopleOps } from '../support/people';

/** Signing in with a one-time code instead of a password. */
let api: TestApi;
let phone: string;
beforeAll(async () => {
  api = await startTestApi({ now: '2026-03-15T03:00:00Z' });
  const f = await cityWithCoop(api, 'Kota Kode');
  phone = nextPhone();
  await onboard(api, f.manager, { login: phone, name: 'Anggota', role: 'SUPERVISOR', cooperativeId: f.coopId });
});
afterAll(() => api.close());

const request = async (login: string) => (await api.gql(peopleOps.requestSignInCode, { input: { login } })).data.requestSignInCode;
const withCode = async (login: string, code: string) => (await api.gql(peopleOps.signInWithCode, { input: { login, code } })).data.signInWithCode;
const e164 = (p: string) => `+62${p.slice(1)}`;

describe('sign in with a one-time code', () => {
  it('the code reaches the phone, signs in once, and not after it expires', async () => {
    const sent = await request(phone);
    expect(sent).toMatchObject({ __typename: 'RequestSignInCodeSuccess', data: { sentTo: expect.stringContaining('****') } });
    const code = api.outbox.lastCodeFor(e164(phone))!;
    expect(api.outbox.messages.at(-1)).toMatchObject({ purpose: 'SIGN_IN', channel: 'SMS' });
    const s = await withCode(phone, code);
    expect(s.__typename).toBe('SignInWithCodeSuccess');
    expect(s.data.grant.role).toBe('SUPERVISOR');
    // Once only.
    expect(await withCode(phone, code)).toMatchObject({ rule: 'SIGN_IN_REFUSED' });
    // Expired.
    await request(phone);
    const late = api.outbox.lastCodeFor(e164(phone))!;
    api.clock.set(new Date(api.clock.now().getTime() + SIGN_IN_CODE_MINUTES * 60_000 + 1000));
    expect(await withCode(phone, late)).toMatchObject({ rule: 'SIGN_IN_REFUSED' });
  });

  it('an unknown login gets the same answer and no message; requests per login are limited', async () => {
    api.clock.set(new Date(api.clock.now().getTime() + 60 * 60_000));
    const ghost = nextPhone();
    const before = api.outbox.messages.length;
    const [known, unknown] = [await request(phone), await request(ghost)];
    expect(Object.keys(unknown.data)).toEqual(Object.keys(known.data));
    expect(unknown.__typename).toBe(known.__typename);
    expect(api.outbox.messages.length).toBe(before + 1);
    expect(await withCode(ghost, 'AAAAA-AAAAA')).toMatchObject({ rule: 'SIGN_IN_REFUSED' });
    await request(phone);
    await request(phone);
    expect(await request(phone)).toMatchObject({ __typename: 'BusinessRuleError', rule: 'TOO_MANY_ATTEMPTS' });
  });
});
