import { Transaction, batchGet, cond } from '@kkmp/store';
import { z } from 'zod';
import { createCoreContext, type CoreContext } from '../context';
import { BusinessRuleError, NotFoundError, ValidationError } from '../errors';
import { newId } from '../ids';
import { audited, runMutation } from '../mutation';
import { ROLES } from '../principal';
import { idempotencyKeyField, msg, parseInput, text } from '../validation';
import { channelOf, loginField, maskLogin } from './login';
import { credentialSchema, grantTenant, invitationSchema, keys, personSchema, ttlOf, type Grant, type GrantSpec, type Invitation, type Person } from './model';
import { PASSWORD_MIN, hashPassword } from './password';
import { checkMayGrant, missingTarget } from './rules';
import { loadGrants, principalOf, startSession, type AuthSession } from './sessions';
import { lockedUntil, recordFailure, sourceLockKey } from './throttle';
import { tooMany } from './signin';
import { newCode, normalizeCode, sha256, type PeopleDeps } from './tokens';

/** An invitation can be accepted for this long, once. */
export const INVITATION_HOURS = 72;

const unitId = z.string().regex(/^[a-z][a-z0-9]{1,29}$/, msg('is not a unit id', 'bukan id unit'));
export const invitePersonInput = z
  .object({
    idempotencyKey: idempotencyKeyField,
    login: loginField,
    name: text(100),
    role: z.enum(ROLES),
    cityId: z.string().min(1).optional(),
    cooperativeId: z.string().min(1).optional(),
    memberId: z.string().min(1).optional(),
    units: z.array(unitId).min(1).max(20).optional(),
  })
  .superRefine((v, ctx) => {
    const need = (field: string, ok: boolean, en: string, id: string) => ok || ctx.addIssue({ code: 'custom', path: [field], message: msg(en, id) });
    const coopRole = ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR', 'MEMBER'].includes(v.role);
    need('cityId', v.role === 'CITY_ADMIN' ? !!v.cityId : !v.cityId, `${v.role === 'CITY_ADMIN' ? 'is required' : 'is only for'} a CITY_ADMIN`, `${v.role === 'CITY_ADMIN' ? 'wajib untuk' : 'hanya untuk'} CITY_ADMIN`);
    need('cooperativeId', coopRole ? !!v.cooperativeId : !v.cooperativeId, coopRole ? 'is required for a cooperative role' : 'is only for cooperative roles', coopRole ? 'wajib untuk peran koperasi' : 'hanya untuk peran koperasi');
    need('memberId', v.role === 'MEMBER' ? !!v.memberId : !v.memberId, v.role === 'MEMBER' ? 'is required for a MEMBER' : 'is only for a MEMBER', v.role === 'MEMBER' ? 'wajib untuk MEMBER' : 'hanya untuk MEMBER');
    need('units', v.role === 'COOP_STAFF' ? !!v.units : !v.units, v.role === 'COOP_STAFF' ? 'name the units the staff operates' : 'is only for COOP_STAFF', v.role === 'COOP_STAFF' ? 'sebutkan unit yang dioperasikan' : 'hanya untuk COOP_STAFF');
    if (v.role === 'PLATFORM_ADMIN') ctx.addIssue({ code: 'custom', path: ['role'], message: msg('platform admins are not invited', 'admin platform tidak diundang') });
  });

export interface InvitationSent {
  invitationId: string;
  role: Grant['role'];
  channel: Invitation['channel'];
  sentTo: string;
  validUntil: string;
}

const specOf = (i: z.output<typeof invitePersonInput>): GrantSpec => ({
  role: i.role,
  ...(i.cityId ? { cityId: i.cityId } : {}),
  ...(i.cooperativeId ? { coopId: i.cooperativeId } : {}),
  ...(i.memberId ? { memberId: i.memberId } : {}),
  ...(i.units ? { units: [...new Set(i.units)] } : {}),
});

async function invite(ctx: CoreContext, deps: Pick<PeopleDeps, 'sender'>, raw: unknown): Promise<InvitationSent> {
  const input = parseInput(invitePersonInput, raw);
  const grant = specOf(input);
  const p = await checkMayGrant(ctx, grant, 'give');
  const missing = await missingTarget(ctx, grant);
  if (missing) throw new NotFoundError(missing === 'input.memberId' ? 'Member' : missing === 'input.cityId' ? 'City' : 'Cooperative', '', missing);
  const tenant = grantTenant(grant);
  // The code is made inside the body and sent only after the commit: a replay of the idempotency key
  // answers the first result and sends nothing again; the answer never holds the code.
  return runMutation(ctx, { operation: 'invitePerson', tenant, idempotencyKey: input.idempotencyKey, input: { ...input, login: maskLogin(input.login) } }, async (tx) => {
    const now = ctx.clock.now();
    const code = newCode();
    const invitation: Invitation = {
      invitationId: newId(now),
      login: input.login,
      channel: channelOf(input.login),
      name: input.name,
      grant,
      invitedBy: p.userId,
      createdAt: now.toISOString(),
      validUntil: new Date(now.getTime() + INVITATION_HOURS * 3_600_000).toISOString(),
    };
    tx.create({ ...keys.invitation(sha256(normalizeCode(code))), type: 'Invitation', ...invitation, expiresAt: ttlOf(new Date(now.getTime() + 30 * 86_400_000)) });
    tx.afterCommit(() =>
      deps.sender.send({
        channel: invitation.channel,
        to: input.login,
        purpose: 'INVITATION',
        code,
        text: `Undangan KKMP untuk ${input.name} (${grant.role}): kode ${code}, berlaku ${INVITATION_HOURS} jam. / kkmp invitation: code ${code}, valid ${INVITATION_HOURS} hours.`,
      }),
    );
    return { invitationId: invitation.invitationId, role: grant.role, channel: invitation.channel, sentTo: maskLogin(input.login), validUntil: invitation.validUntil };
  });
}

