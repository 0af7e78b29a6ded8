import { BusinessRuleError, ConflictError, NotFoundError, ValidationError, isoDate, parseInput, positiveRupiah, text } from '@kkmp/plugin-sdk';
import { cond, msg, update, z } from '@kkmp/plugin-sdk';
import type { ReadCtx, WriteCtx } from './context';
import { CUSTOMER_CLASSES, UNITS_OF_MEASURE, keys, productSchema, stockSchema, type Product, type StockLevel } from './items';
import { ANY_REGION, ceilingOn, ceilingPerPack, withinCeiling } from './pricing';

const sku = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/, msg('must be 1-40 letters, digits or dashes', 'harus 1-40 huruf, angka atau tanda hubung')));
const count = z.number().int(msg('must be a whole number', 'harus bilangan bulat'));

export const createProductInput = z.object({
  sku,
  name: text(120),
  category: text(60).optional().nullable(),
  unitOfMeasure: z.enum(UNITS_OF_MEASURE),
  packSize: count.min(1, msg('must be at least 1', 'paling sedikit 1')),
  packName: text(40),
  stocked: z.boolean().default(true),
  reorderLevel: count.min(0, msg('must not be negative', 'tidak boleh negatif')).default(0),
  nonMemberPrice: positiveRupiah.optional().nullable(),
  memberPrice: positiveRupiah.optional().nullable(),
});

export const updateProductInput = z.object({
  name: text(120).optional().nullable(),
  category: text(60).optional().nullable(),
  packName: text(40).optional().nullable(),
  reorderLevel: count.min(0, msg('must not be negative', 'tidak boleh negatif')).optional().nullable(),
  active: z.boolean().optional().nullable(),
});

export const setPriceInput = z.object({
  customerClass: z.enum(CUSTOMER_CLASSES),
  amount: positiveRupiah,
  effectiveFrom: isoDate.optional().nullable(),
});

export const setCeilingInput = z.object({
  region: z.string().trim().min(1).max(60).optional().nullable(),
  amount: positiveRupiah,
  perQuantity: count.min(1, msg('must be at least 1', 'paling sedikit 1')),
  effectiveFrom: isoDate,
  reference: text(200),
});

export async function loadProduct(u: ReadCtx, productId: string, field: string): Promise<Product> {
  const product = await u.store.get(productSchema, ...keys.product(productId));
  if (!product) throw new NotFoundError('Product', productId, field);
  return product;
}

export async function loadStock(u: ReadCtx, productId: string): Promise<StockLevel> {
  return (await u.store.get(stockSchema, ...keys.stock(productId))) ?? { productId, quantity: 0, value: 0, costEpoch: 0 };
}

/** The kit refuses a price above the ceiling in force when it takes effect, not only at the counter. */
function checkAgainstCeiling(product: Product, amount: number, region: string | undefined, date: string, field: string) {
  const ceiling = ceilingOn(product, region, date);
  if (ceiling && !withinCeiling(amount, product.packSize, ceiling)) {
    const max = ceilingPerPack(product.packSize, ceiling);
    throw new BusinessRuleError(
      'PRICE_ABOVE_CEILING',
      `Rp${amount} per ${product.packName} is above the ceiling price (HET) of Rp${max} (${ceiling.reference})`,
      `Rp${amount} per ${product.packName} melebihi HET Rp${max} (${ceiling.reference})`,
      { field, details: { price: amount, ceiling: max, reference: ceiling.reference } },
    );
  }
}

export async function createProduct(u: WriteCtx, raw: unknown): Promise<Product> {
  const input = parseInput(createProductInput, raw);
  if (await u.store.get(z.object({}).passthrough(), ...keys.sku(input.sku))) {
    throw new ConflictError('input.sku', `SKU ${input.sku} is already in the catalog`, `SKU ${input.sku} sudah ada di katalog`);
  }
  const today = u.today();
  const by = u.principal.userId;
  const product: Product = {
    id: u.newId(),
    sku: input.sku,
    name: input.name,
    ...(input.category ? { category: input.category } : {}),
    unitOfMeasure: input.unitOfMeasure,
    packSize: input.packSize,
    packName: input.packName,
    stocked: input.stocked,
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
  if (product.stocked) u.writes.create(keys.stock(product.id), { productId: product.id, quantity: 0, value: 0, costEpoch: 0 });
  return product;
}

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

export async function setPrice(u: WriteCtx, productId: string, raw: unknown, region: string | undefined): Promise<Product> {
  const input = parseInput(setPriceInput, raw);
  const product = await loadProduct(u, productId, 'input.productId');
  const effectiveFrom = input.effectiveFrom ?? u.today();
  if (effectiveFrom < u.today()) {
    // Past sales were made at the prices then in force; a price list is not rewritten after the fact.
    throw ValidationError.field('input.effectiveFrom', 'must be today or later', 'harus hari ini atau sesudahnya');
  }
  checkAgainstCeiling(product, input.amount, region, effectiveFrom, 'input.amount');
  const prices = product.prices.filter((p) => !(p.customerClass === input.customerClass && p.effectiveFrom === effectiveFrom));
  prices.push({ customerClass: input.customerClass, amount: input.amount, effectiveFrom, setBy: u.principal.userId });
  const next = { ...product, prices, version: product.version + 1 };
  u.writes.replace(keys.product(productId), next, product.version);
  return next;
}

export async function setCeilingPrice(u: WriteCtx, productId: string, raw: unknown, region: string | undefined): Promise<Product> {
  const input = parseInput(setCeilingInput, raw);
  const product = await loadProduct(u, productId, 'input.productId');
  const at = input.region ?? region ?? ANY_REGION;
  const ceilings = product.ceilings.filter((c) => !(c.region === at && c.effectiveFrom === input.effectiveFrom));
  ceilings.push({ region: at, amount: input.amount, perQuantity: input.perQuantity, effectiveFrom: input.effectiveFrom, reference: input.reference, setBy: u.principal.userId });
  const next = { ...product, ceilings, version: product.version + 1 };
  u.writes.replace(keys.product(productId), next, product.version);
  return next;
}
