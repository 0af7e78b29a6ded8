import type { CoreContext } from '@kkmp/core';
import { LRUCache } from 'lru-cache';

/**
 * The settings this process last read for a unit of a cooperative, for guessing keys only. A mutation's
 * prefetch names its reads before the gate has read the unit's record; where a key depends on the settings
 * (a buyer limit's period, the SKUs that are limited), the settings seen by the previous request let the
 * unit name it in the first wave anyway. A guess from stale settings costs the round trip it tried to save
 * and decides nothing: the resolver works with the settings the gate read. Keyed by table too, so two APIs
 * in one process (tests) never share a guess.
 */
const seen = new LRUCache<string, { value: unknown }>({ max: 5000 });
const keyOf = (core: CoreContext, coopId: string, unitId: string) => `${core.db.tableName}\u0000${coopId}\u0000${unitId}`;

export function rememberSettings(core: CoreContext, coopId: string, unitId: string, settings: unknown): void {
  seen.set(keyOf(core, coopId, unitId), { value: settings });
}

export function settingsSeen(core: CoreContext, coopId: string, unitId: string): unknown {
  return seen.get(keyOf(core, coopId, unitId))?.value;
}
