import { ValidationError, decodeId, pageRequest } from '@kkmp/plugin-sdk';
import { keys } from '../model/keys';
import { purchaseOrderSchema, supplierSchema } from '../model/purchasing';
import { createPurchaseOrder } from '../purchasing/orders';
import { receiveGoods } from '../purchasing/receiving';
import { createSupplier, paySupplier } from '../purchasing/suppliers';
import type { Shop } from './shop';

/** The purchasing module: suppliers, purchase orders, goods received and supplier payments. */
export function registerPurchasing<S>(shop: Shop<S>): void {
  registerSuppliers(shop);
  registerOrders(shop);
}

function registerSuppliers<S>({ unit, perm, kit, id }: Shop<S>): void {
  const { Supplier, SupplierKind, SupplierPayment } = kit.purchasing();
  const idPrefix = unit.typePrefix;
  unit.query('suppliers', {
    type: [Supplier],
    description: 'Suppliers and partners, with what is owed to each.',
    permission: perm.read,
    resolve: async (_args, u) => (await u.store.all(supplierSchema, keys.supplierPrefix)).map((s) => ({ ...s, idPrefix })),
  });
  unit.mutation('createSupplier', {
    type: Supplier,
    description: 'Adds a supplier or partner.',
    permission: perm.manage,
    input: (t) => ({
      name: t.string({ description: 'Name.' }),
      kind: t.field({ type: SupplierKind, description: 'Kind of partner.' }),
      contact: t.string({ required: false, description: 'Contact person.' }),
      phone: t.string({ required: false, description: 'Phone.' }),
    }),
    resolve: async (input, u) => ({ ...(await createSupplier(u, input)), idPrefix }),
  });
  unit.mutation('paySupplier', {
    type: Supplier,
    description: 'Pays what is owed to a supplier: Dr Utang usaha, Cr Kas/Bank.',
    permission: perm.manage,
    businessEvent: true,
    input: (t) => ({
      supplierId: t.id({ description: 'Supplier id.' }),
      amount: t.field({ type: 'Rupiah', description: 'Amount paid.' }),
      method: t.field({ type: SupplierPayment, description: 'CASH or BANK_TRANSFER.' }),
      reference: t.string({ required: false, description: 'Transfer reference.' }),
    }),
    resolve: async ({ supplierId, method, ...rest }, u) => {
      if (method === 'CREDIT') throw ValidationError.field('input.method', 'a payment is cash or a bank transfer', 'pembayaran harus tunai atau transfer');
      return { ...(await paySupplier(u, id(supplierId, 'Supplier', 'input.supplierId'), { ...rest, method })), idPrefix };
    },
  });
}

function registerOrders<S>({ unit, perm, kit, id }: Shop<S>): void {
  const { PurchaseOrder, GoodsReceipt, SupplierPayment, PurchaseLineInput } = kit.purchasing();
  const idPrefix = unit.typePrefix;
  const decodeLines = <L extends { productId: string | number }>(lines: L[]) => lines.map((l, i) => ({ ...l, productId: id(l.productId, 'Product', `input.lines.${i}.productId`) }));
  unit.query('purchaseOrders', {
    type: [PurchaseOrder],
    description: 'Purchase orders, newest first (up to 100).',
    permission: perm.read,
    args: (t) => ({ first: t.int({ required: false, description: 'How many (1-100, default 50).' }) }),
    resolve: async (args, u) => (await u.store.page(purchaseOrderSchema, keys.purchaseOrderPrefix, { ...pageRequest(args), descending: true })).items.map((p) => ({ ...p, idPrefix })),
  });
  unit.mutation('createPurchaseOrder', {
    type: PurchaseOrder,
    description: 'Orders goods from a supplier (no stock or books change until they are received).',
    permission: perm.manage,
    businessEvent: false,
    input: (t) => ({
      supplierId: t.id({ description: 'Supplier id.' }),
      expectedOn: t.field({ type: 'Date', required: false, description: 'Expected delivery.' }),
      note: t.string({ required: false, description: 'Note.' }),
      lines: t.field({ type: [PurchaseLineInput], description: 'What to order.' }),
    }),
    resolve: async ({ supplierId, lines, ...rest }, u) => ({
      ...(await createPurchaseOrder(u, id(supplierId, 'Supplier', 'input.supplierId'), { ...rest, lines: decodeLines(lines) })),
      idPrefix,
    }),
  });
  unit.mutation('receiveGoods', {
    type: GoodsReceipt,
    description: 'Goods received (against an order or not): stock and moving-average cost change; Dr Persediaan, Cr Kas/Bank/Utang usaha.',
    permission: perm.manage,
    businessEvent: true,
    input: (t) => ({
      purchaseOrderId: t.id({ required: false, description: 'The order it fills, if any.' }),
      supplierId: t.id({ required: false, description: 'Supplier id (required without an order).' }),
      invoiceNumber: t.string({ required: false, description: "Supplier's invoice number." }),
      payment: t.field({ type: SupplierPayment, description: 'Paid now (cash, transfer) or owed (credit).' }),
      lines: t.field({ type: [PurchaseLineInput], description: 'What arrived.' }),
      supplyAgreementId: t.id({ required: false, description: "A supply agreement the city brokered (City.supplyAgreements) this purchase is made under: the agreement's volume grows by the receipt's total." }),
    }),
    resolve: async ({ purchaseOrderId, supplierId, lines, supplyAgreementId, ...rest }, u) => {
      const target = {
        ...(purchaseOrderId ? { purchaseOrderId: id(purchaseOrderId, 'PurchaseOrder', 'input.purchaseOrderId') } : {}),
        ...(supplierId ? { supplierId: id(supplierId, 'Supplier', 'input.supplierId') } : {}),
      };
      const agreement = supplyAgreementId ? { supplyAgreementId: decodeId(supplyAgreementId, 'SupplyAgreement', 'input.supplyAgreementId', 2)[1] } : {};
      return { ...(await receiveGoods(u, target, { ...rest, ...agreement, lines: decodeLines(lines) })), idPrefix };
    },
  });
}
