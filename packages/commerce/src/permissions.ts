import type { UnitPermission } from '@kkmp/plugin-sdk';

/**
 * The permissions the commerce operations use, to spread into a unit's `permissions`: cashiers sell,
 * managers run the catalog, purchases and counts and void sales, supervisors read.
 */
export function commercePermissions(unitId: string, label: string): Record<string, UnitPermission> {
  return {
    [`${unitId}:read`]: { description: `See the ${label} catalog, stock, sales and purchases.`, roles: ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR'] },
    [`${unitId}:sell`]: { description: `Sell at the ${label} counter.`, roles: ['COOP_MANAGER', 'COOP_STAFF'] },
    [`${unitId}:manage`]: { description: `Run the ${label} catalog, prices, purchases and stock counts.`, roles: ['COOP_MANAGER'] },
    [`${unitId}:void`]: { description: `Void ${label} sales (by reversal).`, roles: ['COOP_MANAGER'] },
  };
}

export function commercePermissionNames(unitId: string) {
  return { read: `${unitId}:read`, sell: `${unitId}:sell`, manage: `${unitId}:manage`, void: `${unitId}:void` };
}
