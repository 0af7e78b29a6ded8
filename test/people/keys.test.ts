import { ManualClock } from '@kkmp/core';
import { SigningKeys, accessTokenIssuer, createVerifier, newPrivateJwk } from '@kkmp/host';
import { describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api';

const opts = { issuer: 'kkmp', audience: 'kkmp-api' };
const claims = { userId: '01J00000000000000000000000', role: 'PLATFORM_ADMIN' as const, grantId: 'g', sessionId: 's' };

describe('signing keys: ES256 with a kid, rotatable without downtime', () => {
  it('tokens of the old key still verify while it is second; after it is dropped they are refused', async () => {
    const clock = new ManualClock('2026-03-15T03:00:00Z');
    const [oldKey, newKey] = [newPrivateJwk('k-2026-01'), newPrivateJwk('k-2026-03')];
    const before = SigningKeys.fromJwks([oldKey]);
    const oldToken = (await accessTokenIssuer(before, opts).issue(claims, clock.now())).token;
    // Rotation: the new key signs, the old one still verifies.
    const during = SigningKeys.fromJwks([newKey, oldKey]);
    const newToken = (await accessTokenIssuer(during, opts).issue(claims, clock.now())).token;
    const verifyDuring = createVerifier({ ...opts, signingKeys: during }, clock);
    await expect(verifyDuring(oldToken)).resolves.toMatchObject({ role: 'PLATFORM_ADMIN' });
    await expect(verifyDuring(newToken)).resolves.toMatchObject({ role: 'PLATFORM_ADMIN' });
    expect(JSON.parse(Buffer.from(newToken.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'ES256', kid: 'k-2026-03' });
    // After the old key is dropped: its tokens are refused, the new ones verify.
    const after = createVerifier({ ...opts, signingKeys: SigningKeys.fromJwks([newKey]) }, clock);
    await expect(after(oldToken)).rejects.toThrow(/invalid token/);
    await expect(after(newToken)).resolves.toBeTruthy();
  });

  it('a token is refused once the API clock passes its expiry (5 minutes and the 30 s tolerance)', async () => {
    const clock = new ManualClock('2026-03-15T03:00:00Z');
    const keys = SigningKeys.ephemeral();
    const { token, expiresAt } = await accessTokenIssuer(keys, opts).issue(claims, clock.now());
    expect(expiresAt.toISOString()).toBe('2026-03-15T03:05:00.000Z');
    const verify = createVerifier({ ...opts, signingKeys: keys }, clock);
    clock.set('2026-03-15T03:05:29Z');
    await expect(verify(token)).resolves.toBeTruthy();
    clock.set('2026-03-15T03:05:31Z');
    await expect(verify(token)).rejects.toThrow(/exp/);
  });

  it('refuses malformed keys at start-up', () => {
    expect(() => SigningKeys.fromJwks([{ ...newPrivateJwk(), kid: undefined }])).toThrow(/no kid/);
    const { d: _d, ...publicOnly } = newPrivateJwk('pub');
    expect(() => SigningKeys.fromJwks([publicOnly])).toThrow(/private P-256/);
  });

  it('the API publishes its public keys at /.well-known/jwks.json', async () => {
    const api = await startTestApi();
    try {
      const res = await fetch(api.url.replace('/graphql', '/.well-known/jwks.json'));
      expect(res.status).toBe(200);
      const { keys } = (await res.json()) as { keys: Record<string, string>[] };
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) });
      expect(keys[0]!.d).toBeUndefined();
    } finally {
      await api.close();
    }
  });
});
