import { batchGet, type Db } from '@kkmp/store';
import type { Clock } from '../clock';
import { createCoreContext } from '../context';
import { newId } from '../ids';
import { runMutation } from '../mutation';
import { writeGrant } from './invitations';
import { credentialSchema, grantTenant, keys, type Grant, type GrantSpec, type Person } from './model';
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
