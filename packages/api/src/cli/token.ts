import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Principal, type Role } from '@kkmp/core';
import { LOCAL_DEV_SECRET, mintToken } from '@kkmp/host';
import { demoUsersFile } from '../local/paths';

/**
 * Mints a bearer token for local use.
 *   npm run token -- --demo manager            (a demo user; start the API once first)
 *   npm run token -- --role CITY_ADMIN --city <cityId> [--name "..."] [--expires 12h]
 * Ids are the internal ones (as printed in demo-users.json), not the GraphQL ids.
 */
const { values } = parseArgs({
  options: {
    demo: { type: 'string' },
    role: { type: 'string' },
    sub: { type: 'string' },
    name: { type: 'string' },
    city: { type: 'string' },
    coop: { type: 'string' },
    member: { type: 'string' },
    units: { type: 'string' },
    expires: { type: 'string', default: '12h' },
    secret: { type: 'string' },
  },
});

const secret = values.secret ?? process.env.KKMP_JWT_SECRET ?? LOCAL_DEV_SECRET;
let principal: Principal;
if (values.demo) {
  const users = JSON.parse(readFileSync(demoUsersFile(), 'utf8')) as { label: string; principal: Principal }[];
  const user = users.find((u) => u.label === values.demo);
  if (!user) {
    console.error(`no demo user "${values.demo}"; have: ${users.map((u) => u.label).join(', ')}`);
    process.exit(2);
  }
  principal = user.principal;
} else {
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) {
    console.error(`--role must be one of ${ROLES.join(', ')} (or use --demo <label>)`);
    process.exit(2);
  }
  principal = {
    userId: values.sub ?? `local-${role.toLowerCase()}`,
    role,
    ...(values.name ? { name: values.name } : {}),
    ...(values.city ? { cityId: values.city } : {}),
    ...(values.coop ? { coopId: values.coop } : {}),
    ...(values.member ? { memberId: values.member } : {}),
    ...(values.units ? { units: values.units.split(',') } : {}),
  };
}
console.log(await mintToken(principal, { secret, expiresIn: values.expires }));
