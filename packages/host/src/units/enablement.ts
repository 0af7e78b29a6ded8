import {
  InvalidStateError,
  NotFoundError,
  RETRY_TAG,
  activityHooks,
  UnitDependencyError,
  audited,
  authorize,
  coopOf,
  cooperativeItem,
  getCooperative,
  idempotencyKeyField,
  parseInput,
  runMutation,
  type CoreContext,
} from '@kkmp/core';
import { z } from 'zod';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import { queryUnitRecords, unitRecordKey, type UnitRecord } from './records';
import { createUnitStore, createUnitWrites } from './store';

export type UnitRegistry = ReadonlyMap<string, AnyUnit>;

const target = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  unitId: z.string().min(1),
});
const withSettings = target.extend({ settings: z.unknown() });

function unitOf(registry: UnitRegistry, unitId: string): AnyUnit {
  const unit = registry.get(unitId);
  if (!unit) throw new NotFoundError('Unit', unitId, 'input.unitId');
  return unit;
}

function recordItem(coopId: string, r: UnitRecord) {
  return { ...unitRecordKey(coopId, r.unitId), type: 'UnitRecord', ...r };
}

/** Turn a unit on for a cooperative with validated settings. Its dependencies must be on already. */
async function enableUnitUnaudited(ctx: CoreContext, registry: UnitRegistry, raw: unknown): Promise<UnitRecord> {
  const input = parseInput(withSettings, raw);
  await authorize(ctx, 'coop:write', { coopId: input.cooperativeId });
  const unit = unitOf(registry, input.unitId);
  const settings = parseInput(unit.settings, input.settings ?? {}, 'input.settings');
  const coopId = input.cooperativeId;
  return runMutation(ctx, { operation: 'enableUnit', tenant: { kind: 'coop', coopId }, idempotencyKey: input.idempotencyKey, input, targetId: unit.id }, async (tx) => {
    const cooperative = await getCooperative(ctx, coopId, 'input.cooperativeId');
    const records = new Map((await queryUnitRecords(ctx, coopId)).map((r) => [r.unitId, r]));
    const missing = (unit.dependsOn ?? []).filter((d) => !records.get(d)?.enabled);
    if (missing.length) throw new UnitDependencyError(unit.id, missing, 'missing');
    const current = records.get(unit.id);
    if (current?.enabled) {
      throw new InvalidStateError(`${unit.id} is already enabled; use updateUnitSettings`, `${unit.id} sudah aktif; gunakan updateUnitSettings`);
    }
    const now = ctx.clock.now().toISOString();
    const next: UnitRecord = { unitId: unit.id, enabled: true, settings, enabledAt: now, updatedAt: now, version: (current?.version ?? 0) + 1 };
    if (current) tx.replace(recordItem(coopId, next), current.version, RETRY_TAG);
    else tx.create(recordItem(coopId, next), RETRY_TAG);
    // The profile's index of unit records (read by key on the city page), in the same transaction. A
    // profile not indexed yet is indexed here from the records just queried (strongly consistent), so
    // the enabling always moves the profile's version: a backfill that listed the records before this
    // commit fails its versioned replace and reads again, and cannot leave this unit out.
    const indexed = cooperative.unitIds ?? [...records.keys()];
    if (!cooperative.unitIds || !indexed.includes(unit.id)) {
      tx.replace(cooperativeItem({ ...cooperative, unitIds: [...new Set([...indexed, unit.id])].sort() }), cooperative.version, RETRY_TAG);
    }
    activityHooks.unitSwitched(ctx.db, tx, coopId, unit.id, true, next.version);
    // A dependency disabled meanwhile makes this transaction fail and re-run, which then refuses.
    for (const dep of unit.dependsOn ?? []) tx.check(unitRecordKey(coopId, dep), { expression: 'enabled = :on', values: { ':on': true } }, RETRY_TAG);
    await unit.onEnable?.({
      unitId: unit.id,
      cooperative,
      settings,
      now: () => ctx.clock.now(),
      store: createUnitStore(ctx.db, coopId, unit.id),
      writes: createUnitWrites(tx, coopId, unit.id, RETRY_TAG),
    });
    return next;
  });
}

