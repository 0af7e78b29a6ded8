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

export async function listUnitRecords(ctx: CoreContext, coopId: string): Promise<UnitRecord[]> {
  await authorize(ctx, 'coop:read', { coopId });
  return queryAll(ctx.db, { partition: pk({ kind: 'coop', coopId }), prefix: skPrefix('UNIT') }, unitRecordSchema);
}
