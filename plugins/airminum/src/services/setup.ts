import { cond, update, type UnitHookContext } from '@kkmp/plugin-sdk';
import { commerceKeys, productSchema, type Product } from '@kkmp/commerce';
import { GALLON_SKU, REFILL_SKU } from '../settings';
import { COMPLIANCE_KEY } from './compliance';
import { LITRES_TOTAL } from './production';

/** The depot's two catalog products, under fixed ids; their prices come from the settings (the kit's price hook). */
const PRODUCTS = [
  { id: 'REFILL', sku: REFILL_SKU, name: 'Air minum isi ulang (per galon)', packName: 'galon' },
  { id: 'GALLON', sku: GALLON_SKU, name: 'Galon polos baru (biaya wadah)', packName: 'galon' },
] as const;

/**
 * On every enable (idempotent: only what is missing is written): the two products, the compliance
 * item the sale gate conditions on, and the litres counter status changes are ordered by.
 */
export async function setUpDepot(ctx: UnitHookContext<unknown>): Promise<void> {
  const existing = await ctx.store.getMany(productSchema, PRODUCTS.map((p) => commerceKeys.product(p.id)));
  PRODUCTS.forEach((p, i) => {
    if (existing[i]) return;
    const product: Product = {
      ...p,
      unitOfMeasure: 'PIECE',
      packSize: 1,
      stocked: false,
      reorderLevel: 0,
      active: true,
      prices: [],
      ceilings: [],
      attributes: {},
      createdAt: ctx.now().toISOString(),
      version: 1,
    };
    ctx.writes.create(commerceKeys.product(p.id), product);
    ctx.writes.update(commerceKeys.sku(p.sku), update().set('productId', p.id), cond.notExists('productId'));
  });
  ctx.writes.update(COMPLIANCE_KEY, update().setIfNotExists('version', 1).setIfNotExists('slhs', []).setIfNotExists('tests', []).setIfNotExists('lamps', []));
  ctx.writes.update(LITRES_TOTAL, update().setIfNotExists('litres', 0));
}
