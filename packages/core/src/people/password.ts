import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt (memory-hard, in node's crypto). N = 2^15, r = 8, p = 1 needs
 * 128 * N * r = 32 MiB per hash and took 80-200 ms per hash on the shared 2-core test machine (printed
 * by test/people/sign-in.test.ts). OWASP's cheat sheet lists N = 2^17, r = 8, p = 1 (128 MiB); we take
 * 2^15 so a few concurrent sign-ins fit in one Lambda's memory, and limit guesses per account and per
 * source instead (throttle.ts). The parameters are stored with each hash, so raising them later
 * applies to new and changed passwords and old hashes still verify.
 */
export const SCRYPT = { logN: 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r * p };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await derive(password, salt, SCRYPT.logN, SCRYPT.r, SCRYPT.p, SCRYPT.keyLength);
  return ['scrypt', SCRYPT.logN, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p), expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * An unknown login is checked against this hash, so the answer takes as long as for a wrong password
 * (no password hashes to it: its key is random).
 */
export const DUMMY_HASH = ['scrypt', SCRYPT.logN, SCRYPT.r, SCRYPT.p, randomBytes(16).toString('base64url'), randomBytes(32).toString('base64url')].join('$');

/** What a new password must be: long enough that a rate-limited guesser gets nowhere. */
export const PASSWORD_MIN = 10;
