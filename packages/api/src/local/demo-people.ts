import { bootstrapPerson, type Clock, type GrantSpec, type Principal } from '@kkmp/core';
import type { Db } from '@kkmp/store';
import type { DemoUser } from './seed';

export interface DemoLogin {
  label: string;
  login: string;
  password: string;
}

/**
 * Every demo user as a person who signs in with a password (printed by `npm run dev`, local only), with
 * the grant of their demo token. Run on each start: a login that exists is left as it is, so a
 * database seeded before people existed gets its accounts on the next start.
 */
export async function seedDemoPeople(db: Db, clock: Clock, users: DemoUser[]): Promise<DemoLogin[]> {
  const logins = users.map((u) => ({ label: u.label, login: `${u.label}@demo.kkmp.id`, password: `demo-${u.label}-kkmp` }));
  // In parallel: the password hashes run on libuv's threads, so a first start waits for one, not six.
  await Promise.all(users.map((u, i) => bootstrapPerson(db, clock, { login: logins[i]!.login, name: u.principal.name ?? u.label, password: logins[i]!.password, grants: [grantOf(u.principal)] })));
  return logins;
}

function grantOf(p: Principal): GrantSpec {
  return {
    role: p.role,
    ...(p.cityId ? { cityId: p.cityId } : {}),
    ...(p.coopId ? { coopId: p.coopId } : {}),
    ...(p.memberId ? { memberId: p.memberId } : {}),
    ...(p.units ? { units: p.units } : {}),
  };
}
