import { queryAll } from '@kkmp/store';
import { requirePrincipal } from '../authorize';
import type { CoreContext } from '../context';
import { ForbiddenError } from '../errors';
import { memberKey } from '../member';
import { cityKey } from '../city';
import type { Principal, Role } from '../principal';
import { grantTenant, keys, type GrantSpec } from './model';
import { z } from 'zod';

/**
 * Who may hand out which grant. Nobody grants a role above their own or outside their tenant:
 * - PLATFORM_ADMIN: a city's admins (and, like a city, a cooperative's first manager);
 * - CITY_ADMIN: the first manager of a cooperative in its own city (while it has no manager);
 * - COOP_MANAGER: managers (maker-checker needs a second pengurus), staff with the units they
 *   operate, supervisors and members of its own cooperative.
 * Taking a grant back needs the same authority as giving it, without the "first manager" condition.
 */
const MAY_GRANT: Record<Role, readonly Role[]> = {
  PLATFORM_ADMIN: ['CITY_ADMIN', 'COOP_MANAGER'],
  CITY_ADMIN: ['COOP_MANAGER'],
  COOP_MANAGER: ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR', 'MEMBER'],
  COOP_STAFF: [],
  SUPERVISOR: [],
  MEMBER: [],
};

const refuse = (en: string, id: string) => new ForbiddenError('people:grant', { en, id });

/** Throws FORBIDDEN unless the caller may give (or take back) this grant. */
export async function checkMayGrant(ctx: CoreContext, g: GrantSpec, mode: 'give' | 'take'): Promise<Principal> {
  const p = requirePrincipal(ctx);
  if (!MAY_GRANT[p.role].includes(g.role)) {
    throw refuse(`a ${p.role} may not grant ${g.role}`, `${p.role} tidak boleh memberi peran ${g.role}`);
  }
  if (p.role === 'PLATFORM_ADMIN') return p;
  const coopId = g.coopId;
  if (!coopId) throw refuse('outside your tenant', 'di luar wilayah Anda');
  if (p.role === 'CITY_ADMIN') {
    if (!p.cityId || (await ctx.lookups.cityOfCoop(coopId)) !== p.cityId) throw refuse('that cooperative is not in your city', 'koperasi itu tidak di kota Anda');
    if (mode === 'give' && (await hasManager(ctx, coopId))) {
      throw refuse('the cooperative has its managers; they invite the next ones', 'koperasi sudah punya pengurus; merekalah yang mengundang berikutnya');
    }
    return p;
  }
  if (p.coopId !== coopId) throw refuse('that is not your cooperative', 'itu bukan koperasi Anda');
  return p;
}

/** The target of a grant exists: its city, its cooperative, its member record. Answers the field that does not. */
export async function missingTarget(ctx: CoreContext, g: GrantSpec): Promise<string | undefined> {
  const [city, coop, member] = await Promise.all([
    g.cityId ? ctx.items.load(cityKey(g.cityId)) : Promise.resolve({}),
    g.coopId ? ctx.lookups.cityOfCoop(g.coopId) : Promise.resolve('-'),
    g.memberId && g.coopId ? ctx.items.load(memberKey(g.coopId, g.memberId)) : Promise.resolve({}),
  ]);
  if (!city) return 'input.cityId';
  if (!coop) return 'input.cooperativeId';
  if (!member) return 'input.memberId';
  return undefined;
}

const roleOnly = z.object({ role: z.string() });

async function hasManager(ctx: CoreContext, coopId: string): Promise<boolean> {
  const grants = await queryAll(ctx.db, keys.tenantGrants(grantTenant({ role: 'COOP_MANAGER', coopId })), roleOnly);
  return grants.some((g) => g.role === 'COOP_MANAGER');
}
