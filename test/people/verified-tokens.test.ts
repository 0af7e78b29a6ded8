import { ManualClock } from '@kkmp/core';
import { SigningKeys, createVerifier, newPrivateJwk } from '@kkmp/host';
import fc from 'fast-check';
import { SignJWT, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';

// The verifier remembers tokens it accepted (packages/host/src/auth/verified-tokens.ts) so a warm API does
// not check the same signature on every request. Remembering must never accept what a fresh check refuses:
// for any lifetime, nbf and pair of moments, a verifier that accepted the token once answers at the second
// moment exactly as a verifier that never saw it.
const opts = { issuer: 'kkmp', audience: 'kkmp-api' };
const T0 = Date.parse('2026-03-15T03:00:00Z') / 1000;
const jwk = newPrivateJwk('k-verified');
const keys = SigningKeys.fromJwks([jwk]);

async function tokenWith(c: { iat: number; exp: number; nbf: number | undefined }): Promise<string> {
  const key = await importJWK({ ...jwk, alg: 'ES256' } as never, 'ES256');
  const jwt = new SignJWT({ role: 'PLATFORM_ADMIN', gid: 'g', sid: 's' }).setProtectedHeader({ alg: 'ES256', kid: 'k-verified' });
  jwt.setSubject('01J00000000000000000000000').setIssuer(opts.issuer).setAudience(opts.audience).setIssuedAt(c.iat).setExpirationTime(c.exp);
  if (c.nbf !== undefined) jwt.setNotBefore(c.nbf);
  return jwt.sign(key);
}

async function answer(verify: (t: string) => Promise<unknown>, token: string): Promise<string> {
  try {
    return `ok ${JSON.stringify(await verify(token))}`;
  } catch (e) {
    return 'refused';
  }
}

describe('verified tokens are remembered only as long as a fresh check would accept them', () => {
  it('a remembering verifier and a fresh one agree at every moment (fast-check)', async () => {
    const at = (s: number) => new Date((T0 + s) * 1000);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          lifetime: fc.integer({ min: 1, max: 4000 }),
          nbfOffset: fc.option(fc.integer({ min: -100, max: 200 }), { nil: undefined }),
          first: fc.integer({ min: -100, max: 4200 }),
          // Either anywhere, or a few seconds around one of the window's edges (exp, iat + the 1 h limit, nbf, iat).
          later: fc.oneof(fc.integer({ min: -100, max: 4200 }), fc.tuple(fc.constantFrom('exp', 'age', 'nbf', 'iat'), fc.integer({ min: -3, max: 3 }))),
        }),
        async ({ lifetime, nbfOffset, first, later }) => {
          const edges = { exp: lifetime + 30, age: 3600 + 30, nbf: (nbfOffset ?? 0) - 30, iat: -30 };
          const second = typeof later === 'number' ? later : edges[later[0]] + later[1];
          const token = await tokenWith({ iat: T0, exp: T0 + lifetime, nbf: nbfOffset === undefined ? undefined : T0 + nbfOffset });
          const clock = new ManualClock(at(first));
          const remembering = createVerifier({ ...opts, signingKeys: keys }, clock);
          await answer(remembering, token);
          clock.set(at(second));
          const fresh = createVerifier({ ...opts, signingKeys: keys }, new ManualClock(at(second)));
          expect(await answer(remembering, token)).toBe(await answer(fresh, token));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the edges: accepted at the last second of exp + tolerance, refused one second later, after being remembered', async () => {
    const token = await tokenWith({ iat: T0, exp: T0 + 300, nbf: undefined });
    const clock = new ManualClock(new Date(T0 * 1000));
    const verify = createVerifier({ ...opts, signingKeys: keys }, clock);
    await expect(verify(token)).resolves.toMatchObject({ role: 'PLATFORM_ADMIN' });
    clock.set(new Date((T0 + 300 + 29) * 1000));
    await expect(verify(token)).resolves.toMatchObject({ role: 'PLATFORM_ADMIN' });
    clock.set(new Date((T0 + 300 + 30) * 1000));
    await expect(verify(token)).rejects.toThrow(/exp/);
    // And back before iat - tolerance (a clock moved back): refused, as a fresh check would.
    clock.set(new Date((T0 - 31) * 1000));
    await expect(verify(token)).rejects.toThrow(/iat/);
  });
});

