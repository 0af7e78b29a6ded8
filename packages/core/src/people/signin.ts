import { batchGet } from '@kkmp/store';
import { z } from 'zod';
import type { CoreContext } from '../context';
import { BusinessRuleError } from '../errors';
import { parseInput } from '../validation';
import { loginField } from './login';
import { credentialSchema, keys, personSchema } from './model';
import { DUMMY_HASH, verifyPassword } from './password';
import { loadGrants, startSession, type AuthSession } from './sessions';
import { lockKeys, lockedUntil, recordFailure } from './throttle';
import type { PeopleDeps } from './tokens';

export const signInInput = z.object({
  login: loginField,
  password: z.string().min(1).max(200),
  grantId: z.string().optional().nullable(),
});

/** The one answer to a wrong password and to a login nobody has: nothing tells them apart. */
export const refused = () =>
  new BusinessRuleError('SIGN_IN_REFUSED', 'the login or the password is wrong', 'login atau kata sandi salah');
export const tooMany = (until: string) =>
  new BusinessRuleError('TOO_MANY_ATTEMPTS', `too many failed sign-ins; try again after ${until}`, `terlalu banyak percobaan masuk yang gagal; coba lagi setelah ${until}`, {
    details: { retryAfter: until },
  });

/**
 * Password sign-in. One read wave (the login's credential and both locks), one scrypt verification
 * whether the login exists or not (a dummy hash stands in), the same refusal for both. The password is
 * never logged, stored or echoed; a lock (per login typed, per source) answers TOO_MANY_ATTEMPTS for
 * existing and unknown logins alike.
 */
export async function signIn(ctx: CoreContext, deps: PeopleDeps, raw: unknown): Promise<AuthSession> {
  const input = parseInput(signInInput, raw);
  const now = ctx.clock.now();
  const [credentialItem, ...locks] = await batchGet(ctx.db, [keys.credential(input.login), ...lockKeys(input.login, deps.source)]);
  const locked = lockedUntil(locks, now);
  if (locked) throw tooMany(locked);
  const credential = credentialItem ? credentialSchema.parse(credentialItem) : undefined;
  const ok = await verifyPassword(input.password, credential?.passwordHash ?? DUMMY_HASH);
  if (!ok || !credential?.passwordHash) {
    await recordFailure(ctx.db, input.login, deps.source, now);
    throw refused();
  }
  const [[personItem], grants] = await Promise.all([batchGet(ctx.db, [keys.person(credential.personId)]), loadGrants(ctx, credential.personId)]);
  if (!personItem) throw refused();
  return startSession(ctx, deps, personSchema.parse(personItem), grants, input.grantId ?? undefined);
}
