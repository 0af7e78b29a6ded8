import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Principal } from '@kkmp/core/kernel';
import { demoUsersFile } from '../local/paths';
import { principalFromFlags } from './token-principal';
import { UsageError } from './usage-error';

/** `npm run token -- ...`: mints a bearer token for the local API. Every mistake is a plain message. */
const OPTIONS = {
  demo: { type: 'string' },
  role: { type: 'string' },
  city: { type: 'string' },
  coop: { type: 'string' },
  member: { type: 'string' },
  units: { type: 'string' },
  name: { type: 'string' },
  sub: { type: 'string' },
  expires: { type: 'string' },
  secret: { type: 'string' },
  'signing-key': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function help(): string {
  return `Mints a bearer token for the local API (send it as "Authorization: Bearer <token>").

  npm run token -- --demo manager
  npm run token -- --role COOP_MANAGER --coop <cooperative id> --name "Ketua"

Whose token (one of):
  --demo <label>    a demo user: platform, city, manager, staff, supervisor, member. The demo data comes
                    with the first \`npm run dev\`, which writes ${demoUsersFile()}
  --role <role>     any user: ${ROLES.join(', ')}

For --role:
  --city <id>       CITY_ADMIN: the city administered
  --coop <id>       COOP_MANAGER, COOP_STAFF, SUPERVISOR: the cooperative (MEMBER: only with an internal --member)
  --member <id>     MEMBER: the member record this user is (the API's Member id carries its cooperative)
  --units <a,b>     COOP_STAFF: the units operated, comma separated (e.g. sembako,simpanpinjam); none if left out
  --name <text>     display name, shown in the audit log
  --sub <text>      user id (the token's subject, named in the audit log); default local-<role>

Ids are the ones the API prints (cooperative { id }, me { cooperativeId }, members { id }) or the internal
ones in demo-users.json.

Token:
  --expires <span>  lifetime, e.g. 30m, 12h, 7d (default 12h; the API refuses tokens that live longer than 31 days)
  --secret <text>   signing secret; default KKMP_JWT_SECRET, else the local secret \`npm run dev\` checks

Deployment:
  --signing-key     prints a new private ES256 JWK (with a kid) for the SigningKeys secret, instead of a
                    token: npx sst secret set SigningKeys "[$(npm run -s token -- --signing-key)]"
  -h, --help        this text
`;
}

function demoPrincipal(label: string): Principal {
  const file = demoUsersFile();
  if (!existsSync(file)) {
    throw new UsageError(`no demo users yet: ${file} does not exist. Start the API once with \`npm run dev\` (it seeds the demo data and writes that file), or mint a token for any user with --role.`);
  }
  const users = JSON.parse(readFileSync(file, 'utf8')) as { label: string; principal: Principal }[];
  const user = users.find((u) => u.label === label);
  if (!user) throw new UsageError(`no demo user "${label}"; the demo users are ${users.map((u) => u.label).join(', ')}.`);
  return user.principal;
}

async function main(argv: string[]): Promise<void> {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; args: string[] }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) return void process.stdout.write(help());
  if (values['signing-key']) {
    const { newPrivateJwk } = await import('@kkmp/host');
    return void console.log(JSON.stringify(newPrivateJwk()));
  }
  const { demo, expires, secret, help: _help, 'signing-key': _key, ...flags } = values;
  let principal: Principal;
  if (demo) {
    const extra = Object.keys(flags).filter((k) => flags[k as keyof typeof flags] !== undefined);
    if (extra.length) throw new UsageError(`--demo takes the demo user as it is; drop ${extra.map((k) => `--${k}`).join(', ')} (or use --role instead).`);
    principal = demoPrincipal(demo);
  } else {
    principal = principalFromFlags(flags);
  }
  // Loaded only now: the host is the whole GraphQL stack, and a mistake above should answer at once.
  const { LOCAL_DEV_SECRET, mintToken } = await import('@kkmp/host');
  const key = secret ?? process.env.KKMP_JWT_SECRET ?? LOCAL_DEV_SECRET;
  try {
    console.log(await mintToken(principal, { secret: key, expiresIn: expires ?? '12h' }));
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(`--expires: ${err.message}`);
    throw new UsageError(`could not mint the token (${err instanceof Error ? err.message : String(err)}); is --expires a span like 12h or 7d?`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  console.error(`token: ${err instanceof Error ? err.message : String(err)}`);
  if (err instanceof UsageError) console.error('See `npm run token -- --help`.');
  process.exit(err instanceof UsageError ? 2 : 1);
}
