import { Transaction, pk, queryPage, sk, skPrefix, type PageRequest, type Tenant } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from './authorize';
import type { CoreContext } from './context';
import { newId } from './ids';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string(),
  actorRole: z.string(),
  operation: z.string(),
  inputDigest: z.string(),
  /** "OK" or the error code the mutation ended with. */
  outcome: z.string(),
  targetId: z.string().optional(),
  /** The business date of the event the mutation recorded, if it recorded one (`at` is when). */
  businessDate: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The operation an audit entry is about: what ran, in whose log it is kept, what it touched. */
export interface AuditSubject {
  /** Operation name as the client sees it (e.g. "registerMember"). */
  operation: string;
  /** Tenant whose partition holds the audit entry (and a mutation's idempotency record: keys are unique per tenant). */
  tenant: Tenant;
  /** Id of the main entity touched, for the audit log. */
  targetId?: string;
}

export function auditItem(ctx: CoreContext, spec: AuditSubject, inputDigest: string, outcome: string, now: Date, businessDate?: string) {
  const id = newId(now);
  const entry: AuditEntry = {
    id,
    at: now.toISOString(),
    actorUserId: ctx.principal?.userId ?? ctx.actor?.userId ?? 'anonymous',
    actorRole: ctx.principal?.role ?? ctx.actor?.role ?? 'NONE',
    operation: spec.operation,
    inputDigest,
    outcome,
    ...(spec.targetId ? { targetId: spec.targetId } : {}),
    ...(businessDate ? { businessDate } : {}),
  };
  return { pk: pk(spec.tenant), sk: sk('AUDIT', id), type: 'AuditEntry', ...entry };
}

/** Failed mutations are audited too (outside the failed transaction, which wrote nothing). */
export async function recordAudit(ctx: CoreContext, spec: AuditSubject, inputDigest: string, outcome: string) {
  // Anonymous callers leave no trace in a tenant's log: nobody can fill another tenant's table by failing.
  if (!ctx.principal && !ctx.actor) return;
  await new Transaction(ctx.db).create(auditItem(ctx, spec, inputDigest, outcome, ctx.clock.now())).commit();
}

export async function listAudit(ctx: CoreContext, tenant: Tenant, page: PageRequest) {
  if (tenant.kind === 'coop') await authorize(ctx, 'audit:read', { coopId: tenant.coopId });
  else if (tenant.kind === 'city') await authorize(ctx, 'audit:read', { cityId: tenant.cityId });
  else await authorize(ctx, 'city:create', {});
  return queryPage(ctx.db, { partition: pk(tenant), prefix: skPrefix('AUDIT') }, auditEntrySchema, {
    descending: true,
    ...page,
  });
}
