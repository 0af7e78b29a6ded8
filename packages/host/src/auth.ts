import { ROLES, systemClock, type Clock, type Principal } from '@kkmp/core';
import { SignJWT, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { SigningKeys } from './auth/keys';
import { VerifiedTokens } from './auth/verified-tokens';

export interface AuthConfig {
  /**
   * HS256 shared secret: local development and tests only. A deployed API refuses to start with one
   * (packages/api/src/config.ts), so a token signed with it is refused there.
   */
  secret?: string;
  /** OIDC issuer's JWKS URL, for RS256/ES256 tokens from an outside identity provider (a city's own). */
  jwksUrl?: string;
  /** The API's own ES256 keys (sign-in tokens); an ephemeral pair when absent (dev, tests). */
  signingKeys?: SigningKeys;
  issuer: string;
  audience: string;
}

export const LOCAL_DEV_SECRET = 'kkmp-local-development-secret-do-not-use-in-production';
export const DEFAULT_ISSUER = 'kkmp';
export const DEFAULT_AUDIENCE = 'kkmp-api';

/** Claims a token must carry; which tenant claim is required depends on the role. */
const claimsSchema = z
  .object({
    sub: z.string().min(1),
    name: z.string().optional(),
    role: z.enum(ROLES),
    cityId: z.string().optional(),
    coopId: z.string().optional(),
    memberId: z.string().optional(),
    units: z.array(z.string()).optional(),
    /** Our own tokens: the grant acted under and the session (refresh-token family). */
    gid: z.string().optional(),
    sid: z.string().optional(),
  })
  .refine((c) => c.role !== 'CITY_ADMIN' || !!c.cityId, 'CITY_ADMIN needs cityId')
  .refine((c) => !['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR', 'MEMBER'].includes(c.role) || !!c.coopId, 'cooperative roles need coopId')
  .refine((c) => c.role !== 'MEMBER' || !!c.memberId, 'MEMBER needs memberId');

export class InvalidToken extends Error {
  constructor(reason: string) {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidToken';
  }
}

/** The longest a token may live (exp - iat): 31 days for the development secret and outside providers. */
export const MAX_TOKEN_SECONDS = 31 * 24 * 3600;
/** The API's own access tokens live minutes (ACCESS_TOKEN_MINUTES); an hour is the most it ever signs. */
const OWN_MAX_SECONDS = 3600;
/** Clock skew allowed between the token's issuer and the API. */
const TOLERANCE_SECONDS = 30;

/**
 * maxTokenAge only bounds how old `iat` is: a token issued now that expires in ten years passes it.
 * Its whole lifetime is bounded too, so a leaked token is worth at most the documented maximum.
 */
function withinLifetime(payload: JWTPayload, maxSeconds: number): JWTPayload {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > maxSeconds) {
    throw new InvalidToken(`its lifetime (exp - iat) exceeds the maximum of ${maxSeconds} seconds`);
  }
  return payload;
}

/**
 * Which key checks a token is decided by its header: our own kid -> our ES256 keys on the API's clock
 * (so tests move time); else an outside provider's JWKS if configured; else HS256 only where the
 * development secret is configured. Anything else is refused.
 */
export function createVerifier(config: AuthConfig & { signingKeys: SigningKeys }, clock: Clock = systemClock) {
  const remote: JWTVerifyGetKey | undefined = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  const secretBytes = config.secret ? new TextEncoder().encode(config.secret) : undefined;
  // As a key function like the others, so every path is one jwtVerify call.
  const secret: JWTVerifyGetKey | undefined = secretBytes ? () => secretBytes : undefined;
  if (config.secret && config.secret.length < 32) throw new Error('the JWT secret must be at least 32 characters');
  const own = config.signingKeys;
  const verified = new VerifiedTokens();
  const common = { issuer: config.issuer, audience: config.audience, requiredClaims: ['exp', 'sub'], clockTolerance: TOLERANCE_SECONDS };

  /** The key, algorithms, lifetime and clock a token's header calls for. */
  function checkFor(token: string) {
    const header = decodeProtectedHeader(token);
    // Our access tokens live minutes, on the API's clock (so tests move time); a longer one was not made by this API.
    if (header.alg === 'ES256' && own.has(header.kid)) return { key: own.verifyKey, algorithms: ['ES256'], maxAge: OWN_MAX_SECONDS, now: clock.now() };
    // Never remembered: the provider's key set changes under us (verified-tokens.ts).
    if (remote) return { key: remote, algorithms: ['RS256', 'ES256'], maxAge: MAX_TOKEN_SECONDS, now: systemClock.now(), remember: false };
    // A token that never expires is a key that can never be taken back.
    if (secret && header.alg === 'HS256') return { key: secret, algorithms: ['HS256'], maxAge: MAX_TOKEN_SECONDS, now: systemClock.now() };
    throw new InvalidToken(`no key here verifies a ${String(header.alg)} token`);
  }

  return async function verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    let maxAge: number;
    let remember: boolean;
    try {
      const check = checkFor(token);
      remember = !('remember' in check);
      const seen = remember ? verified.get(token, Math.floor(check.now.getTime() / 1000)) : undefined;
      if (seen) return seen;
      maxAge = check.maxAge;
      const options = { ...common, algorithms: check.algorithms, maxTokenAge: maxAge, currentDate: check.now };
      payload = withinLifetime((await jwtVerify(token, check.key, options)).payload, maxAge);
    } catch (err) {
      throw err instanceof InvalidToken ? err : new InvalidToken(err instanceof Error ? err.message : 'unverifiable');
    }
    const principal = principalOf(payload);
    if (remember) verified.remember(token, principal, payload, { maxAgeSeconds: maxAge, toleranceSeconds: TOLERANCE_SECONDS });
    return principal;
  };
}

function principalOf(payload: JWTPayload): Principal {
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new InvalidToken(claims.error.issues.map((i) => i.message).join('; '));
  const c = claims.data;
  return {
    userId: c.sub,
    role: c.role,
    ...(c.name ? { name: c.name } : {}),
    ...(c.cityId ? { cityId: c.cityId } : {}),
    ...(c.coopId ? { coopId: c.coopId } : {}),
    ...(c.memberId ? { memberId: c.memberId } : {}),
    ...(c.units ? { units: c.units } : {}),
  };
}

/** Mints an HS256 token (local CLI, demo users, tests). */
export async function mintToken(
  principal: Principal,
  opts: { secret: string; issuer?: string; audience?: string; expiresIn?: string },
): Promise<string> {
  const { userId, ...claims } = principal;
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(opts.issuer ?? DEFAULT_ISSUER)
    .setAudience(opts.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(opts.secret));
  // A token the API would refuse on every request is a mistake to say now, not at the first call.
  const { iat = 0, exp = 0 } = decodeJwt(token);
  if (exp - iat > MAX_TOKEN_SECONDS) throw new RangeError(`a token may live at most 31 days (the API refuses longer ones), not ${opts.expiresIn}`);
  return token;
}
