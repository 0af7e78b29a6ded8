import { BusinessRuleError, InvalidStateError, NotFoundError, ValidationError, isoDate, parseInput, positiveRupiah, text } from '@kkmp/plugin-sdk';
import { cond, msg, update, z } from '@kkmp/plugin-sdk';
import type { WriteCtx } from './context';
import { ACCOUNTS, supplierPaymentAccount } from './accounts';
import { loadProduct } from './catalog';
import { SUPPLIER_PAYMENTS, keys, purchaseOrderSchema, supplierSchema, type GoodsReceipt, type Movement, type PurchaseOrder, type Supplier } from './items';
import { recordMovements } from './movements';
import { documentNumber } from './numbers';

/** Partners the program names; OTHER for anyone else (a local wholesaler, a BUMD). */
export const SUPPLIER_KINDS = ['BULOG', 'ID_FOOD', 'PERTAMINA', 'PUPUK_INDONESIA', 'BUMD', 'OTHER'] as const;

const quantity = z.number().int(msg('must be a whole number', 'harus bilangan bulat')).min(1, msg('must be at least 1', 'paling sedikit 1'));

export const createSupplierInput = z.object({
  name: text(120),
  kind: z.enum(SUPPLIER_KINDS),
  contact: text(120).optional().nullable(),
  phone: text(30).optional().nullable(),
});

