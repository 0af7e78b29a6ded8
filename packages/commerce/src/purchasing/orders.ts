import { msg, ValidationError, isoDate, parseInput, positiveRupiah, text, z } from '@kkmp/plugin-sdk';
import { loadProduct } from '../catalog/products';
import type { ReadCtx, WriteCtx } from '../context';
import { keys } from '../model/keys';
import type { PurchaseOrder } from '../model/purchasing';
import { documentNumber } from '../numbers';
import { loadSupplier } from './suppliers';

export const quantity = z.number().int(msg('must be a whole number', 'harus bilangan bulat')).min(1, msg('must be at least 1', 'paling sedikit 1'));

export const purchaseOrderInput = z.object({
  expectedOn: isoDate.optional().nullable(),
  note: text(300).optional().nullable(),
  lines: z
    .array(z.object({ productId: z.string(), quantity, unitCost: positiveRupiah }))
    .min(1, msg('needs at least one line', 'perlu paling sedikit satu baris'))
    .max(80, msg('at most 80 lines', 'paling banyak 80 baris')),
});

/** Each product once, each one in the catalog and kept in stock; `what` names the document in messages. */
export async function checkStockedLines(u: ReadCtx, lines: { productId: string }[], what: { en: string; id: string }): Promise<void> {
  const seen = new Set<string>();
  for (const [i, l] of lines.entries()) {
    const field = `input.lines.${i}.productId`;
    if (seen.has(l.productId)) throw ValidationError.field(field, `this product is already on the ${what.en}`, `produk ini sudah ada di ${what.id}`);
    seen.add(l.productId);
    const product = await loadProduct(u, l.productId, field);
    if (!product.stocked) throw ValidationError.field(field, 'this product is not kept in stock', 'produk ini tidak disimpan sebagai stok');
  }
}

/** Orders goods from a supplier; no stock or books change until they are received. */
export async function createPurchaseOrder(u: WriteCtx, supplierId: string, raw: unknown): Promise<PurchaseOrder> {
  const input = parseInput(purchaseOrderInput, raw);
  await loadSupplier(u, supplierId, 'input.supplierId');
  await checkStockedLines(u, input.lines, { en: 'order', id: 'pesanan' });
  const po: PurchaseOrder = {
    id: u.newId(),
    number: await documentNumber(u, 'PO'),
    supplierId,
    orderedOn: u.today(),
    ...(input.expectedOn ? { expectedOn: input.expectedOn } : {}),
    ...(input.note ? { note: input.note } : {}),
    lines: input.lines.map((l) => ({ ...l, received: 0 })),
    status: 'OPEN',
    createdBy: u.principal.userId,
    version: 1,
  };
  u.writes.create(keys.purchaseOrder(po.id), po);
  return po;
}
