import { ROLES, type Principal } from '@kkmp/core';
import { SignJWT, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';

export interface AuthConfig {
  /** HS256 shared secret (local, and in AWS from the SST secret). */
  secret?: string;
  /** OIDC issuer's JWKS URL, for RS256/ES256 tokens from an identity provider. */
  jwksUrl?: string;
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

export function createVerifier(config: AuthConfig) {
  const key: Uint8Array | JWTVerifyGetKey | undefined = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : config.secret
      ? new TextEncoder().encode(config.secret)
      : undefined;
  if (!key) throw new Error('auth needs a JWT secret or a JWKS URL');
  if (config.secret && !config.jwksUrl && config.secret.length < 32) throw new Error('the JWT secret must be at least 32 characters');
  return async function verify(token: string): Promise<Principal> {
    let payload: unknown;
    try {
      const result = await jwtVerify(token, key as Uint8Array, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: config.jwksUrl ? ['RS256', 'ES256'] : ['HS256'],
        // A token that never expires is a key that can never be taken back.
        requiredClaims: ['exp', 'sub'],
        maxTokenAge: '31d',
        clockTolerance: 30,
      });
      payload = result.payload;
    } catch (err) {
      throw new InvalidToken(err instanceof Error ? err.message : 'unverifiable');
    }
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
  };
}

/** Mints an HS256 token (local CLI, demo users, tests). */
export async function mintToken(
  principal: Principal,
  opts: { secret: string; issuer?: string; audience?: string; expiresIn?: string },
): Promise<string> {
  const { userId, ...claims } = principal;
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(opts.issuer ?? DEFAULT_ISSUER)
    .setAudience(opts.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(opts.secret));
}
