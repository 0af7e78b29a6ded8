import { ACCOUNTS, ValidationError, parseInput, text, z, update, cond, msg } from '@kkmp/plugin-sdk';
import { stockDifferenceAccount } from '../accounts';
import { loadProduct } from '../catalog/products';
import type { WriteCtx } from '../context';
import { keys } from '../model/keys';
import { emptyStock, stockSchema, type Movement, type StockCount, type StockLevel } from '../model/stock';
import { documentNumber } from '../numbers';
import { costOf, valueAtAverage } from '../rules/costing';
import { recordMovements } from './movements';

export const countInput = z.object({
  note: text(300).optional().nullable(),
  lines: z
    .array(z.object({ productId: z.string(), countedQuantity: z.number().int(msg('must be a whole number', 'harus bilangan bulat')).min(0, msg('must not be negative', 'tidak boleh negatif')) }))
    .min(1, msg('needs at least one line', 'perlu paling sedikit satu baris'))
    .max(40, msg('at most 40 products per count; count in parts', 'paling banyak 40 produk per opname; lakukan bertahap')),
});

type CountLine = StockCount['lines'][number];

/**
 * A stock count (stock opname): what is on the shelf becomes the stock. A shortage leaves at the
 * moving average (Dr selisih persediaan, Cr Persediaan); a surplus comes in at the average, or at
 * the last known unit cost when the books show none. Counted against the stock as read: a sale that
 * lands in between makes the count re-run on the new figures.
 */
export async function recordStockCount(u: WriteCtx, raw: unknown): Promise<StockCount> {
  const input = parseInput(countInput, raw);
  const stocks = await u.store.getMany(stockSchema, input.lines.map((l) => keys.stock(l.productId)));
  const id = u.newId();
  const date = u.businessDate;
  const at = u.now().toISOString();
  const lines: CountLine[] = [];
  const seen = new Set<string>();
  for (const [i, l] of input.lines.entries()) {
    const field = `input.lines.${i}.productId`;
    if (seen.has(l.productId)) throw ValidationError.field(field, 'this product is already in the count', 'produk ini sudah ada di opname');
    seen.add(l.productId);
    const product = await loadProduct(u, l.productId, field);
    if (!product.stocked) throw ValidationError.field(field, 'this product is not kept in stock', 'produk ini tidak disimpan sebagai stok');
    lines.push(adjust(u, stocks[i] ?? emptyStock(l.productId), l.countedQuantity));
  }
  const valueDifference = lines.reduce((s, l) => s + l.valueDifference, 0);
  const number = await documentNumber(u, 'SO');
  const entryId = valueDifference === 0 ? undefined : await postDifference(u, id, number, valueDifference, input.note ?? undefined);
  const count: StockCount = { id, number, date, at, ...(input.note ? { note: input.note } : {}), lines, valueDifference, ...(entryId ? { entryId } : {}), countedBy: u.principal.userId };
  u.writes.create(keys.count(date, id), count);
  const movements: Movement[] = lines
    .filter((l) => l.difference !== 0)
    .map((l) => ({ productId: l.productId, at, date, kind: 'COUNT', documentId: id, documentNumber: number, quantity: l.difference, value: l.valueDifference }));
  recordMovements(u, id, movements);
  return count;
}

/** One counted product: the stock becomes what was counted, its value moves at the average. */
function adjust(u: WriteCtx, stock: StockLevel, counted: number): CountLine {
  const difference = counted - stock.quantity;
  const valueDifference = difference < 0 ? -costOf(stock, -difference) : difference > 0 ? valueAtAverage(stock, difference, stock.lastUnitCost ?? 0) : 0;
  if (difference !== 0) {
    u.writes.update(
      keys.stock(stock.productId),
      update().set('quantity', counted).add('value', valueDifference).add('costEpoch', 1),
      cond.and(cond.eq('quantity', stock.quantity), cond.eq('costEpoch', stock.costEpoch)),
    );
  }
  return { productId: stock.productId, systemQuantity: stock.quantity, countedQuantity: counted, difference, valueDifference };
}

async function postDifference(u: WriteCtx, id: string, number: string, valueDifference: number, note: string | undefined): Promise<string> {
  const loss = -valueDifference;
  const { entryId } = await u.post({
    memo: `Stock opname ${number}${note ? `: ${note}` : ''}`,
    documentId: id,
    lines:
      loss > 0
        ? [{ account: stockDifferenceAccount(u.unitId), debit: loss }, { account: ACCOUNTS.inventory, credit: loss }]
        : [{ account: ACCOUNTS.inventory, debit: -loss }, { account: stockDifferenceAccount(u.unitId), credit: -loss }],
  });
  return entryId;
}
