import { batchGet, queryPage, type PageRequest, type Tenant } from '@kkmp/store';
import { z } from 'zod';
import { authorize, requirePrincipal } from '../authorize';
import type { CoreContext } from '../context';
import { ForbiddenError, NotFoundError } from '../errors';
import { audited, runMutation } from '../mutation';
import { idempotencyKeyField, parseInput } from '../validation';
import { grantSchema, grantTenant, keys, type Grant } from './model';
import { checkMayGrant } from './rules';
import { loadGrants } from './sessions';

export const revokeGrantInput = z.object({
  idempotencyKey: idempotencyKeyField,
  personId: z.string().min(1),
  grantId: z.string().min(1),
});

/**
 * Takes a grant back (the person keeps any other grants). Whoever could give it may take it. Its
 * sessions get no new access token from the next refresh on, and the access tokens already out end
 * within their lifetime (minutes). Audited in the grant's tenant.
 */
async function revoke(ctx: CoreContext, raw: unknown): Promise<Grant> {
  const input = parseInput(revokeGrantInput, raw);
  const [item] = await batchGet(ctx.db, [keys.grant(input.personId, input.grantId)]);
  // An unknown grant is refused like someone else's: its existence is nobody else's business.
  if (!item) {
    requirePrincipal(ctx);
    throw new NotFoundError('Grant', input.grantId, 'input.grantId');
  }
  const grant = grantSchema.parse(item);
  await checkMayGrant(ctx, grant, 'take');
  return runMutation(ctx, { operation: 'revokeGrant', tenant: grantTenant(grant), targetId: grant.grantId, idempotencyKey: input.idempotencyKey, input }, async (tx) => {
    tx.delete(keys.grant(grant.personId, grant.grantId));
    tx.delete(keys.tenantGrant(grantTenant(grant), grant.grantId));
    return grant;
  });
}

export const revokeGrant = audited('revokeGrant', () => ({ kind: 'platform' }), revoke);

export const tenantGrantSchema = grantSchema.extend({ name: z.string() });
export type TenantGrant = z.infer<typeof tenantGrantSchema>;

/**
 * The people of a cooperative (managers and supervisors; the platform) or of a city (its admins and
 * the platform), with their grants. One Query on the tenant's partition.
 */
export async function listPeople(ctx: CoreContext, tenant: Tenant, page: PageRequest) {
  const p = requirePrincipal(ctx);
  if (tenant.kind === 'coop') await authorize(ctx, 'audit:read', { coopId: tenant.coopId });
  else if (tenant.kind === 'city') {
    if (!(p.role === 'PLATFORM_ADMIN' || (p.role === 'CITY_ADMIN' && p.cityId === tenant.cityId))) throw new ForbiddenError('people:read');
  } else throw new ForbiddenError('people:read');
  if (tenant.kind === 'coop' && p.role === 'CITY_ADMIN') throw new ForbiddenError('people:read');
  return queryPage(ctx.db, keys.tenantGrants(tenant), tenantGrantSchema, page);
}

/** The signed-in person's own grants (none for a development token, which names no person). */
export async function myGrants(ctx: CoreContext): Promise<Grant[]> {
  const p = requirePrincipal(ctx);
  return /^[0-9A-Z]{26}$/.test(p.userId) ? loadGrants(ctx, p.userId) : [];
}
