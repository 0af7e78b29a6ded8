import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Principal } from '../principal';

/**
 * What the people services need from outside the core: an issuer of signed access tokens (the host,
 * with jose and its ES256 keys), a sender of codes (SMS or e-mail; printed locally), and the caller's
 * source address for rate limits.
 */
export interface AccessTokenIssuer {
  /** Signs a short-lived access token for the principal; `now` is the API's clock. */
  issue(claims: AccessClaims, now: Date): Promise<{ token: string; expiresAt: Date }>;
}

/** The principal of one grant, plus the grant and the session the token belongs to. */
export type AccessClaims = Principal & { grantId: string; sessionId: string };

export interface CodeMessage {
  channel: 'SMS' | 'EMAIL';
  to: string;
  purpose: 'INVITATION' | 'SIGN_IN';
  code: string;
  /** The whole text, Indonesian first (what the person reads). */
  text: string;
}

export interface CodeSender {
  send(message: CodeMessage): Promise<void>;
}

export interface PeopleDeps {
  tokens: AccessTokenIssuer;
  sender: CodeSender;
  /** The caller's address (or "unknown"), for per-source limits. */
  source: string;
}

/** SHA-256 for high-entropy secrets (refresh tokens, codes): stored so a leaked table signs nobody in. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

export const newSecret = () => randomBytes(32).toString('base64url');

// Crockford's base32 without I, L, O, U: read aloud or typed from an SMS without mix-ups.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A one-time code of 10 characters (50 bits), shown as XXXXX-XXXXX. */
export function newCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}
/** Codes are compared without case, spaces or dashes. */
export const normalizeCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
