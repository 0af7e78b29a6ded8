import { ForbiddenError, UnitNotEnabledError, loadMemberByNik, loadCooperative, loadMember, localDate, newId, requirePrincipal, NotFoundError, type CoreContext, type Principal } from '@kkmp/core';

import type { AnyUnit } from '../define';
import type { UnitContext } from './kit-types';
import { loadUnitRecord } from './records';
import { createUnitStore } from './store';

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
  const principal = requirePrincipal(core);
  const cityId = await core.lookups.cityOfCoop(coopId);
  if (!holds(principal, unit, permission, coopId, cityId)) throw new ForbiddenError(permission);
  const [record, cooperative] = await Promise.all([loadUnitRecord(core, coopId, unit.id), loadCooperative(core, coopId)]);
  if (!cooperative) throw new NotFoundError('Cooperative', coopId, 'cooperativeId');
  if (!record?.enabled) throw new UnitNotEnabledError(unit.id, unit.name.en, unit.name.id);
  const settings = unit.settings.parse(record.settings) as S;
  return {
    unitId: unit.id,
    cooperative,
    settings,
    principal,
    now: () => core.clock.now(),
    today: () => localDate(core.clock.now(), cooperative.timeZone),
    store: createUnitStore(core.db, coopId, unit.id),
    members: {
      get: (memberId) => loadMember(core, coopId, memberId),
      // The unit permission admitted the caller to this cooperative already.
      findByNik: (nik) => loadMemberByNik(core, coopId, nik),
    },
    newId: () => newId(core.clock.now()),
    can: (perm) => holds(principal, unit, perm, coopId, cityId),
  };
}
