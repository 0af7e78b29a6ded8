import { ConditionFailed, Transaction, batchGet, cond, queryAll } from '@kkmp/store';
import type { CoreContext } from '../context';
import { BusinessRuleError, InvalidStateError, UnauthenticatedError } from '../errors';
import { newId } from '../ids';
import type { Principal } from '../principal';
import { grantSchema, keys, personSchema, sessionSchema, ttlOf, type Grant, type Person, type Session } from './model';
import { newSecret, sha256, type PeopleDeps } from './tokens';

/** A refresh token keeps a session alive this long after sign-in, however often it rotates. */
export const SESSION_DAYS = 30;

export interface AuthSession {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  /** The grant the access token acts under. */
  grant: Grant;
  /** Every grant the person holds (switch with refreshSession's grantId). */
  grants: Grant[];
}

/**
 * The principal of one grant. A person who is also a member of the grant's cooperative carries that
 * member record too, so a manager reads their own statements without a second account.
 */
export function principalOf(person: Pick<Person, 'personId' | 'name'>, grant: Grant, grants: Grant[]): Principal {
  const ownMember = grant.memberId ?? grants.find((g) => g.role === 'MEMBER' && g.coopId === grant.coopId && grant.coopId)?.memberId;
  return {
    userId: person.personId,
    name: person.name,
    role: grant.role,
    ...(grant.cityId ? { cityId: grant.cityId } : {}),
    ...(grant.coopId ? { coopId: grant.coopId } : {}),
    ...(ownMember ? { memberId: ownMember } : {}),
    ...(grant.units ? { units: grant.units } : {}),
  };
}

export const loadGrants = (ctx: CoreContext, personId: string) => queryAll(ctx.db, keys.grantsOf(personId), grantSchema);

function pickGrant(grants: Grant[], grantId: string | undefined, field: string): Grant {
  const grant = grantId ? grants.find((g) => g.grantId === grantId) : grants[0];
  if (grant) return grant;
  throw new BusinessRuleError('NO_ACCESS', 'you hold no such grant (any more)', 'Anda tidak (lagi) memegang hak akses itu', { field });
}

/** A new session (refresh-token family) for one of the person's grants, with its first tokens. */
export async function startSession(ctx: CoreContext, deps: PeopleDeps, person: Person, grants: Grant[], grantId?: string): Promise<AuthSession> {
  const grant = pickGrant(grants, grantId, 'input.grantId');
  const now = ctx.clock.now();
  const secret = newSecret();
  const session: Session = {
    familyId: newId(now),
    personId: person.personId,
    grantId: grant.grantId,
    currentHash: sha256(secret),
    createdAt: now.toISOString(),
    validUntil: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    epoch: person.sessionEpoch ?? 0,
    version: 1,
  };
  await new Transaction(ctx.db).create({ ...keys.session(person.personId, session.familyId), type: 'Session', ...session, expiresAt: ttlOf(new Date(session.validUntil)) }).commit();
  return tokensFor(deps, person, grant, grants, session, secret, now);
}

async function tokensFor(deps: PeopleDeps, person: Person, grant: Grant, grants: Grant[], session: Session, secret: string, now: Date): Promise<AuthSession> {
  const access = await deps.tokens.issue({ ...principalOf(person, grant, grants), grantId: grant.grantId, sessionId: session.familyId }, now);
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt.toISOString(),
    refreshToken: `${person.personId}.${session.familyId}.${secret}`,
    refreshTokenExpiresAt: session.validUntil,
    grant,
    grants,
  };
}

const ended = () => new UnauthenticatedError();

function parseRefreshToken(token: string) {
  const [personId, familyId, secret, extra] = token.split('.');
  if (!personId || !familyId || !secret || extra !== undefined || !/^[0-9A-Z]{26}$/.test(personId) || !/^[0-9A-Z]{26}$/.test(familyId)) return undefined;
  return { personId, familyId, hash: sha256(secret) };
}

