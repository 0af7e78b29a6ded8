import type { Builder, UnitSchemaKit } from '@kkmp/plugin-sdk';
import type { CommerceShop } from '@kkmp/commerce';
import { reorderList, type ReorderItem } from '../services/reorder';
import type { SembakoSettings } from '../settings';

/** `sembakoReorderList`: what to order from Bulog and ID Food next. */
export function registerReorderList(b: Builder, unit: UnitSchemaKit<SembakoSettings>, shop: CommerceShop): void {
  const Item = b.objectRef<ReorderItem>('SembakoReorderItem').implement({
    description: 'A product at or below its reorder level.',
    fields: (t) => ({
      product: t.field({ type: shop.types.catalog().Product, description: 'The product.', resolve: (i) => i.product }),
      quantity: t.exposeInt('quantity', { description: 'Selling units on hand.' }),
      reorderLevel: t.exposeInt('reorderLevel', { description: 'Its reorder level.' }),
      suggestedOrder: t.exposeInt('suggestedOrder', { description: 'Selling units to order to get back to twice the reorder level.' }),
    }),
  });
  unit.query('reorderList', {
    type: [Item],
    description: 'Products on sale whose stock is at or below their reorder level, lowest cover first.',
    permission: 'sembako:read',
    resolve: (_args, u) => reorderList(u, (products) => shop.productViews(u, products)),
  });
}
