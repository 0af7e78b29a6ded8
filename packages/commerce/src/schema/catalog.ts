import { cond, pageRequest, toConnection } from '@kkmp/plugin-sdk';
import { createProduct, loadProduct, updateProduct } from '../catalog/products';
import { setCeilingPrice, setPrice } from '../catalog/prices';
import { keys } from '../model/keys';
import { productSchema, type Product } from '../model/product';
import type { Shop } from './shop';

/** The catalog module: `<unit>Products`, `<unit>Product`, `<unit>CreateProduct`, `<unit>UpdateProduct`, prices and ceilings. */
export function registerCatalog<S>(shop: Shop<S>): void {
  registerCatalogReads(shop);
  registerProductWrites(shop);
  registerPriceWrites(shop);
}

function registerCatalogReads<S>({ unit, perm, kit, views, id }: Shop<S>): void {
  const { Product, ProductConnection } = kit.catalog();
  unit.query('products', {
    type: ProductConnection,
    description: 'The catalog, in the order products were added, with prices in force today and stock.',
    permission: perm.read,
    args: (t) => ({
      first: t.int({ required: false, description: 'Page size (1-100, default 50).' }),
      after: t.string({ required: false, description: 'Cursor from the previous page.' }),
      includeInactive: t.boolean({ required: false, description: 'Also products taken off sale.' }),
    }),
    resolve: async (args, u) => {
      // A filter the store applies, so a page is full whatever lies between active products.
      const filter = args.includeInactive ? undefined : cond.eq('active', true);
      const page = await u.store.page(productSchema, keys.productPrefix, pageRequest(args), filter);
      const items = await views(u, page.items);
      return toConnection({ ...page, items }, { totalCount: () => u.store.count(keys.productPrefix, filter) }) as never;
    },
  });
  unit.query('product', {
    type: Product,
    description: 'One product.',
    permission: perm.read,
    args: (t) => ({ id: t.id({ description: 'Product id.' }) }),
    resolve: async (args, u) => (await views(u, [await loadProduct(u, id(args.id, 'Product', 'id'), 'id')]))[0]!,
  });
}

function registerProductWrites<S>({ unit, perm, kit, views, id, keepsStock }: Shop<S>): void {
  const { Product, UnitOfMeasure } = kit.catalog();
  const view = async (u: Parameters<Shop<S>['views']>[0], p: Product) => (await views(u, [p]))[0]!;
  unit.mutation('createProduct', {
    type: Product,
    description: 'Adds a product to the catalog, optionally with its first prices (from today).',
    permission: perm.manage,
    businessEvent: false,
    input: (t) => ({
      sku: t.string({ description: 'Stock-keeping code, unique in the unit (letters, digits, dashes).' }),
      name: t.string({ description: 'Name on the shelf and the receipt.' }),
      category: t.string({ required: false, description: 'Category, free text.' }),
      unitOfMeasure: t.field({ type: UnitOfMeasure, description: 'Base unit of the content.' }),
      packSize: t.int({ description: 'Base units in one selling unit (5000 for a 5 kg pack in grams).' }),
      packName: t.string({ description: 'Name of the selling unit, e.g. "pak 5 kg".' }),
      ...(keepsStock
        ? {
            stocked: t.boolean({ required: false, description: 'Kept in stock (default true).' }),
            reorderLevel: t.int({ required: false, description: 'Reorder at or below this many selling units.' }),
          }
        : {}),
      nonMemberPrice: t.field({ type: 'Rupiah', required: false, description: 'Public price per selling unit.' }),
      memberPrice: t.field({ type: 'Rupiah', required: false, description: 'Member price per selling unit.' }),
    }),
    resolve: async (input, u) => view(u, await createProduct(u, input, keepsStock)),
  });
  unit.mutation('updateProduct', {
    type: Product,
    description: 'Changes a product (name, category, selling-unit name, reorder level, on sale or not). SKU and pack size never change: add a new product.',
    permission: perm.manage,
    input: (t) => ({
      productId: t.id({ description: 'Product id.' }),
      name: t.string({ required: false, description: 'New name.' }),
      category: t.string({ required: false, description: 'New category.' }),
      packName: t.string({ required: false, description: 'New selling-unit name.' }),
      ...(keepsStock ? { reorderLevel: t.int({ required: false, description: 'New reorder level.' }) } : {}),
      active: t.boolean({ required: false, description: 'On sale (true) or taken off sale (false).' }),
    }),
    resolve: async ({ productId, ...rest }, u) => view(u, await updateProduct(u, id(productId, 'Product', 'input.productId'), rest)),
  });
}

function registerPriceWrites<S>({ unit, perm, kit, views, id, region }: Shop<S>): void {
  const { Product, CustomerClass } = kit.catalog();
  unit.mutation('setPrice', {
    type: Product,
    description: 'Sets the price for a customer class from a date (today or later); refused above the price ceiling (HET) then in force.',
    permission: perm.manage,
    businessEvent: false,
    input: (t) => ({
      productId: t.id({ description: 'Product id.' }),
      customerClass: t.field({ type: CustomerClass, description: 'Members or the public.' }),
      amount: t.field({ type: 'Rupiah', description: 'Price per selling unit, whole rupiah.' }),
      effectiveFrom: t.field({ type: 'Date', required: false, description: 'First day (default today).' }),
    }),
    resolve: async ({ productId, ...rest }, u) => (await views(u, [await setPrice(u, id(productId, 'Product', 'input.productId'), rest, region(u))]))[0]!,
  });
  unit.mutation('setCeilingPrice', {
    type: Product,
    description: 'Records a price ceiling (HET) from a decree, for a region and from a date. Sales above it are refused from that day.',
    permission: perm.manage,
    businessEvent: false,
    input: (t) => ({
      productId: t.id({ description: 'Product id.' }),
      region: t.string({ required: false, description: 'Region code (default: the region in the unit settings; "*" = everywhere).' }),
      amount: t.field({ type: 'Rupiah', description: 'Ceiling per `perQuantity` base units.' }),
      perQuantity: t.int({ description: 'Base units the amount is for: 1000 for per kg (grams), 1 per piece.' }),
      effectiveFrom: t.field({ type: 'Date', description: 'First day it applies.' }),
      reference: t.string({ description: 'The decree or letter, e.g. "Kepmentan 1117/2025".' }),
    }),
    resolve: async ({ productId, ...rest }, u) => (await views(u, [await setCeilingPrice(u, id(productId, 'Product', 'input.productId'), rest, region(u))]))[0]!,
  });
}