export const invitePerson = (ctx: CoreContext, deps: Pick<PeopleDeps, 'sender'>, raw: unknown) =>
  audited('invitePerson', (r) => grantTenant({ role: 'MEMBER', ...(typeof r.cooperativeId === 'string' ? { coopId: r.cooperativeId } : {}), ...(typeof r.cityId === 'string' ? { cityId: r.cityId } : {}) }), (c, x) => invite(c, deps, x))(ctx, raw);

export const acceptInvitationInput = z.object({
  code: z.string().min(1).max(40),
  password: z.string().min(PASSWORD_MIN, msg(`at least ${PASSWORD_MIN} characters`, `paling sedikit ${PASSWORD_MIN} karakter`)).max(200).optional().nullable(),
  grantId: z.string().optional().nullable(),
});

const invalidCode = () => new BusinessRuleError('INVITATION_INVALID', 'no invitation has this code', 'tidak ada undangan dengan kode ini', { field: 'input.code' });
const usedCode = () => new BusinessRuleError('INVITATION_USED', 'this invitation was already accepted', 'undangan ini sudah diterima', { field: 'input.code' });
const expiredCode = () => new BusinessRuleError('INVITATION_EXPIRED', 'this invitation has expired; ask for a new one', 'undangan ini sudah kedaluwarsa; minta undangan baru', { field: 'input.code' });

/**
 * Accepting an invitation: the code proves the phone or mailbox. A new login sets its password here;
 * a login that has an account keeps its password and gains the grant. The invitation is used in the
 * same transaction that writes the grant (a second accept fails its condition), audited in the grant's
 * tenant with the person as the actor. Answers a session under the new grant.
 */
export async function acceptInvitation(ctx: CoreContext, deps: PeopleDeps, raw: unknown): Promise<AuthSession> {
  const input = parseInput(acceptInvitationInput, raw);
  const codeKey = keys.invitation(sha256(normalizeCode(input.code)));
  const [item, lock] = await batchGet(ctx.db, [codeKey, sourceLockKey(deps.source)]);
  const now = ctx.clock.now();
  const locked = lockedUntil([lock], now);
  if (locked) throw tooMany(locked);
  if (!item) {
    // Guessing codes counts against the source like guessing passwords.
    await recordFailure(ctx.db, undefined, deps.source, now);
    throw invalidCode();
  }
  const invitation = invitationSchema.parse(item);
  if (invitation.usedAt) throw usedCode();
  if (invitation.validUntil <= now.toISOString()) throw expiredCode();
  const [credItem] = await batchGet(ctx.db, [keys.credential(invitation.login)]);
  const credential = credItem ? credentialSchema.parse(credItem) : undefined;
  if (!credential && !input.password) throw ValidationError.field('input.password', 'choose a password (at least 10 characters)', 'pilih kata sandi (paling sedikit 10 karakter)');
  const personId = credential?.personId ?? newId(now);
  const [personItem] = credential ? await batchGet(ctx.db, [keys.person(personId)]) : [undefined];
  const person: Person = personItem
    ? personSchema.parse(personItem)
    : { personId, name: invitation.name, login: invitation.login, channel: invitation.channel, createdAt: now.toISOString(), version: 1 };
  const passwordHash = credential ? undefined : await hashPassword(input.password!);
  const grant: Grant = { grantId: newId(now), personId, ...invitation.grant, grantedBy: invitation.invitedBy, grantedAt: now.toISOString() };
  const tenant = grantTenant(grant);
  // The audit entry names the person who accepted, acting under the grant they received.
  const asPerson = createCoreContext({ db: ctx.db, clock: ctx.clock, principal: principalOf(person, grant, []), chart: ctx.chart });
  await runMutation(asPerson, { operation: 'acceptInvitation', tenant, targetId: grant.grantId, input: { invitationId: invitation.invitationId }, conflicts: { used: usedCode } }, async (tx) => {
    tx.update(codeKey, { expression: 'SET usedAt = :now', values: { ':now': now.toISOString() } }, cond.notExists('usedAt'), 'used');
    if (!personItem) {
      tx.create({ ...keys.person(personId), type: 'Person', ...person });
      tx.create({ ...keys.credential(invitation.login), type: 'Credential', personId, passwordHash }, 'used');
    }
    writeGrant(tx, grant, person.name);
    return grant.grantId;
  });
  const grants = await loadGrants(ctx, personId);
  return startSession(ctx, deps, person, grants, grant.grantId);
}

/** A grant and its mirror in the tenant's partition, in one transaction. */
export function writeGrant(tx: Transaction, grant: Grant, name: string): void {
  tx.create({ ...keys.grant(grant.personId, grant.grantId), type: 'Grant', ...grant });
  tx.create({ ...keys.tenantGrant(grantTenant(grant), grant.grantId), type: 'PersonGrant', ...grant, name });
}
