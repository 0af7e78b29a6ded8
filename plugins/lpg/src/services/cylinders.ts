import { BusinessRuleError, cond, update, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import { commerceKeys, stockSchema } from '@kkmp/commerce';
import type { LpgSettings } from '../settings';
import { EMPTIES_KEY, emptiesSchema } from './exchange';

/** 3 kg cylinders on hand: full (the refill's stock, at cost) and empty (taken in by exchanges, not yet back with the agent). */
export interface Cylinders {
  full: number;
  fullValue: number;
  empty: number;
}

const skuSchema = z.object({ productId: z.string() });

/** Full and empty 3 kg cylinders on hand now. */
export async function cylinders(u: UnitContext<LpgSettings>): Promise<Cylinders> {
  const sku = await u.store.get(skuSchema, ...commerceKeys.sku(u.settings.subsidizedSku));
  const stock = sku ? await u.store.get(stockSchema, ...commerceKeys.stock(sku.productId)) : undefined;
  const empties = await u.store.get(emptiesSchema, ...EMPTIES_KEY);
  return { full: stock?.quantity ?? 0, fullValue: stock?.value ?? 0, empty: empties?.empty ?? 0 };
}

/** Empties handed back to the agent with a delivery: never more than are on hand (a condition, so two returns cannot pass it). */
export async function returnEmpties(u: UnitMutationContext<LpgSettings>, quantity: number): Promise<Cylinders> {
  const now = await cylinders(u);
  if (quantity > now.empty) {
    throw new BusinessRuleError('NOT_ENOUGH_EMPTIES', `only ${now.empty} empty cylinders on hand`, `tabung kosong tinggal ${now.empty}`, { field: 'input.quantity', details: { available: now.empty, requested: quantity } });
  }
  u.writes.update(EMPTIES_KEY, update().add('empty', -quantity), cond.ge('empty', quantity));
  return { ...now, empty: now.empty - quantity };
}
