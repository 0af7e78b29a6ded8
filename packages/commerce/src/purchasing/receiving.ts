import { msg, ACCOUNTS, BusinessRuleError, InvalidStateError, NotFoundError, ValidationError, parseInput, positiveRupiah, text, z, update } from '@kkmp/plugin-sdk';
import { supplierPaymentAccount } from '../accounts';
import type { WriteCtx } from '../context';
import { keys } from '../model/keys';
import { SUPPLIER_PAYMENTS, purchaseOrderSchema, type GoodsReceipt, type PurchaseOrder, type Supplier } from '../model/purchasing';
import { documentNumber } from '../numbers';
import { recordMovements } from '../stock/movements';
import { checkStockedLines, quantity } from './orders';
import { loadSupplier } from './suppliers';

export const receiveInput = z.object({
  invoiceNumber: text(60).optional().nullable(),
  payment: z.enum(SUPPLIER_PAYMENTS),
  /** A city-brokered supply agreement the purchase is made under (checked and counted by the books). */
  supplyAgreementId: z.string().optional().nullable(),
  lines: z
    .array(z.object({ productId: z.string(), quantity, unitCost: positiveRupiah }))
    .min(1, msg('needs at least one line', 'perlu paling sedikit satu baris'))
    .max(40, msg('at most 40 lines per receipt', 'paling banyak 40 baris per penerimaan')),
});

type ReceiptLine = GoodsReceipt['lines'][number];

/**
 * Goods received (with or without an order): stock and its cost value grow, the moving average
 * changes (so the cost epoch moves on), and the books get Dr Persediaan, Cr cash/bank or Utang usaha.
 */
export async function receiveGoods(u: WriteCtx, target: { supplierId?: string; purchaseOrderId?: string }, raw: unknown): Promise<GoodsReceipt> {
  const input = parseInput(receiveInput, raw);
  const po = target.purchaseOrderId ? await openOrder(u, target.purchaseOrderId) : undefined;
  if (po && target.supplierId && target.supplierId !== po.supplierId) throw ValidationError.field('input.supplierId', 'is not the supplier of this order', 'bukan pemasok pesanan ini');
  const supplierId = po?.supplierId ?? target.supplierId;
  if (!supplierId) throw ValidationError.field('input.supplierId', 'name the supplier or the purchase order', 'sebutkan pemasok atau pesanannya');
  const supplier = await loadSupplier(u, supplierId, 'input.supplierId');
  await checkStockedLines(u, input.lines, { en: 'receipt', id: 'penerimaan' });
  const lines = input.lines.map((l, i) => receiveLine(u, l, i, po));
  const total = lines.reduce((s, l) => s + l.amount, 0);
  if (po) fillOrder(u, po, lines);
  if (input.payment === 'CREDIT') u.writes.update(keys.supplier(supplier.id), update().add('payable', total));
  const draft: Omit<GoodsReceipt, 'entryId'> = {
    id: u.newId(),
    number: await documentNumber(u, 'GR'),
    date: u.businessDate,
    supplierId: supplier.id,
    ...(po ? { purchaseOrderId: po.id } : {}),
    ...(input.invoiceNumber ? { invoiceNumber: input.invoiceNumber } : {}),
    ...(input.supplyAgreementId ? { supplyAgreementId: input.supplyAgreementId } : {}),
    payment: input.payment,
    lines,
    total,
    receivedBy: u.principal.userId,
    at: u.now().toISOString(),
  };
  const receipt: GoodsReceipt = { ...draft, entryId: await postReceipt(u, draft, supplier) };
  u.writes.create(keys.receipt(receipt.date, receipt.id), receipt);
  recordMovements(
    u,
    receipt.id,
    lines.map((l) => ({ productId: l.productId, at: receipt.at, date: receipt.date, kind: 'RECEIPT', documentId: receipt.id, documentNumber: receipt.number, quantity: l.quantity, value: l.amount })),
  );
  return receipt;
}

async function openOrder(u: WriteCtx, id: string): Promise<PurchaseOrder> {
  const po = await u.store.get(purchaseOrderSchema, ...keys.purchaseOrder(id));
  if (!po) throw new NotFoundError('PurchaseOrder', id, 'input.purchaseOrderId');
  if (po.status === 'RECEIVED' || po.status === 'CANCELLED') {
    throw new InvalidStateError(`purchase order ${po.number} is ${po.status.toLowerCase()}`, `pesanan ${po.number} sudah ${po.status === 'RECEIVED' ? 'diterima penuh' : 'dibatalkan'}`);
  }
  return po;
}

/** One line in: checked against the order, then stock and its value up (the average moves: new epoch). */
function receiveLine(u: WriteCtx, l: { productId: string; quantity: number; unitCost: number }, i: number, po: PurchaseOrder | undefined): ReceiptLine {
  const field = `input.lines.${i}`;
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
  return { productId: l.productId, quantity: l.quantity, unitCost: l.unitCost, amount };
}

function fillOrder(u: WriteCtx, po: PurchaseOrder, lines: ReceiptLine[]): void {
  const next: PurchaseOrder = {
    ...po,
    lines: po.lines.map((x) => ({ ...x, received: x.received + (lines.find((l) => l.productId === x.productId)?.quantity ?? 0) })),
    version: po.version + 1,
  };
  next.status = next.lines.every((x) => x.received >= x.quantity) ? 'RECEIVED' : 'PARTIALLY_RECEIVED';
  u.writes.replace(keys.purchaseOrder(po.id), next, po.version);
}

async function postReceipt(u: WriteCtx, receipt: Omit<GoodsReceipt, 'entryId'>, supplier: Supplier): Promise<string> {
  const { entryId } = await u.post({
    memo: `Penerimaan barang ${receipt.number} dari ${supplier.name}${receipt.invoiceNumber ? `, faktur ${receipt.invoiceNumber}` : ''}`,
    documentId: receipt.id,
    ...(receipt.supplyAgreementId ? { supplyAgreement: { id: receipt.supplyAgreementId, amount: receipt.total } } : {}),
    lines: [
      { account: ACCOUNTS.inventory, debit: receipt.total },
      { account: supplierPaymentAccount(receipt.payment), credit: receipt.total },
    ],
  });
  return entryId;
}
