import type { UnitPermission } from '@kkmp/plugin-sdk';

/** The permission names the commerce operations check, by kind of work. */
export interface CommercePermissionNames {
  read: string;
  sell: string;
  manage: string;
  void: string;
}

/**
 * The permissions the commerce operations use, to spread into a unit's `permissions`: cashiers sell
 * (and register beneficiaries at the counter), managers run the catalog, purchases, counts and the
 * beneficiary list and void sales, supervisors read.
 */
export function commercePermissions(unitId: string, label: string): Record<string, UnitPermission> {
  return {
    [`${unitId}:read`]: { description: `See the ${label} catalog, stock, sales and purchases.`, roles: ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR'] },
    [`${unitId}:sell`]: { description: `Sell at the ${label} counter.`, roles: ['COOP_MANAGER', 'COOP_STAFF'] },
    [`${unitId}:manage`]: { description: `Run the ${label} catalog, prices, purchases and stock counts.`, roles: ['COOP_MANAGER'] },
    [`${unitId}:void`]: { description: `Void ${label} sales (by reversal).`, roles: ['COOP_MANAGER'] },
  };
}

export function commercePermissionNames(unitId: string): CommercePermissionNames {
  return { read: `${unitId}:read`, sell: `${unitId}:sell`, manage: `${unitId}:manage`, void: `${unitId}:void` };
}
