import { Transaction, batchGet, countAttempt, cond, pk, sk } from '@kkmp/store';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { CoreContext } from '../context';
import { parseInput } from '../validation';
import { loginField, maskLogin } from './login';
import { credentialSchema, keys, personSchema, ttlOf } from './model';
import { loadGrants, startSession, type AuthSession } from './sessions';
import { refused, tooMany } from './signin';
import { lockKeys, lockedUntil, recordFailure } from './throttle';
import { newCode, normalizeCode, sha256, type PeopleDeps } from './tokens';

/** A sign-in code works once, for this long. */
export const SIGN_IN_CODE_MINUTES = 10;
/** Codes a login may be sent per window: each SMS costs money and bothers the person. */
const REQUESTS = { perWindow: 3, windowMinutes: 15 };

const PLATFORM = { kind: 'platform' } as const;
const codeKey = (login: string) => ({ pk: pk(PLATFORM, 'SIGNINCODE', sha256(login)), sk: sk('CODE') });
const requestsKey = (login: string, window: number) => ({ pk: pk(PLATFORM, 'SIGNINCODE', sha256(login)), sk: sk('REQUESTS', String(window)) });
const codeSchema = z.object({ codeHash: z.string(), validUntil: z.string() });

export const requestSignInCodeInput = z.object({ login: loginField });
export const signInWithCodeInput = z.object({ login: loginField, code: z.string().min(1).max(40), grantId: z.string().optional().nullable() });

export interface SignInCodeSent {
  sentTo: string;
  validUntil: string;
}

/**
 * Sends a one-time sign-in code to the login's phone or mailbox, if an account has that login. The
 * answer is the same either way (nobody learns which logins exist); requests per login are limited.
 */
export async function requestSignInCode(ctx: CoreContext, deps: PeopleDeps, raw: unknown): Promise<SignInCodeSent> {
  const input = parseInput(requestSignInCodeInput, raw);
  const now = ctx.clock.now();
  const windowMs = REQUESTS.windowMinutes * 60_000;
  const window = Math.floor(now.getTime() / windowMs);
  const [requests, [credential]] = await Promise.all([
    countAttempt(ctx.db, requestsKey(input.login, window), ttlOf(new Date((window + 1) * windowMs))),
    batchGet(ctx.db, [keys.credential(input.login)]),
  ]);
  if (requests > REQUESTS.perWindow) throw tooMany(new Date((window + 1) * windowMs).toISOString());
  const validUntil = new Date(now.getTime() + SIGN_IN_CODE_MINUTES * 60_000).toISOString();
  if (credential) {
    const code = newCode();
    await new Transaction(ctx.db)
      .put({ ...codeKey(input.login), type: 'SignInCode', codeHash: sha256(normalizeCode(code)), validUntil, expiresAt: ttlOf(new Date(validUntil)) })
      .afterCommit(() =>
        deps.sender.send({
          channel: input.login.startsWith('+62') ? 'SMS' : 'EMAIL',
          to: input.login,
          purpose: 'SIGN_IN',
          code,
          text: `Kode masuk KKMP: ${code} (berlaku ${SIGN_IN_CODE_MINUTES} menit; jangan berikan kepada siapa pun). / kkmp sign-in code: ${code} (valid ${SIGN_IN_CODE_MINUTES} minutes; never share it).`,
        }),
      )
      .commit();
  }
  return { sentTo: maskLogin(input.login), validUntil };
}

/**
 * Signs in with the code just sent: limited and refused exactly like a password (one answer for a
 * wrong code, an old one and a login without an account). The code is deleted as it is used.
 */
export async function signInWithCode(ctx: CoreContext, deps: PeopleDeps, raw: unknown): Promise<AuthSession> {
  const input = parseInput(signInWithCodeInput, raw);
  const now = ctx.clock.now();
  const [codeItem, credentialItem, ...locks] = await batchGet(ctx.db, [codeKey(input.login), keys.credential(input.login), ...lockKeys(input.login, deps.source)]);
  const locked = lockedUntil(locks, now);
  if (locked) throw tooMany(locked);
  const stored = codeItem ? codeSchema.parse(codeItem) : undefined;
  const given = Buffer.from(sha256(normalizeCode(input.code)));
  const matches = !!stored && stored.validUntil > now.toISOString() && timingSafeEqual(given, Buffer.from(stored.codeHash));
  if (!matches || !credentialItem) {
    await recordFailure(ctx.db, input.login, deps.source, now);
    throw refused();
  }
  const credential = credentialSchema.parse(credentialItem);
  // Used once: a second sign-in with it fails the condition.
  await new Transaction(ctx.db)
    .delete(codeKey(input.login), cond.eq('codeHash', stored.codeHash))
    .commit()
    .catch(() => {
      throw refused();
    });
  const [[personItem], grants] = await Promise.all([batchGet(ctx.db, [keys.person(credential.personId)]), loadGrants(ctx, credential.personId)]);
  if (!personItem) throw refused();
  return startSession(ctx, deps, personSchema.parse(personItem), grants, input.grantId ?? undefined);
}
