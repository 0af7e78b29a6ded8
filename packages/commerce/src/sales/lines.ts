import { BusinessRuleError, NotFoundError, ValidationError, cond, encodeId, formatRupiah, formatRupiahEn, typePrefix, update } from '@kkmp/plugin-sdk';
import type { WriteCtx } from '../context';
import { keys } from '../model/keys';
import { productSchema, type CustomerClass, type Product } from '../model/product';
import { emptyStock, stockSchema, type StockLevel } from '../model/stock';
import { costOf } from '../rules/costing';
import { ceilingOn, ceilingPerPack, priceOn, withinCeiling } from '../rules/pricing';
import type { PriceQuestion, SaleDraft } from './draft';

type DraftLine = SaleDraft['lines'][number];
interface Wanted {
  productId: string;
  quantity: number;
  index: number;
}

/** A unit's conversion of a line's quantity as sent (e.g. sacks) into selling units (kg), once its product is known. */
export type LineQuantity = (line: { product: Product; quantity: number; index: number }) => number;

/** The same product twice is one line: one stock update per product (DynamoDB allows one action per item). */
function merge(lines: { productId: string; quantity: number }[]): Wanted[] {
  const merged = new Map<string, Wanted>();
  lines.forEach((l, index) => {
    const m = merged.get(l.productId);
    if (m) m.quantity += l.quantity;
    else merged.set(l.productId, { ...l, index });
  });
  return [...merged.values()];
}

/** The products and stock levels of a sale's lines, read by key in one wave. */
export interface LineReads {
  wanted: Wanted[];
  products: (Product | undefined)[];
  stocks: (StockLevel | undefined)[];
}

/** Starts reading the lines' products and stock levels (call it early: the reads join the sale's first wave). */
export async function readLines(u: WriteCtx, lines: { productId: string; quantity: number }[]): Promise<LineReads> {
  const wanted = merge(lines);
  const [products, stocks] = await Promise.all([
    u.store.getMany(productSchema, wanted.map((l) => keys.product(l.productId))),
    u.store.getMany(stockSchema, wanted.map((l) => keys.stock(l.productId))),
  ]);
  return { wanted, products, stocks };
}

/**
 * Prices the lines for the buyer's class on the day, within the ceiling (HET) of the region, and takes
 * stocked goods out of stock at their moving-average cost (never below zero, even with cashiers
 * selling the last pack at once), from the products and stock levels read by `readLines`.
 */
export function priceLines(
  u: WriteCtx,
  { wanted, products, stocks }: LineReads,
  customerClass: CustomerClass,
  region: string | undefined,
  date: string,
  unitRules: { listPrice?: (line: PriceQuestion, u: WriteCtx) => number | undefined; lineQuantity?: LineQuantity } = {},
): DraftLine[] {
  return wanted.map((l, i) => {
    const product = products[i];
    // Refusals name the product as the client knows it: its public id and its name, never the internal id.
    const publicId = encodeId(`${typePrefix(u.unitId)}Product`, l.productId);
    if (!product || !product.active) throw new NotFoundError('Product', publicId, `input.lines.${l.index}.productId`);
    const { listPrice, lineQuantity } = unitRules;
    const wantedLine = lineQuantity ? { ...l, quantity: converted(lineQuantity({ product, quantity: l.quantity, index: l.index }), l.index) } : l;
    const own = listPrice?.({ product, customerClass, date }, u);
    const line = priceLine(product, publicId, wantedLine, customerClass, region, date, own);
    if (!product.stocked) return line;
    const stock = stocks[i] ?? emptyStock(l.productId);
    return { ...line, cost: takeFromStock(u, product, publicId, stock, wantedLine) };
  });
}

/** A unit's conversion must still give whole selling units, at least one. */
function converted(quantity: number, index: number): number {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw ValidationError.field(`input.lines.${index}.quantity`, 'is not a whole number of selling units', 'bukan jumlah satuan jual yang bulat');
  return quantity;
}

function priceLine(product: Product, publicId: string, l: Wanted, customerClass: CustomerClass, region: string | undefined, date: string, own: number | undefined): DraftLine {
  const field = `input.lines.${l.index}`;
  const price = own !== undefined ? { amount: own } : priceOn(product, customerClass, date);
  if (!price) throw new BusinessRuleError('NO_PRICE', `${product.name} has no price yet`, `${product.name} belum punya harga`, { field: `${field}.productId`, details: { productId: publicId, name: product.name } });
  const ceiling = ceilingOn(product, region, date);
  if (ceiling && !withinCeiling(price.amount, product.packSize, ceiling)) {
    const max = ceilingPerPack(product.packSize, ceiling);
    throw new BusinessRuleError(
      'PRICE_ABOVE_CEILING',
      `${product.name} costs ${formatRupiahEn(price.amount)}, above the ceiling price (HET) of ${formatRupiahEn(max)} per ${product.packName} (${ceiling.reference}); the manager must lower the price`,
      `harga ${product.name} ${formatRupiah(price.amount)} melebihi HET ${formatRupiah(max)} per ${product.packName} (${ceiling.reference}); pengurus harus menurunkan harga`,
      { field: `${field}.productId`, details: { productId: publicId, name: product.name, price: price.amount, ceiling: max, reference: ceiling.reference } },
    );
  }
  const amount = price.amount * l.quantity;
  if (!Number.isSafeInteger(amount)) throw ValidationError.field(`${field}.quantity`, 'the amount is too large', 'jumlahnya terlalu besar');
  const { id: productId, sku, name, packName } = product;
  return { productId, sku, name, packName, quantity: l.quantity, unitPrice: price.amount, amount, cost: 0, product, index: l.index };
}

/** Refuses what is not on the shelf; writes the stock out under a condition that guards the race. */
function takeFromStock(u: WriteCtx, product: Product, publicId: string, stock: StockLevel, l: Wanted): number {
  if (stock.quantity < l.quantity) {
    throw new BusinessRuleError(
      'OUT_OF_STOCK',
      `only ${Math.max(0, stock.quantity)} ${product.packName} of ${product.name} left`,
      `stok ${product.name} tinggal ${Math.max(0, stock.quantity)} ${product.packName}`,
      { field: `input.lines.${l.index}.quantity`, details: { productId: publicId, name: product.name, available: Math.max(0, stock.quantity), requested: l.quantity } },
    );
  }
  const cost = costOf(stock, l.quantity);
  // The read above refuses; this condition only guards the race with other cashiers. If it fails the
  // sale re-runs from fresh reads and then refuses with OUT_OF_STOCK, or goes through at the new average.
  u.writes.update(
    keys.stock(product.id),
    update().add('quantity', -l.quantity).add('value', -cost),
    cond.and(cond.ge('quantity', l.quantity), cond.eq('costEpoch', stock.costEpoch)),
  );
  return cost;
}
