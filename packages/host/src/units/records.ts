import { authorize, type CoreContext } from '@kkmp/core';
import { pk, queryAll, sk, skPrefix } from '@kkmp/store';
import { z } from 'zod';

/** A cooperative's switch for one unit. Disabling keeps the record (and all the unit's data). */
export const unitRecordSchema = z.object({
  unitId: z.string(),
  enabled: z.boolean(),
  settings: z.unknown(),
  enabledAt: z.string().optional(),
  disabledAt: z.string().optional(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type UnitRecord = z.infer<typeof unitRecordSchema>;

export const unitRecordKey = (coopId: string, unitId: string) => ({ pk: pk({ kind: 'coop', coopId }), sk: sk('UNIT', unitId) });

/** Batched read for guards (one BatchGetItem per request tick). */
export async function loadUnitRecord(ctx: CoreContext, coopId: string, unitId: string): Promise<UnitRecord | undefined> {
  const item = await ctx.items.load(unitRecordKey(coopId, unitId));
  return item ? unitRecordSchema.parse(item) : undefined;
}

/**
 * The cooperative's unit records, enabled or not, in unit id order. Read by key from the ids its profile
 * keeps (Cooperative.unitIds, as the caller read it), so a page of cooperatives costs one BatchGetItem for all of them; a
 * cooperative not indexed yet is queried. For display: decisions read the partition (queryUnitRecords).
 */
export async function listUnitRecords(ctx: CoreContext, coop: { id: string; unitIds?: readonly string[] | undefined }): Promise<UnitRecord[]> {
  const coopId = coop.id;
  await authorize(ctx, 'coop:read', { coopId });
  // From the profile the caller holds: a cached loader read would wait for the request's next batch to land.
  const ids = coop.unitIds;
  if (!ids) return queryUnitRecords(ctx, coopId);
  const items = await Promise.all([...ids].sort().map((id) => ctx.items.load(unitRecordKey(coopId, id))));
  return items.flatMap((item) => (item ? [unitRecordSchema.parse(item)] : []));
}

/** The unit records as stored now, by a query of the cooperative's partition (what enablement decides on). */
export async function queryUnitRecords(ctx: CoreContext, coopId: string): Promise<UnitRecord[]> {
  await authorize(ctx, 'coop:read', { coopId });
  return queryAll(ctx.db, { partition: pk({ kind: 'coop', coopId }), prefix: skPrefix('UNIT') }, unitRecordSchema);
}