async function updateUnitSettingsUnaudited(ctx: CoreContext, registry: UnitRegistry, raw: unknown): Promise<UnitRecord> {
  const input = parseInput(withSettings, raw);
  await authorize(ctx, 'coop:write', { coopId: input.cooperativeId });
  const unit = unitOf(registry, input.unitId);
  const settings = parseInput(unit.settings, input.settings ?? {}, 'input.settings');
  const coopId = input.cooperativeId;
  return runMutation(ctx, { operation: 'updateUnitSettings', tenant: { kind: 'coop', coopId }, idempotencyKey: input.idempotencyKey, input, targetId: unit.id }, async (tx) => {
    await getCooperative(ctx, coopId, 'input.cooperativeId');
    const current = (await queryUnitRecords(ctx, coopId)).find((r) => r.unitId === unit.id);
    if (!current?.enabled) throw new InvalidStateError(`${unit.id} is not enabled`, `${unit.id} belum aktif`);
    const next: UnitRecord = { ...current, settings, updatedAt: ctx.clock.now().toISOString(), version: current.version + 1 };
    tx.replace(recordItem(coopId, next), current.version, RETRY_TAG);
    return next;
  });
}

/** Turn a unit off: its operations are refused from now on; its data stays for when it is enabled again. */
async function disableUnitUnaudited(ctx: CoreContext, registry: UnitRegistry, raw: unknown): Promise<UnitRecord> {
  const input = parseInput(target, raw);
  await authorize(ctx, 'coop:write', { coopId: input.cooperativeId });
  const unit = unitOf(registry, input.unitId);
  const coopId = input.cooperativeId;
  return runMutation(ctx, { operation: 'disableUnit', tenant: { kind: 'coop', coopId }, idempotencyKey: input.idempotencyKey, input, targetId: unit.id }, async (tx) => {
    const cooperative = await getCooperative(ctx, coopId, 'input.cooperativeId');
    const records = new Map((await queryUnitRecords(ctx, coopId)).map((r) => [r.unitId, r]));
    const current = records.get(unit.id);
    if (!current?.enabled) throw new InvalidStateError(`${unit.id} is not enabled`, `${unit.id} belum aktif`);
    const dependants = [...registry.values()].filter((u) => u.dependsOn?.includes(unit.id));
    const enabledDependants = dependants.filter((u) => records.get(u.id)?.enabled).map((u) => u.id);
    if (enabledDependants.length) throw new UnitDependencyError(unit.id, enabledDependants, 'dependants');
    for (const d of dependants) {
      tx.check(unitRecordKey(coopId, d.id), { expression: 'attribute_not_exists(pk) OR enabled = :off', values: { ':off': false } }, RETRY_TAG);
    }
    const now = ctx.clock.now().toISOString();
    const next: UnitRecord = { ...current, enabled: false, disabledAt: now, updatedAt: now, version: current.version + 1 };
    tx.replace(recordItem(coopId, next), current.version, RETRY_TAG);
    activityHooks.unitSwitched(ctx.db, tx, coopId, unit.id, false, next.version);
    await unit.onDisable?.({
      unitId: unit.id,
      cooperative,
      // Settings from an older version of the unit must not stop anyone from switching it off.
      settings: (unit.settings.safeParse(current.settings).data ?? current.settings) as never,
      now: () => ctx.clock.now(),
      store: createUnitStore(ctx.db, coopId, unit.id),
      writes: createUnitWrites(tx, coopId, unit.id, RETRY_TAG),
    });
    return next;
  });
}

export const enableUnit = (ctx: CoreContext, registry: UnitRegistry, raw: unknown) => audited('enableUnit', coopOf(), (c, r) => enableUnitUnaudited(c, registry, r))(ctx, raw);

export const updateUnitSettings = (ctx: CoreContext, registry: UnitRegistry, raw: unknown) => audited('updateUnitSettings', coopOf(), (c, r) => updateUnitSettingsUnaudited(c, registry, r))(ctx, raw);

export const disableUnit = (ctx: CoreContext, registry: UnitRegistry, raw: unknown) => audited('disableUnit', coopOf(), (c, r) => disableUnitUnaudited(c, registry, r))(ctx, raw);
