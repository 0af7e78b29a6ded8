import type { CoreContext } from './context';
import { ForbiddenError, UnauthenticatedError } from './errors';
import type { Principal } from './principal';

/**
 * The permission matrix, in one place. Targets name the tenant the action touches; a rule sees the
 * principal and the target and answers yes or no. Personal data of members (NIK, address) is for the
 * cooperative's own people: city admins see cooperatives and their progress, not member records.
 */
export type Action =
  | 'city:create'
  | 'city:read'
  | 'city:write'
  | 'coop:read'
  | 'coop:write'
  | 'member:read'
  | 'member:write'
  | 'equity:collect'
  | 'equity:read'
  | 'equity:refund'
  | 'audit:read'
  | 'ledger:read'
  | 'ledger:detail'
  | 'ledger:write'
  | 'ledger:approve';

export type Target = { cityId?: string; coopId?: string; memberId?: string };

interface Facts {
  p: Principal;
  t: Target;
  /** City of the target cooperative (looked up only when a rule needs it). */
  targetCoopCity: () => Promise<string | undefined>;
  /** City of the principal's own cooperative. */
  ownCoopCity: () => Promise<string | undefined>;
}

type Rule = (f: Facts) => boolean | Promise<boolean>;

const isPlatform: Rule = ({ p }) => p.role === 'PLATFORM_ADMIN';
const ownCoop =
  (...roles: Principal['role'][]): Rule =>
  ({ p, t }) =>
    !!t.coopId && p.coopId === t.coopId && roles.includes(p.role);
const cityAdminOfTargetCoop: Rule = async ({ p, t, targetCoopCity }) =>
  p.role === 'CITY_ADMIN' && !!t.coopId && !!p.cityId && p.cityId === (await targetCoopCity());
const cityAdminOfCity: Rule = ({ p, t }) => p.role === 'CITY_ADMIN' && !!t.cityId && p.cityId === t.cityId;
const ownMember: Rule = ({ p, t }) =>
  p.role === 'MEMBER' && !!t.coopId && p.coopId === t.coopId && !!t.memberId && p.memberId === t.memberId;
const coopPeopleOfCity: Rule = async ({ p, t, ownCoopCity }) =>
  !!p.coopId && !!t.cityId && (await ownCoopCity()) === t.cityId;

const any =
  (...rules: Rule[]): Rule =>
  async (f) => {
    for (const r of rules) if (await r(f)) return true;
    return false;
  };

const ALL_COOP_ROLES = ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR', 'MEMBER'] as const;

export const matrix: Record<Action, Rule> = {
  'city:create': isPlatform,
  'city:read': any(isPlatform, cityAdminOfCity, coopPeopleOfCity),
  'city:write': any(isPlatform, cityAdminOfCity),
  'coop:read': any(isPlatform, cityAdminOfTargetCoop, ownCoop(...ALL_COOP_ROLES)),
  'coop:write': any(isPlatform, cityAdminOfTargetCoop, ownCoop('COOP_MANAGER')),
  'member:read': any(isPlatform, ownCoop('COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR'), ownMember),
  'member:write': any(isPlatform, ownCoop('COOP_MANAGER')),
  'equity:collect': any(isPlatform, ownCoop('COOP_MANAGER', 'COOP_STAFF')),
  'equity:read': any(isPlatform, ownCoop('COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR')),
  'equity:refund': any(isPlatform, ownCoop('COOP_MANAGER')),
  'audit:read': any(isPlatform, ownCoop('COOP_MANAGER', 'SUPERVISOR'), cityAdminOfCity),
  // Financial statements are the city's progress view too; journal details stay in the cooperative.
  'ledger:read': any(isPlatform, cityAdminOfTargetCoop, ownCoop('COOP_MANAGER', 'SUPERVISOR')),
  // Journal lines name members (memos, payments): the cooperative's own people only.
  'ledger:detail': any(isPlatform, ownCoop('COOP_MANAGER', 'SUPERVISOR')),
  'ledger:write': any(isPlatform, ownCoop('COOP_MANAGER')),
  // Maker-checker: another pengurus approves; the service refuses the maker as checker.
  'ledger:approve': any(isPlatform, ownCoop('COOP_MANAGER')),
};

export function requirePrincipal(ctx: CoreContext): Principal {
  if (!ctx.principal) throw new UnauthenticatedError();
  return ctx.principal;
}

export async function can(ctx: CoreContext, action: Action, target: Target): Promise<boolean> {
  const p = requirePrincipal(ctx);
  const facts: Facts = {
    p,
    t: target,
    targetCoopCity: () => (target.coopId ? ctx.lookups.cityOfCoop(target.coopId) : Promise.resolve(undefined)),
    ownCoopCity: () => (p.coopId ? ctx.lookups.cityOfCoop(p.coopId) : Promise.resolve(undefined)),
  };
  return matrix[action](facts);
}

/** Throws FORBIDDEN unless the caller may perform the action on the target. */
export async function authorize(ctx: CoreContext, action: Action, target: Target): Promise<Principal> {
  if (!(await can(ctx, action, target))) throw new ForbiddenError(action);
  return requirePrincipal(ctx);
}
