import { encodeId, type Builder } from '@kkmp/plugin-sdk';
import { PURCHASE_ORDER_STATUSES, SUPPLIER_KINDS, SUPPLIER_PAYMENTS, type GoodsReceipt, type PurchaseOrder, type Supplier } from '../../model/purchasing';
import { values } from './describe';

type Of<T> = T & { idPrefix: string };

/** Suppliers and the enums of purchasing. */
function supplierTypes(b: Builder) {
  const SupplierPayment = b.enumType('CommerceSupplierPayment', {
    description: 'How goods received are paid.',
    values: values(SUPPLIER_PAYMENTS, { CASH: 'Paid in cash on receipt.', BANK_TRANSFER: 'Paid by bank transfer on receipt.', CREDIT: 'Owed to the supplier (utang usaha), paid later.' }),
  });
  const SupplierKind = b.enumType('CommerceSupplierKind', {
    description: 'Kind of supplier (business-matching partner).',
    values: values(SUPPLIER_KINDS, {
      BULOG: 'Perum Bulog.',
      ID_FOOD: 'ID Food (RNI).',
      PERTAMINA: 'Pertamina Patra Niaga or its LPG agent.',
      PUPUK_INDONESIA: 'Pupuk Indonesia or its distributor.',
      BUMD: 'A regional state company (BUMD).',
      OTHER: 'Any other supplier.',
    }),
  });
  const PurchaseOrderStatus = b.enumType('CommercePurchaseOrderStatus', {
    description: 'State of a purchase order.',
    values: values(PURCHASE_ORDER_STATUSES, { OPEN: 'Ordered, nothing received yet.', PARTIALLY_RECEIVED: 'Some goods received.', RECEIVED: 'Everything received.', CANCELLED: 'Cancelled.' }),
  });
  const SupplierRef = b.objectRef<Of<Supplier>>('CommerceSupplier').implement({
    description: 'A supplier or business-matching partner (Bulog, ID Food, an agent).',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (s) => encodeId(`${s.idPrefix}Supplier`, s.id) }),
      name: t.exposeString('name', { description: 'Name.' }),
      kind: t.expose('kind', { type: SupplierKind, description: 'Kind of partner.' }),
      contact: t.exposeString('contact', { nullable: true, description: 'Contact person.' }),
      phone: t.exposeString('phone', { nullable: true, description: 'Phone.' }),
      payable: t.expose('payable', { type: 'Rupiah', description: 'What the cooperative owes this supplier (utang usaha).' }),
    }),
  });
  return { SupplierPayment, SupplierKind, PurchaseOrderStatus, SupplierRef };
}

/** Types of the purchasing module, shared by every shop unit that buys stock. */
export function purchasingTypes(b: Builder) {
  const { SupplierPayment, SupplierKind, PurchaseOrderStatus, SupplierRef } = supplierTypes(b);
  const OrderLine = b.objectRef<Of<PurchaseOrder['lines'][number]>>('CommercePurchaseOrderLine').implement({
    description: 'One line of a purchase order.',
    fields: (t) => ({
      productId: t.id({ description: 'The product.', resolve: (l) => encodeId(`${l.idPrefix}Product`, l.productId) }),
      quantity: t.exposeInt('quantity', { description: 'Selling units ordered.' }),
      unitCost: t.expose('unitCost', { type: 'Rupiah', description: 'Agreed cost per selling unit.' }),
      received: t.exposeInt('received', { description: 'Selling units received so far.' }),
    }),
  });
  const PurchaseOrderRef = b.objectRef<Of<PurchaseOrder>>('CommercePurchaseOrder').implement({
    description: 'A purchase order to a supplier.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (p) => encodeId(`${p.idPrefix}PurchaseOrder`, p.id) }),
      number: t.exposeString('number', { description: 'Order number, e.g. PO-20260316-0001.' }),
      supplierId: t.id({ description: 'The supplier.', resolve: (p) => encodeId(`${p.idPrefix}Supplier`, p.supplierId) }),
      orderedOn: t.expose('orderedOn', { type: 'Date', description: 'Order date.' }),
      expectedOn: t.expose('expectedOn', { type: 'Date', nullable: true, description: 'Expected delivery.' }),
      note: t.exposeString('note', { nullable: true, description: 'Note.' }),
      status: t.expose('status', { type: PurchaseOrderStatus, description: 'State.' }),
      lines: t.field({ type: [OrderLine], description: 'Lines.', resolve: (p) => p.lines.map((l) => ({ ...l, idPrefix: p.idPrefix })) }),
      total: t.field({ type: 'Rupiah', description: 'Ordered value.', resolve: (p) => p.lines.reduce((s, l) => s + l.quantity * l.unitCost, 0) }),
    }),
  });
  const ReceiptLine = b.objectRef<Of<GoodsReceipt['lines'][number]>>('CommerceGoodsReceiptLine').implement({
    description: 'One line of goods received.',
    fields: (t) => ({
      productId: t.id({ description: 'The product.', resolve: (l) => encodeId(`${l.idPrefix}Product`, l.productId) }),
      quantity: t.exposeInt('quantity', { description: 'Selling units received.' }),
      unitCost: t.expose('unitCost', { type: 'Rupiah', description: 'Cost per selling unit.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'quantity × unitCost.' }),
    }),
  });
  const GoodsReceiptRef = b.objectRef<Of<GoodsReceipt>>('CommerceGoodsReceipt').implement({
    description: 'Goods received from a supplier (penerimaan barang).',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (r) => encodeId(`${r.idPrefix}GoodsReceipt`, r.date, r.id) }),
      number: t.exposeString('number', { description: 'Receipt number, e.g. GR-20260316-0001.' }),
      date: t.expose('date', { type: 'Date', description: 'Day received.' }),
      supplierId: t.id({ description: 'The supplier.', resolve: (r) => encodeId(`${r.idPrefix}Supplier`, r.supplierId) }),
      purchaseOrderId: t.id({ nullable: true, description: 'The order it fills, if any.', resolve: (r) => (r.purchaseOrderId ? encodeId(`${r.idPrefix}PurchaseOrder`, r.purchaseOrderId) : null) }),
      invoiceNumber: t.exposeString('invoiceNumber', { nullable: true, description: "Supplier's invoice number." }),
      payment: t.expose('payment', { type: SupplierPayment, description: 'How it is paid.' }),
      lines: t.field({ type: [ReceiptLine], description: 'Lines.', resolve: (r) => r.lines.map((l) => ({ ...l, idPrefix: r.idPrefix })) }),
      total: t.expose('total', { type: 'Rupiah', description: 'Total cost.' }),
    }),
  });
  const PurchaseLineInput = b.inputType('CommercePurchaseLineInput', {
    description: 'A line of an order or of goods received.',
    fields: (t) => ({
      productId: t.id({ description: 'Product id.' }),
      quantity: t.int({ description: 'Selling units.' }),
      unitCost: t.field({ type: 'Rupiah', description: 'Cost per selling unit, whole rupiah.' }),
    }),
  });
  return { SupplierPayment, SupplierKind, Supplier: SupplierRef, PurchaseOrder: PurchaseOrderRef, GoodsReceipt: GoodsReceiptRef, PurchaseLineInput };
}

export type PurchasingTypes = ReturnType<typeof purchasingTypes>;
