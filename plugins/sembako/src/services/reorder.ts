import type { UnitContext } from '@kkmp/plugin-sdk';
import { commerceKeys, productSchema, type Product, type ProductView } from '@kkmp/commerce';

/** A product to reorder: its stock, reorder level and how much to order. */
export interface ReorderItem {
  product: ProductView;
  quantity: number;
  reorderLevel: number;
  suggestedOrder: number;
}

/** Enough to get back to twice the reorder level. */
export const suggestedOrder = (quantity: number, reorderLevel: number) => Math.max(0, 2 * reorderLevel - quantity);

/** Products on sale at or below their reorder level, lowest cover (stock / reorder level) first. */
export function needsReorder(products: ProductView[]): ReorderItem[] {
  return products
    .filter((p) => p.active && p.stocked && p.reorderLevel > 0 && (p.stock?.quantity ?? 0) <= p.reorderLevel)
    .map((p) => ({ product: p, quantity: p.stock?.quantity ?? 0, reorderLevel: p.reorderLevel, suggestedOrder: suggestedOrder(p.stock?.quantity ?? 0, p.reorderLevel) }))
    .sort((a, z) => a.quantity / a.reorderLevel - z.quantity / z.reorderLevel);
}

/** The reorder list, from the whole catalog with its stock (`views` adds stock and today's prices). */
export async function reorderList(u: UnitContext<unknown>, views: (products: Product[]) => Promise<ProductView[]>): Promise<ReorderItem[]> {
  const products = (await u.store.all(productSchema, commerceKeys.productPrefix)).filter((p) => p.active && p.stocked && p.reorderLevel > 0);
  return needsReorder(await views(products));
}
