import { Transaction, countAttempt, pk, sk, type Db, type Key } from '@kkmp/store';
import { z } from 'zod';
import { ttlOf } from './model';
import { sha256 } from './tokens';

/**
 * Sign-in attempts are limited per account (the login typed, whether an account has it or not, so a
 * lock says nothing about existence) and per source (the caller's address), in fixed windows. Reaching
 * the limit writes a lock that holds for LOCK_MINUTES, whatever window it started in.
 */
export const LIMITS = {
  account: { failures: 5, windowMinutes: 15 },
  source: { failures: 30, windowMinutes: 15 },
  lockMinutes: 15,
} as const;

type Scope = 'LOGIN' | 'SOURCE';
const PLATFORM = { kind: 'platform' } as const;
// Keyed by a hash: the table keeps no list of who tried which login from where.
const scoped = (scope: Scope, id: string) => pk(PLATFORM, scope, sha256(`${scope}:${id}`));
const lockKey = (scope: Scope, id: string): Key => ({ pk: scoped(scope, id), sk: sk('LOCK') });
const windowKey = (scope: Scope, id: string, window: number): Key => ({ pk: scoped(scope, id), sk: sk('ATTEMPTS', String(window)) });

export const lockSchema = z.object({ lockedUntil: z.string() });

/** The lock items to read with the credential, in the same batch. */
export function lockKeys(login: string, source: string): Key[] {
  return [lockKey('LOGIN', login), lockKey('SOURCE', source)];
}

/** The later lock end of the two items read, if either still holds at `now`. */
export function lockedUntil(items: (Record<string, unknown> | undefined)[], now: Date): string | undefined {
  const ends = items.flatMap((i) => (i ? [lockSchema.parse(i).lockedUntil] : [])).filter((end) => end > now.toISOString());
  return ends.sort().at(-1);
}

/** The source's lock alone (guessing invitation codes counts against the source). */
export const sourceLockKey = (source: string): Key => lockKey('SOURCE', source);

/** Counts a failed attempt for the account (if one was named) and the source; locks either that reached its limit. */
export async function recordFailure(db: Db, login: string | undefined, source: string, now: Date): Promise<void> {
  const count = async (scope: Scope, id: string, limit: { failures: number; windowMinutes: number }) => {
    const windowMs = limit.windowMinutes * 60_000;
    const window = Math.floor(now.getTime() / windowMs);
    const n = await countAttempt(db, windowKey(scope, id, window), ttlOf(new Date((window + 1) * windowMs)));
    if (n < limit.failures) return;
    const until = new Date(now.getTime() + LIMITS.lockMinutes * 60_000);
    // A plain put: of two racing locks the later wins, and either one locks.
    await new Transaction(db).put({ ...lockKey(scope, id), type: 'SignInLock', lockedUntil: until.toISOString(), expiresAt: ttlOf(until) }).commit();
  };
  await Promise.all([login ? count('LOGIN', login, LIMITS.account) : undefined, count('SOURCE', source, LIMITS.source)]);
}
