import { ForbiddenError, InvalidStateError, UnitNotEnabledError, can, loadMemberByNik, loadMemberByNumber, loadCooperative, loadMember, localDate, newId, requirePrincipal, NotFoundError, type CoreContext, type Principal } from '@kkmp/core';

import type { AnyUnit } from '@kkmp/plugin-sdk';
import type { UnitContext } from '@kkmp/plugin-sdk';
import { createUnitBooks } from './books';
import { loadUnitRecord } from './records';
import { startedQueries } from './prefetch';
import { createUnitDerivedWrites, createUnitStore } from './store';
import { rememberSettings } from './settings-seen';

/** Whether a principal holds a unit permission in a cooperative (whose city is given). */
export function holds(p: Principal, unit: AnyUnit, permission: string, coopId: string, coopCityId: string | undefined): boolean {
  const spec = unit.permissions[permission];
  if (!spec || !spec.roles.includes(p.role)) return false;
  switch (p.role) {
    case 'PLATFORM_ADMIN':
      return true;
    case 'CITY_ADMIN':
      return !!p.cityId && p.cityId === coopCityId;
    case 'COOP_STAFF':
      return p.coopId === coopId && (p.units ?? []).includes(unit.id);
    default:
      return p.coopId === coopId;
  }
}

/**
 * The gate of every unit operation: the caller must hold the permission in that cooperative (checked
 * first, so an outsider learns nothing, not even whether the unit is on), then the cooperative must
 * have the unit enabled, else the typed UNIT_NOT_ENABLED error names the unit.
 */
export async function enterUnit<S>(core: CoreContext, unit: AnyUnit, coopId: string, permission: string): Promise<UnitContext<S>> {
  return (await gate<S>(core, unit, coopId, permission)).context;
}

/** The gate, also returning the version of the unit record it let the caller in on. */
export async function gate<S>(core: CoreContext, unit: AnyUnit, coopId: string, permission: string): Promise<{ context: UnitContext<S>; recordVersion: number }> {
  const principal = requirePrincipal(core);
  const cityId = await core.lookups.cityOfCoop(coopId);
  if (!holds(principal, unit, permission, coopId, cityId)) throw new ForbiddenError(permission);
  return openUnit<S>(core, unit, coopId, { principal, can: (perm) => holds(principal, unit, perm, coopId, cityId) });
}

/**
 * The rest of the gate, once the caller is let in: the unit enabled in the cooperative, its settings
 * parsed, and the context its resolver gets. A device caller (see device-gate.ts) comes in here too.
 */
export async function openUnit<S>(
  core: CoreContext,
  unit: AnyUnit,
  coopId: string,
  caller: { principal: Principal; can(permission: string): boolean; device?: UnitContext<S>['device'] },
): Promise<{ context: UnitContext<S>; recordVersion: number }> {
  const { principal } = caller;
  const [record, cooperative] = await Promise.all([loadUnitRecord(core, coopId, unit.id), loadCooperative(core, coopId)]);
  if (!cooperative) throw new NotFoundError('Cooperative', coopId, 'cooperativeId');
  if (!record?.enabled) throw new UnitNotEnabledError(unit.id, unit.name.en, unit.name.id);
  const parsed = unit.settings.safeParse(record.settings);
  if (!parsed.success) {
    throw new InvalidStateError(
      `the ${unit.name.en} settings no longer fit this version of the unit; a manager must update them`,
      `pengaturan ${unit.name.id} tidak cocok dengan versi unit ini; pengurus perlu memperbaruinya`,
    );
  }
  const settings = parsed.data as S;
  rememberSettings(core, coopId, unit.id, settings);
  const readMembers = async () => {
    // A unit's permission opens the unit, not member records: those follow the core's member:read rule.
    if (!(await can(core, 'member:read', { coopId }))) throw new ForbiddenError('member:read');
  };
  const context: UnitContext<S> = {
    unitId: unit.id,
    cooperative,
    settings,
    principal,
    now: () => core.clock.now(),
    today: () => localDate(core.clock.now(), cooperative.timeZone),
    store: createUnitStore(core.db, coopId, unit.id, core.items, startedQueries(core)),
    derived: createUnitDerivedWrites(core.db, coopId, unit.id),
    members: {
      get: async (memberId) => (await readMembers(), loadMember(core, coopId, memberId)),
      findByNik: async (nik) => (await readMembers(), loadMemberByNik(core, coopId, nik)),
      findByNumber: async (n) => (await readMembers(), loadMemberByNumber(core, coopId, n)),
    },
    books: createUnitBooks(core, coopId, () => localDate(core.clock.now(), cooperative.timeZone)),
    newId: () => newId(core.clock.now()),
    can: (perm) => caller.can(perm),
    ...(caller.device ? { device: caller.device } : {}),
  };
  return { context, recordVersion: record.version };
}
