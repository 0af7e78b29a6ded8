import { LOCAL_DEV_SECRET } from '../auth';

/** Bits a shared secret must carry, estimated from its own characters (Shannon entropy x length). */
const MIN_SECRET_BITS = 128;
const MIN_SECRET_CHARS = 32;

/**
 * Refuses, at start-up, an HS256 secret anyone could know or guess: the development secret published
 * in this repository (or a variation of it), one shorter than 32 characters, or one whose characters
 * carry under 128 bits (a repeated word, a run of one letter). `openssl rand -base64 48` passes.
 */
export function assertStrongSecret(secret: string): void {
  const normalized = secret.toLowerCase();
  if (normalized.includes(LOCAL_DEV_SECRET) || normalized.includes('do-not-use-in-production')) {
    throw new Error('the JWT secret is the development secret published in the repository; production mode refuses it');
  }
  if (secret.length < MIN_SECRET_CHARS) throw new Error(`the JWT secret is weak: at least ${MIN_SECRET_CHARS} characters are needed (openssl rand -base64 48)`);
  const bits = estimatedBits(secret);
  if (bits < MIN_SECRET_BITS) {
    throw new Error(`the JWT secret is weak: about ${Math.round(bits)} bits, at least ${MIN_SECRET_BITS} are needed (openssl rand -base64 48)`);
  }
}

function estimatedBits(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...s].length;
  let perChar = 0;
  for (const c of counts.values()) perChar -= (c / n) * Math.log2(c / n);
  return perChar * n;
}
