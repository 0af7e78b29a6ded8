import type { Principal } from '@kkmp/core';
import type { JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';

/** When a verified token may be taken again without a new check: the window jose's time checks allow. */
interface Entry {
  principal: Principal;
  /** Seconds since the epoch, inclusive. */
  from: number;
  /** Seconds since the epoch, exclusive. */
  until: number;
}

/**
 * Tokens already verified, remembered until their time claims run out. A warm Lambda serves the same few
 * people's tokens again and again, and checking a signature (ES256, or HS256 through WebCrypto) cost more
 * CPU than the rest of a cheap read (the member profile's two BatchGetItems): the bench's profile put jose
 * at 9% of the whole process. The principal comes from the token alone, so remembering it is exact; what
 * can change meanwhile (a revoked grant, a disabled account) is read from DynamoDB on every request as before.
 * The API's own keys and the development secret change only with a deploy, which starts new processes.
 * An outside provider's keys change under us, so its tokens are never remembered (auth.ts): each is
 * checked against the key set jose holds, and a key the provider removed stops working when jose reloads.
 */
export class VerifiedTokens {
  private readonly cache: LRUCache<string, Entry>;

  constructor(max = 2000) {
    this.cache = new LRUCache({ max });
  }

  /** The principal of a token verified before, if `now` (seconds) is still inside its window. */
  get(token: string, now: number): Principal | undefined {
    const e = this.cache.get(token);
    return e && now >= e.from && now < e.until ? e.principal : undefined;
  }

  /**
   * Remembers a token jose just accepted at `now`, for as long as jose would accept it again: not before
   * nbf or iat (less the tolerance), before exp and before iat + maxAge (plus the tolerance).
   */
  remember(token: string, principal: Principal, payload: JWTPayload, rules: { maxAgeSeconds: number; toleranceSeconds: number }): void {
    const { iat, exp, nbf } = payload;
    if (typeof iat !== 'number' || typeof exp !== 'number') return;
    const tol = rules.toleranceSeconds;
    const from = Math.max(iat, typeof nbf === 'number' ? nbf : -Infinity) - tol;
    const until = Math.min(exp + tol, iat + rules.maxAgeSeconds + tol + 1);
    if (until > from) this.cache.set(token, { principal, from, until });
  }
}