export async function createSupplier(u: WriteCtx, raw: unknown): Promise<Supplier> {
  const input = parseInput(createSupplierInput, raw);
  const supplier: Supplier = {
    id: u.newId(),
    name: input.name,
    kind: input.kind,
    ...(input.contact ? { contact: input.contact } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    payable: 0,
    createdAt: u.now().toISOString(),
  };
  u.writes.create(keys.supplier(supplier.id), supplier);
  return supplier;
}

async function loadSupplier(u: WriteCtx, id: string, field: string): Promise<Supplier> {
  const s = await u.store.get(supplierSchema, ...keys.supplier(id));
  if (!s) throw new NotFoundError('Supplier', id, field);
  return s;
}

export const purchaseOrderInput = z.object({
  expectedOn: isoDate.optional().nullable(),
  note: text(300).optional().nullable(),
  lines: z
    .array(z.object({ productId: z.string(), quantity, unitCost: positiveRupiah }))
    .min(1, msg('needs at least one line', 'perlu paling sedikit satu baris'))
    .max(80, msg('at most 80 lines', 'paling banyak 80 baris')),
});

export async function createPurchaseOrder(u: WriteCtx, supplierId: string, raw: { lines: { productId: string }[] } & Record<string, unknown>): Promise<PurchaseOrder> {
  const input = parseInput(purchaseOrderInput, raw);
  await loadSupplier(u, supplierId, 'input.supplierId');
  const seen = new Set<string>();
  for (const [i, l] of input.lines.entries()) {
    if (seen.has(l.productId)) throw ValidationError.field(`input.lines.${i}.productId`, 'this product is already on the order', 'produk ini sudah ada di pesanan');
    seen.add(l.productId);
    const product = await loadProduct(u, l.productId, `input.lines.${i}.productId`);
    if (!product.stocked) throw ValidationError.field(`input.lines.${i}.productId`, 'this product is not kept in stock', 'produk ini tidak disimpan sebagai stok');
  }
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

export const receiveInput = z.object({
  invoiceNumber: text(60).optional().nullable(),
  payment: z.enum(SUPPLIER_PAYMENTS),
  lines: z
    .array(z.object({ productId: z.string(), quantity, unitCost: positiveRupiah }))
    .min(1, msg('needs at least one line', 'perlu paling sedikit satu baris'))
    .max(40, msg('at most 40 lines per receipt', 'paling banyak 40 baris per penerimaan')),
});

/**
 * Goods received (with or without an order): stock and its cost value grow, the moving average
 * changes (so the cost epoch moves on), and the books get Dr Persediaan, Cr cash/bank or Utang usaha.
 */
export async function receiveGoods(
  u: WriteCtx,
  target: { supplierId?: string; purchaseOrderId?: string },
  raw: unknown,
): Promise<GoodsReceipt> {
  const input = parseInput(receiveInput, raw);
  let po: PurchaseOrder | undefined;
  let supplierId = target.supplierId;
  if (target.purchaseOrderId) {
    po = await u.store.get(purchaseOrderSchema, ...keys.purchaseOrder(target.purchaseOrderId));
    if (!po) throw new NotFoundError('PurchaseOrder', target.purchaseOrderId, 'input.purchaseOrderId');
    if (po.status === 'RECEIVED' || po.status === 'CANCELLED') {
      throw new InvalidStateError(`purchase order ${po.number} is ${po.status.toLowerCase()}`, `pesanan ${po.number} sudah ${po.status === 'RECEIVED' ? 'diterima penuh' : 'dibatalkan'}`);
    }
    if (supplierId && supplierId !== po.supplierId) throw ValidationError.field('input.supplierId', 'is not the supplier of this order', 'bukan pemasok pesanan ini');
    supplierId = po.supplierId;
  }
  if (!supplierId) throw ValidationError.field('input.supplierId', 'name the supplier or the purchase order', 'sebutkan pemasok atau pesanannya');
  const supplier = await loadSupplier(u, supplierId, 'input.supplierId');
  const seen = new Set<string>();
  const id = u.newId();
  const at = u.now().toISOString();
  const date = u.businessDate;
  const lines: GoodsReceipt['lines'] = [];
  const movements: Movement[] = [];
  for (const [i, l] of input.lines.entries()) {
    const field = `input.lines.${i}`;
    if (seen.has(l.productId)) throw ValidationError.field(`${field}.productId`, 'this product is already on the receipt', 'produk ini sudah ada di penerimaan');
    seen.add(l.productId);
    const product = await loadProduct(u, l.productId, `${field}.productId`);
    if (!product.stocked) throw ValidationError.field(`${field}.productId`, 'this product is not kept in stock', 'produk ini tidak disimpan sebagai stok');
    const amount = l.quantity * l.unitCost;
    if (!Number.isSafeInteger(amount)) throw ValidationError.field(`${field}.quantity`, 'the amount is too large', 'jumlahnya terlalu besar');
    if (po) {
      const line = po.lines.find((x) => x.productId === l.productId);
      if (!line) throw ValidationError.field(`${field}.productId`, `is not on purchase order ${po.number}`, `tidak ada di pesanan ${po.number}`);
      if (line.received + l.quantity > line.quantity) {
        throw new BusinessRuleError('OVER_RECEIPT', `only ${line.quantity - line.received} more were ordered`, `yang dipesan tinggal ${line.quantity - line.received}`, {
          field: `${field}.quantity`,
          details: { ordered: line.quantity, received: line.received },
        });
      }
    }
    u.writes.update(keys.stock(l.productId), update().set('productId', l.productId).set('lastUnitCost', l.unitCost).add('quantity', l.quantity).add('value', amount).add('costEpoch', 1));
    lines.push({ productId: l.productId, quantity: l.quantity, unitCost: l.unitCost, amount });
    movements.push({ productId: l.productId, at, date, kind: 'RECEIPT', documentId: id, documentNumber: '', quantity: l.quantity, value: amount });
  }
  const total = lines.reduce((s, l) => s + l.amount, 0);
  if (po) {
    const next = {
      ...po,
      lines: po.lines.map((x) => ({ ...x, received: x.received + (lines.find((l) => l.productId === x.productId)?.quantity ?? 0) })),
      version: po.version + 1,
    };
    next.status = next.lines.every((x) => x.received >= x.quantity) ? 'RECEIVED' : 'PARTIALLY_RECEIVED';
    u.writes.replace(keys.purchaseOrder(po.id), next, po.version);
  }
  if (input.payment === 'CREDIT') {
    u.writes.update(keys.supplier(supplier.id), update().add('payable', total));
  }
  const number = await documentNumber(u, 'GR');
  const { entryId } = await u.post({
    memo: `Penerimaan barang ${number} dari ${supplier.name}${input.invoiceNumber ? `, faktur ${input.invoiceNumber}` : ''}`,
    documentId: id,
    lines: [
      { account: ACCOUNTS.inventory, debit: total },
      { account: supplierPaymentAccount(input.payment), credit: total },
    ],
  });
  const receipt: GoodsReceipt = {
    id,
    number,
    date,
    supplierId: supplier.id,
    ...(po ? { purchaseOrderId: po.id } : {}),
    ...(input.invoiceNumber ? { invoiceNumber: input.invoiceNumber } : {}),
    payment: input.payment,
    lines,
    total,
    entryId,
    receivedBy: u.principal.userId,
    at,
  };
  u.writes.create(keys.receipt(date, id), receipt);
  recordMovements(u, id, movements.map((m) => ({ ...m, documentNumber: number })));
  return receipt;
}

export const paySupplierInput = z.object({ amount: positiveRupiah, method: z.enum(['CASH', 'BANK_TRANSFER']), reference: text(100).optional().nullable() });

/** Pays what the cooperative owes a supplier: Dr Utang usaha, Cr cash or bank; never more than is owed. */
export async function paySupplier(u: WriteCtx, supplierId: string, raw: unknown): Promise<Supplier> {
  const input = parseInput(paySupplierInput, raw);
  const supplier = await loadSupplier(u, supplierId, 'input.supplierId');
  if (input.amount > supplier.payable) {
    throw new BusinessRuleError('OVERPAYMENT', `only Rp${supplier.payable} is owed to ${supplier.name}`, `utang ke ${supplier.name} tinggal Rp${supplier.payable}`, {
      field: 'input.amount',
      details: { payable: supplier.payable },
    });
  }
  u.writes.update(keys.supplier(supplierId), update().add('payable', -input.amount), cond.ge('payable', input.amount));
  await u.post({
    memo: `Pembayaran ke ${supplier.name}${input.reference ? ` (${input.reference})` : ''}`,
    documentId: u.newId(),
    lines: [
      { account: ACCOUNTS.payables, debit: input.amount },
      { account: supplierPaymentAccount(input.method), credit: input.amount },
    ],
  });
  return { ...supplier, payable: supplier.payable - input.amount };
}

