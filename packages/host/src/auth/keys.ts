import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import { createLocalJWKSet, type JWK, type JWTVerifyGetKey } from 'jose';

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
}

/**
 * The API's ES256 signing keys. The first signs; every key is published (JWKS) and verifies, so a
 * rotation is: put a new key first, deploy, and drop the old one after the access-token lifetime has
 * passed (tokens it signed have expired by then). No downtime, no token refused early.
 */
export class SigningKeys {
  private readonly keys: SigningKey[];
  readonly verifyKey: JWTVerifyGetKey;

  private constructor(keys: SigningKey[]) {
    if (!keys.length) throw new Error('at least one signing key is needed');
    this.keys = keys;
    this.verifyKey = createLocalJWKSet(this.jwks());
  }

  /** From private JWKs (P-256, each with a `kid`), e.g. KKMP_SIGNING_KEYS; the first signs. */
  static fromJwks(privateJwks: JsonWebKey[]): SigningKeys {
    return new SigningKeys(
      privateJwks.map((jwk, i) => {
        if (typeof jwk.kid !== 'string' || !jwk.kid) throw new Error(`signing key ${i + 1} has no kid`);
        if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d) throw new Error(`signing key ${jwk.kid} must be a private P-256 (ES256) JWK`);
        const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
        return { kid: jwk.kid, privateKey, publicJwk: publicJwkOf(privateKey, jwk.kid) };
      }),
    );
  }

  /** A fresh key for this process only: local development and tests (tokens die with the process). */
  static ephemeral(): SigningKeys {
    return SigningKeys.fromJwks([newPrivateJwk()]);
  }

  get current(): { kid: string; privateKey: KeyObject } {
    return this.keys[0]!;
  }

  has(kid: string | undefined): boolean {
    return !!kid && this.keys.some((k) => k.kid === kid);
  }

  /** The public keys, as served at /.well-known/jwks.json. */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => k.publicJwk) };
  }
}

/** A new private P-256 JWK with a kid (for KKMP_SIGNING_KEYS; `npm run token -- --signing-key`). */
export function newPrivateJwk(kid = `kkmp-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`): JsonWebKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' };
}

function publicJwkOf(privateKey: KeyObject, kid: string): JWK {
  const { kty, crv, x, y } = createPublicKey(privateKey).export({ format: 'jwk' });
  return { kty: kty!, crv: crv!, x: x!, y: y!, kid, alg: 'ES256', use: 'sig' };
}
