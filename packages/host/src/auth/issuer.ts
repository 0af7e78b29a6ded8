import type { AccessClaims, AccessTokenIssuer } from '@kkmp/core';
import { SignJWT } from 'jose';
import type { SigningKeys } from './keys';

/** Minutes an access token lives: what "access ends within minutes" means after a grant is removed. */
export const ACCESS_TOKEN_MINUTES = 5;

/** Signs access tokens with the current ES256 key; times come from the API's clock. */
export function accessTokenIssuer(keys: SigningKeys, opts: { issuer: string; audience: string; minutes?: number }): AccessTokenIssuer {
  const minutes = opts.minutes ?? ACCESS_TOKEN_MINUTES;
  return {
    async issue(claims: AccessClaims, now: Date) {
      const { userId, grantId, sessionId, ...rest } = claims;
      const iat = Math.floor(now.getTime() / 1000);
      const exp = iat + minutes * 60;
      const key = keys.current;
      const token = await new SignJWT({ ...rest, gid: grantId, sid: sessionId })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
        .setSubject(userId)
        .setIssuer(opts.issuer)
        .setAudience(opts.audience)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(key.privateKey);
      return { token, expiresAt: new Date(exp * 1000) };
    },
  };
}