/**
 * Rotates a refresh token: the one presented becomes "used" and a new one is answered. A used one
 * presented again means it was copied: the whole family is revoked (the thief's and the owner's
 * sessions both end). The grant is read again, so a removed grant gets no new access token.
 * One read wave (session, used marker, person, grants) and one transaction.
 */
export async function refreshSession(ctx: CoreContext, deps: PeopleDeps, input: { refreshToken: string; grantId?: string | undefined }): Promise<AuthSession> {
  const parsed = parseRefreshToken(input.refreshToken);
  if (!parsed) throw ended();
  const { personId, familyId, hash } = parsed;
  const [[sessionItem, usedItem, personItem], grants] = await Promise.all([
    batchGet(ctx.db, [keys.session(personId, familyId), keys.usedRefresh(personId, familyId, hash), keys.person(personId)]),
    loadGrants(ctx, personId),
  ]);
  if (!sessionItem || !personItem) throw ended();
  const session = sessionSchema.parse(sessionItem);
  const person = personSchema.parse(personItem);
  const now = ctx.clock.now();
  if (session.revokedAt || session.validUntil <= now.toISOString()) throw ended();
  if (usedItem) {
    await revokeFamily(ctx, session, now);
    throw ended();
  }
  if (session.currentHash !== hash) throw ended();
  if (session.epoch < (person.sessionEpoch ?? 0)) throw ended();
  if (!grants.some((g) => g.grantId === session.grantId) && !input.grantId) throw ended();
  const grant = pickGrant(grants, input.grantId ?? session.grantId, 'input.grantId');
  const secret = newSecret();
  const next: Session = { ...session, grantId: grant.grantId, currentHash: sha256(secret), version: session.version + 1 };
  await new Transaction(ctx.db)
    .put({ ...keys.session(personId, familyId), type: 'Session', ...next, expiresAt: ttlOf(new Date(session.validUntil)) }, cond.eq('currentHash', hash), 'rotated')
    .create({ ...keys.usedRefresh(personId, familyId, hash), type: 'UsedRefreshToken', at: now.toISOString(), expiresAt: ttlOf(new Date(session.validUntil)) }, 'rotated')
    .commit()
    // Two refreshes with one token at the same moment: only one rotates; the other is refused.
    .catch((err: unknown) => {
      throw err instanceof ConditionFailed ? ended() : err;
    });
  return tokensFor(deps, person, grant, grants, next, secret, now);
}

async function revokeFamily(ctx: CoreContext, session: Session, now: Date) {
  if (session.revokedAt) return;
  await new Transaction(ctx.db)
    .put({ ...keys.session(session.personId, session.familyId), type: 'Session', ...session, revokedAt: now.toISOString(), expiresAt: ttlOf(new Date(session.validUntil)) })
    .commit();
}

/** Ends one session (this device). Quietly does nothing for a token that is not current. */
export async function signOut(ctx: CoreContext, input: { refreshToken: string }): Promise<void> {
  const parsed = parseRefreshToken(input.refreshToken);
  if (!parsed) return;
  const [item] = await batchGet(ctx.db, [keys.session(parsed.personId, parsed.familyId)]);
  const session = item ? sessionSchema.parse(item) : undefined;
  if (session && session.currentHash === parsed.hash) await revokeFamily(ctx, session, ctx.clock.now());
}

/**
 * Ends every session of the signed-in person: no refresh token of a session begun before works again;
 * access tokens already out end within their lifetime.
 */
export async function signOutEverywhere(ctx: CoreContext): Promise<{ at: string }> {
  const p = ctx.principal;
  if (!p) throw new UnauthenticatedError();
  const [item] = await batchGet(ctx.db, [keys.person(p.userId)]);
  if (!item) throw new InvalidStateError('this token is not a signed-in person’s (a development token has no sessions)', 'token ini bukan milik orang yang masuk (token pengembangan tidak punya sesi)');
  await new Transaction(ctx.db).update(keys.person(p.userId), { expression: 'ADD sessionEpoch :one', values: { ':one': 1 } }).commit();
  return { at: ctx.clock.now().toISOString() };
}
