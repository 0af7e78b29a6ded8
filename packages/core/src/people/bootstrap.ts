import { batchGet, type Db } from '@kkmp/store';
import type { Clock } from '../clock';
import { createCoreContext } from '../context';
import { newId } from '../ids';
import { runMutation } from '../mutation';
import { INVITATION_HOURS, writeGrant } from './invitations';
import { channelOf, maskLogin } from './login';
import { credentialSchema, grantTenant, keys, ttlOf, type Grant, type GrantSpec, type Invitation, type Person } from './model';
import { newCode, normalizeCode, sha256 } from './tokens';
import { hashPassword } from './password';
import { principalOf } from './sessions';

/**
 * A person with a password and grants, written without an inviter: the demo users of `npm run dev`
 * and the first platform admin of a deployment (nobody can invite them). Does nothing for a login that
 * has an account already; answers its person id either way. Audited in the grants' tenants.
 */
export async function bootstrapPerson(db: Db, clock: Clock, p: { login: string; name: string; password: string; grants: GrantSpec[] }): Promise<string> {
  const [existing] = await batchGet(db, [keys.credential(p.login)]);
  if (existing) return credentialSchema.parse(existing).personId;
  const now = clock.now();
  const person: Person = { personId: newId(now), name: p.name, login: p.login, channel: p.login.startsWith('+62') ? 'SMS' : 'EMAIL', createdAt: now.toISOString(), version: 1 };
  const grants: Grant[] = p.grants.map((g) => ({ grantId: newId(now), personId: person.personId, ...g, grantedBy: 'bootstrap', grantedAt: now.toISOString() }));
  const ctx = createCoreContext({ db, clock, principal: principalOf(person, grants[0]!, grants) });
  const passwordHash = await hashPassword(p.password);
  await runMutation(ctx, { operation: 'bootstrapPerson', tenant: grantTenant(grants[0]!), targetId: person.personId, input: { login: p.login } }, async (tx) => {
    tx.create({ ...keys.person(person.personId), type: 'Person', ...person });
    tx.create({ ...keys.credential(p.login), type: 'Credential', personId: person.personId, passwordHash });
    for (const g of grants) writeGrant(tx, g, person.name);
    return person.personId;
  });
  return person.personId;
}

/**
 * A deployment's first PLATFORM_ADMIN: nobody can invite one through the API, so an operator with
 * access to the table writes the invitation (packages/api/src/cli/invite-admin.ts) and gets the code
 * to accept through the API, where the admin sets their own password. Answers the code (never stored).
 */
export async function bootstrapAdminInvitation(db: Db, clock: Clock, p: { login: string; name: string }): Promise<{ code: string; validUntil: string }> {
  const now = clock.now();
  const code = newCode();
  const invitation: Invitation = {
    invitationId: newId(now),
    login: p.login,
    channel: channelOf(p.login),
    name: p.name,
    grant: { role: 'PLATFORM_ADMIN' },
    invitedBy: 'bootstrap',
    createdAt: now.toISOString(),
    validUntil: new Date(now.getTime() + INVITATION_HOURS * 3_600_000).toISOString(),
  };
  const ctx = createCoreContext({ db, clock, principal: { userId: 'bootstrap', role: 'PLATFORM_ADMIN' } });
  await runMutation(ctx, { operation: 'bootstrapAdminInvitation', tenant: { kind: 'platform' }, targetId: invitation.invitationId, input: { login: maskLogin(p.login) } }, async (tx) => {
    tx.create({ ...keys.invitation(sha256(normalizeCode(code))), type: 'Invitation', ...invitation, expiresAt: ttlOf(new Date(invitation.validUntil)) });
    return invitation.invitationId;
  });
  return { code, validUntil: invitation.validUntil };
}
