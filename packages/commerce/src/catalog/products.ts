import { ConflictError, NotFoundError, parseInput, z, update, cond } from '@kkmp/plugin-sdk';
import type { ReadCtx, WriteCtx } from '../context';
import { keys } from '../model/keys';
import { productSchema, type Product } from '../model/product';
import { emptyStock } from '../model/stock';
import { createProductInput, updateProductInput } from './inputs';

export async function loadProduct(u: ReadCtx, productId: string, field: string): Promise<Product> {
  const product = await u.store.get(productSchema, ...keys.product(productId));
  if (!product) throw new NotFoundError('Product', productId, field);
  return product;
}

/**
 * Adds a product, optionally with its first prices (from today). Without the stock module (`keepsStock`
 * false) every product is unstocked: sold without stock or cost of goods.
 */
export async function createProduct(u: WriteCtx, raw: unknown, keepsStock: boolean): Promise<Product> {
  const input = parseInput(createProductInput, raw);
  if (await u.store.get(z.object({}).passthrough(), ...keys.sku(input.sku))) {
    throw new ConflictError('input.sku', `SKU ${input.sku} is already in the catalog`, `SKU ${input.sku} sudah ada di katalog`);
  }
  const today = u.today();
  const by = u.principal.userId;
  const stocked = keepsStock && input.stocked;
  const product: Product = {
    id: u.newId(),
    sku: input.sku,
    name: input.name,
    ...(input.category ? { category: input.category } : {}),
    unitOfMeasure: input.unitOfMeasure,
    packSize: input.packSize,
    packName: input.packName,
    stocked,
    reorderLevel: input.reorderLevel,
    active: true,
    prices: [
      ...(input.nonMemberPrice ? [{ customerClass: 'NON_MEMBER' as const, amount: input.nonMemberPrice, effectiveFrom: today, setBy: by }] : []),
      ...(input.memberPrice ? [{ customerClass: 'MEMBER' as const, amount: input.memberPrice, effectiveFrom: today, setBy: by }] : []),
    ],
    ceilings: [],
    attributes: {},
    createdAt: u.now().toISOString(),
    version: 1,
  };
  // Two managers adding one SKU at once: the marker's condition makes the loser re-run and meet the check above.
  u.writes.update(keys.sku(input.sku), update().set('productId', product.id), cond.notExists('productId'));
  u.writes.create(keys.product(product.id), product);
  if (product.stocked) u.writes.create(keys.stock(product.id), emptyStock(product.id));
  return product;
}

/** Changes what may change; SKU and pack size never do (a new pack is a new product). */
export async function updateProduct(u: WriteCtx, productId: string, raw: unknown): Promise<Product> {
  const input = parseInput(updateProductInput, raw);
  const product = await loadProduct(u, productId, 'input.productId');
  const next: Product = {
    ...product,
    ...(input.name ? { name: input.name } : {}),
    ...(input.category ? { category: input.category } : {}),
    ...(input.packName ? { packName: input.packName } : {}),
    ...(input.reorderLevel != null ? { reorderLevel: input.reorderLevel } : {}),
    ...(input.active != null ? { active: input.active } : {}),
    version: product.version + 1,
  };
  u.writes.replace(keys.product(productId), next, product.version);
  return next;
}
