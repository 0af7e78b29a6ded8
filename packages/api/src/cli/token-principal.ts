import { ROLES, type Principal, type Role } from '@kkmp/core/kernel';
import { idFlag } from './id-flag';
import { UsageError } from './usage-error';

/** The flags that describe the user a token is for (see token-help.ts for what each means). */
export interface PrincipalFlags {
  role?: string | undefined;
  sub?: string | undefined;
  name?: string | undefined;
  city?: string | undefined;
  coop?: string | undefined;
  member?: string | undefined;
  units?: string | undefined;
}

const COOP_ROLES: readonly Role[] = ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR', 'MEMBER'];

/**
 * The principal of `--role ...`: ids resolved (public or internal), and the claims the API requires of
 * the role checked here, so a token that the API would refuse is never printed.
 */
export function principalFromFlags(flags: PrincipalFlags): Principal {
  const role = flags.role?.toUpperCase() as Role | undefined;
  if (!role || !ROLES.includes(role)) {
    throw new UsageError(`${flags.role ? `--role "${flags.role}" is not a role` : 'say whose token: --demo <label> or --role <role>'}; roles: ${ROLES.join(', ')}.`);
  }
  const unused = (flag: keyof PrincipalFlags, why: string) => {
    if (flags[flag] !== undefined) throw new UsageError(`--${flag} is not used by ${role}: ${why}.`);
  };
  const principal: Principal = { userId: flags.sub ?? `local-${role.toLowerCase()}`, role, ...(flags.name ? { name: flags.name } : {}) };

  if (role === 'CITY_ADMIN') {
    if (!flags.city) throw new UsageError('CITY_ADMIN needs --city <city id> (the city administered).');
    principal.cityId = idFlag(flags.city, 'City', 'city')[0]!;
  } else unused('city', 'only CITY_ADMIN has a city');

  if (role === 'MEMBER') {
    if (!flags.member) throw new UsageError('MEMBER needs --member <member id> (the member record this user is).');
    const parts = idFlag(flags.member, 'Member', 'member');
    const coopOfMember = parts.length === 2 ? parts[0] : undefined;
    principal.memberId = parts.at(-1)!;
    const coop = flags.coop ? idFlag(flags.coop, 'Cooperative', 'coop')[0] : coopOfMember;
    if (!coop) throw new UsageError('--member is an internal id: add --coop <cooperative id>, or give the member id the API prints (it carries the cooperative).');
    if (coopOfMember && coop !== coopOfMember) throw new UsageError('--member belongs to another cooperative than --coop.');
    principal.coopId = coop;
  } else unused('member', 'only MEMBER is a member record');

  if (COOP_ROLES.includes(role) && role !== 'MEMBER') {
    if (!flags.coop) throw new UsageError(`${role} needs --coop <cooperative id>.`);
    principal.coopId = idFlag(flags.coop, 'Cooperative', 'coop')[0]!;
  } else if (!COOP_ROLES.includes(role)) unused('coop', 'it is not a cooperative role');

  if (role === 'COOP_STAFF') {
    if (flags.units) principal.units = flags.units.split(',').map((u) => u.trim()).filter(Boolean);
  } else unused('units', 'only COOP_STAFF is limited to units');
  return principal;
}
