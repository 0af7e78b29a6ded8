import { SigningKeys, createVerifier, newPrivateJwk } from '@kkmp/host';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// An outside sign-in provider (KKMP_JWKS_URL): its tokens are checked against the key set it publishes.
const opts = { issuer: 'https://id.example', audience: 'kkmp-api' };
let server: Server;
let jwksUrl: string;
let published: object[] = [];
let provider: CryptoKey;
let stranger: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  provider = pair.privateKey as CryptoKey;
  stranger = (await generateKeyPair('ES256')).privateKey as CryptoKey;
  published = [{ ...(await exportJWK(pair.publicKey)), kid: 'provider-1', alg: 'ES256', use: 'sig' }];
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published })));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => vi.useRealTimers());

const token = (key: CryptoKey, kid: string, claims: { iss?: string; lifetime?: string } = {}) =>
  new SignJWT({ role: 'COOP_MANAGER', coopId: 'coop-1' })
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject('oidc|manager')
    .setIssuer(claims.iss ?? opts.issuer)
    .setAudience(opts.audience)
    .setIssuedAt()
    .setExpirationTime(claims.lifetime ?? '1h')
    .sign(key);

describe("an outside provider's tokens (KKMP_JWKS_URL)", () => {
  const verifier = () => createVerifier({ ...opts, jwksUrl, signingKeys: SigningKeys.fromJwks([newPrivateJwk('own-1')]) });

  it('a token signed with a published key is accepted, once and again (remembered)', async () => {
    const verify = verifier();
    const t = await token(provider, 'provider-1');
    const expected = { userId: 'oidc|manager', role: 'COOP_MANAGER', coopId: 'coop-1' };
    expect(await verify(t)).toEqual(expected);
    expect(await verify(t)).toEqual(expected);
  });

  it('refused: a key the provider does not publish, another issuer, a lifetime over 31 days', async () => {
    const verify = verifier();
    await expect(verify(await token(stranger, 'provider-1'))).rejects.toThrow();
    await expect(verify(await token(provider, 'provider-1', { iss: 'https://evil.example' }))).rejects.toThrow();
    await expect(verify(await token(provider, 'provider-1', { lifetime: '32d' }))).rejects.toThrow(/lifetime/);
  });
});

describe('a key the outside provider removed', () => {
  it('stops working once jose would have fetched the key set again (600 s after it was fetched)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.parse('2026-12-01T00:00:00Z');
    vi.setSystemTime(t0);
    const verify = createVerifier({ ...opts, jwksUrl, signingKeys: SigningKeys.fromJwks([newPrivateJwk('own-1')]) });
    await verify(await token(provider, 'provider-1')); // the key set is fetched now (t0)
    published = []; // the provider removes its key (rotation after a leak)

    vi.setSystemTime(t0 + 590_000); // a token made with the removed key, first seen with the key set still fresh
    const late = await token(provider, 'provider-1');
    await verify(late);

    vi.setSystemTime(t0 + 700_000); // the key set is stale: jose fetches it again and no longer has the key
    await expect(verify(await token(provider, 'provider-1'))).rejects.toThrow(); // a new token: refused
    await expect(verify(late)).rejects.toThrow(); // and one it accepted before: outside tokens are never remembered
  });
});
