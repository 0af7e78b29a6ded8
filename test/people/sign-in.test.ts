import { SCRYPT, SIGN_IN_LIMITS, hashPassword, verifyPassword } from '@kkmp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';
import { nextPhone, onboard, signIn } from '../support/people';

/** Sign-in hardening: lockout per account and per source, one answer for unknown and wrong. */
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let phone: string;
beforeAll(async () => {
  api = await startTestApi({ now: '2026-03-15T03:00:00Z' });
  f = await cityWithCoop(api, 'Kota Masuk');
  phone = nextPhone();
  await onboard(api, f.manager, { login: phone, name: 'Pengawas', role: 'SUPERVISOR', cooperativeId: f.coopId }, 'benar-sekali-123');
});
afterAll(() => api.close());

const strip = (r: any) => ({ ...r });

describe('the same answer whether the account exists or not', () => {
  it('a wrong password and an unknown login get the identical refusal, in similar time', async () => {
    const timed = async (login: string) => {
      const t0 = performance.now();
      const res = await signIn(api, login, 'salah-salah-salah');
      return { res, ms: performance.now() - t0 };
    };
    const wrong = await timed(phone);
    const unknown = await timed(nextPhone());
    expect(strip(wrong.res)).toEqual(strip(unknown.res));
    expect(wrong.res).toMatchObject({ __typename: 'BusinessRuleError', rule: 'SIGN_IN_REFUSED', messageId: 'login atau kata sandi salah' });
    // Both ran one scrypt (the unknown login against a dummy hash): neither answers in a fraction of the other's time.
    const [fast, slow] = [wrong.ms, unknown.ms].sort((a, b) => a - b) as [number, number];
    expect(fast).toBeGreaterThan(slow / 3);
  });
});

describe('repeated wrong passwords lock the account for a period', () => {
  it(`after ${SIGN_IN_LIMITS.account.failures} failures even the right password is refused until the lock ends; an unknown login locks the same way`, async () => {
    // A new counting window: the failure of the test above is behind us.
    api.clock.set(new Date(api.clock.now().getTime() + SIGN_IN_LIMITS.account.windowMinutes * 60_000));
    const ghost = nextPhone();
    for (let i = 0; i < SIGN_IN_LIMITS.account.failures; i++) {
      expect((await signIn(api, phone, `salah-${i}-xxxxxxx`)).rule).toBe('SIGN_IN_REFUSED');
      expect((await signIn(api, ghost, `salah-${i}-xxxxxxx`)).rule).toBe('SIGN_IN_REFUSED');
    }
    const locked = await signIn(api, phone, 'benar-sekali-123');
    expect(locked).toMatchObject({ __typename: 'BusinessRuleError', rule: 'TOO_MANY_ATTEMPTS' });
    const lockedGhost = await signIn(api, ghost, 'apa-saja-xxxxx');
    // Nothing tells a locked existing account from a locked unknown one.
    expect({ ...lockedGhost, messageEn: '', messageId: '', details: null }).toEqual({ ...locked, messageEn: '', messageId: '', details: null });
    // Other accounts from the same place are not locked out by it.
    expect((await signIn(api, nextPhone(), 'apa-saja-xxxxx')).rule).toBe('SIGN_IN_REFUSED');
    // After the lock period (on the injected clock) the right password works again.
    api.clock.set(new Date(api.clock.now().getTime() + SIGN_IN_LIMITS.lockMinutes * 60_000 + 1000));
    expect((await signIn(api, phone, 'benar-sekali-123')).__typename).toBe('SignInSuccess');
  });

  it(`one source guessing many accounts is locked after ${SIGN_IN_LIMITS.source.failures} failures in a window`, async () => {
    api.clock.set(new Date(api.clock.now().getTime() + 60 * 60_000));
    for (let i = 0; i < SIGN_IN_LIMITS.source.failures; i++) expect((await signIn(api, nextPhone(), 'tebak-tebak-123')).rule).toBe('SIGN_IN_REFUSED');
    expect((await signIn(api, phone, 'benar-sekali-123')).rule).toBe('TOO_MANY_ATTEMPTS');
  }, 60_000);
});

describe('passwords', () => {
  it(`are hashed with scrypt N=2^${SCRYPT.logN}, r=${SCRYPT.r}, p=${SCRYPT.p}, salted, verified in constant time`, async () => {
    const t0 = performance.now();
    const a = await hashPassword('kata sandi');
    const ms = performance.now() - t0;
    const b = await hashPassword('kata sandi');
    expect(a).not.toBe(b);
    expect(a).toMatch(new RegExp(`^scrypt\\$${SCRYPT.logN}\\$${SCRYPT.r}\\$${SCRYPT.p}\\$`));
    expect(await verifyPassword('kata sandi', a)).toBe(true);
    expect(await verifyPassword('kata sandj', a)).toBe(false);
    console.log(`scrypt hash: ${ms.toFixed(0)} ms`);
    expect(ms).toBeGreaterThan(10);
  });
});
