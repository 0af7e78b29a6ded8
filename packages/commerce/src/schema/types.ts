import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId } from '@kkmp/plugin-sdk';
import { averageCost } from '../costing';
import {
  CUSTOMER_CLASSES,
  MOVEMENT_KINDS,
  PAYMENT_METHODS,
  SUPPLIER_PAYMENTS,
  UNITS_OF_MEASURE,
  type Ceiling,
  type GoodsReceipt,
  type Movement,
  type Price,
  type Product,
  type PurchaseOrder,
  type Sale,
  type SaleLine,
  type StockCount,
  type StockLevel,
  type Supplier,
} from '../items';
import { SUPPLIER_KINDS } from '../purchasing';
import { ceilingOn, ceilingPerPack, priceOn } from '../pricing';
import { receiptText } from '../receipt';

/** A product as answered: with its stock and the day and region its prices are read for. */
export interface ProductView extends Product {
  stock?: StockLevel;
  on: string;
  region: string | undefined;
}

/** A sale as answered: with the cooperative it belongs to (receipt header). */
export interface SaleView extends Sale {
  coopId: string;
  coopName: string;
  timeZone: 'WIB' | 'WITA' | 'WIT';
}

const values = <T extends string>(list: readonly T[], describe: (v: T) => string) =>
  Object.fromEntries(list.map((v) => [v, { description: describe(v) }])) as Record<T, { description: string }>;

const UOM: Record<string, string> = { GRAM: 'Grams (rice, sugar, flour, fertilizer).', MILLILITRE: 'Millilitres (cooking oil, water).', PIECE: 'Pieces (eggs, LPG cylinders, gallons).' };
const CLASS: Record<string, string> = { MEMBER: 'A member of the cooperative (anggota): member price, counts for SHU jasa usaha.', NON_MEMBER: 'The public (non-anggota).' };
const PAY: Record<string, string> = {
  CASH: 'Cash (tunai).',
  QRIS: 'QRIS payment; settles into the bank account.',
  BANK_TRANSFER: 'Bank transfer.',
  MEMBER_CREDIT: "On the member's account (piutang anggota); members only.",
};
const SUPPAY: Record<string, string> = { CASH: 'Paid in cash on receipt.', BANK_TRANSFER: 'Paid by bank transfer on receipt.', CREDIT: 'Owed to the supplier (utang usaha), paid later.' };
const KIND: Record<string, string> = {
  BULOG: 'Perum Bulog.',
  ID_FOOD: 'ID Food (RNI).',
  PERTAMINA: 'Pertamina Patra Niaga or its LPG agent.',
  PUPUK_INDONESIA: 'Pupuk Indonesia or its distributor.',
  BUMD: 'A regional state company (BUMD).',
  OTHER: 'Any other supplier.',
};
const MOVE: Record<string, string> = { RECEIPT: 'Goods received.', SALE: 'Sold.', VOID: 'A voided sale returned to stock.', COUNT: 'Stock count adjustment (opname).' };

export function commerceTypes(b: Builder, prefix: string) {
  const T = (name: string) => `${prefix}${name}`;
  const UnitOfMeasure = b.enumType(T('UnitOfMeasure'), { description: 'Base unit a product is measured in.', values: values(UNITS_OF_MEASURE, (v) => UOM[v]!) });
  const CustomerClass = b.enumType(T('CustomerClass'), { description: 'Who buys: members pay member prices.', values: values(CUSTOMER_CLASSES, (v) => CLASS[v]!) });
  const PaymentMethod = b.enumType(T('PaymentMethod'), { description: 'How a sale is paid.', values: values(PAYMENT_METHODS, (v) => PAY[v]!) });
  const SupplierPayment = b.enumType(T('SupplierPayment'), { description: 'How goods received are paid.', values: values(SUPPLIER_PAYMENTS, (v) => SUPPAY[v]!) });
  const SupplierKind = b.enumType(T('SupplierKind'), { description: 'Kind of supplier (business-matching partner).', values: values(SUPPLIER_KINDS, (v) => KIND[v]!) });
  const MovementKind = b.enumType(T('MovementKind'), { description: 'What moved stock.', values: values(MOVEMENT_KINDS, (v) => MOVE[v]!) });
  const SaleStatus = b.enumType(T('SaleStatus'), { description: 'State of a sale.', values: { COMPLETED: { description: 'Sold and paid.' }, VOIDED: { description: 'Voided by reversal; kept for the record.' } } });
  const PurchaseOrderStatus = b.enumType(T('PurchaseOrderStatus'), {
    description: 'State of a purchase order.',
    values: {
      OPEN: { description: 'Ordered, nothing received yet.' },
      PARTIALLY_RECEIVED: { description: 'Some goods received.' },
      RECEIVED: { description: 'Everything received.' },
      CANCELLED: { description: 'Cancelled.' },
    },
  });

  const PriceRef = b.objectRef<Price>(T('Price')).implement({
    description: 'A selling price per selling unit for a customer class, from a date.',
    fields: (t) => ({
      customerClass: t.expose('customerClass', { type: CustomerClass, description: 'Who pays it.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Price per selling unit, whole rupiah.' }),
      effectiveFrom: t.expose('effectiveFrom', { type: 'Date', description: "First day it applies (cooperative's time zone)." }),
    }),
  });

  const CeilingRef = b.objectRef<Ceiling & { packSize: number }>(T('CeilingPrice')).implement({
    description: 'A price ceiling (HET, harga eceran tertinggi) set by decree for a region, from a date.',
    fields: (t) => ({
      region: t.exposeString('region', { description: 'Region code it applies to ("*" = everywhere without its own).' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Ceiling per `perQuantity` base units, whole rupiah.' }),
      perQuantity: t.exposeInt('perQuantity', { description: 'Base units the amount is for (1000 = per kg when measured in grams).' }),
      perSellingUnit: t.field({ type: 'Rupiah', description: 'The ceiling for one selling unit of this product.', resolve: (c) => ceilingPerPack(c.packSize, c) }),
      effectiveFrom: t.expose('effectiveFrom', { type: 'Date', description: 'First day it applies.' }),
      reference: t.exposeString('reference', { description: 'The decree or letter that sets it.' }),
    }),
  });

  const StockRef = b.objectRef<StockLevel>(T('Stock')).implement({
    description: 'Stock on hand and its cost (moving average).',
    fields: (t) => ({
      quantity: t.exposeInt('quantity', { description: 'Selling units on hand.' }),
      value: t.expose('value', { type: 'Rupiah', description: 'Cost value of the stock, whole rupiah.' }),
      averageCost: t.field({ type: 'Rupiah', description: 'Moving-average cost per selling unit, rounded to whole rupiah.', resolve: (s) => averageCost(s) }),
    }),
  });

  const ProductRef = b.objectRef<ProductView>(T('Product')).implement({
    description: 'A product of the catalog, sold in a selling unit (a 5 kg pack, a litre, a cylinder).',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (p) => encodeId(T('Product'), p.id) }),
      sku: t.exposeString('sku', { description: 'Stock-keeping code, unique in the unit.' }),
      name: t.exposeString('name', { description: 'Name on the shelf and the receipt.' }),
      category: t.exposeString('category', { nullable: true, description: 'Category, free text.' }),
      unitOfMeasure: t.expose('unitOfMeasure', { type: UnitOfMeasure, description: 'Base unit of the content.' }),
      packSize: t.exposeInt('packSize', { description: 'Base units in one selling unit (5000 g for a 5 kg pack).' }),
      packName: t.exposeString('packName', { description: 'Name of the selling unit, e.g. "pak 5 kg".' }),
      stocked: t.exposeBoolean('stocked', { description: 'Kept in stock; false for what is made at the counter (a refill).' }),
      reorderLevel: t.exposeInt('reorderLevel', { description: 'Reorder when stock falls to this many selling units or fewer.' }),
      active: t.exposeBoolean('active', { description: 'On sale; inactive products stay for history.' }),
      memberPrice: t.field({ type: 'Rupiah', nullable: true, description: 'Member price today (falls back to the public price).', resolve: (p) => priceOn(p, 'MEMBER', p.on)?.amount ?? null }),
      nonMemberPrice: t.field({ type: 'Rupiah', nullable: true, description: 'Public price today.', resolve: (p) => priceOn(p, 'NON_MEMBER', p.on)?.amount ?? null }),
      ceilingPrice: t.field({
        type: CeilingRef,
        nullable: true,
        description: "The price ceiling (HET) in force today for the cooperative's region, if any.",
        resolve: (p) => {
          const c = ceilingOn(p, p.region, p.on);
          return c ? { ...c, packSize: p.packSize } : null;
        },
      }),
      prices: t.field({ type: [PriceRef], description: 'Every price set, newest first (history and scheduled changes).', resolve: (p) => [...p.prices].sort((a, z) => (a.effectiveFrom < z.effectiveFrom ? 1 : -1)) }),
      ceilings: t.field({
        type: [CeilingRef],
        description: 'Every price ceiling recorded, newest first.',
        resolve: (p) => [...p.ceilings].sort((a, z) => (a.effectiveFrom < z.effectiveFrom ? 1 : -1)).map((c) => ({ ...c, packSize: p.packSize })),
      }),
      stock: t.field({ type: StockRef, nullable: true, description: 'Stock on hand; null for unstocked products.', resolve: (p) => (p.stocked ? (p.stock ?? { productId: p.id, quantity: 0, value: 0, costEpoch: 0 }) : null) }),
    }),
  });

  const SaleLineRef = b.objectRef<SaleLine>(T('SaleLine')).implement({
    description: 'One line of a sale.',
    fields: (t) => ({
      productId: t.id({ description: 'The product.', resolve: (l) => encodeId(T('Product'), l.productId) }),
      sku: t.exposeString('sku', { description: 'SKU when sold.' }),
      name: t.exposeString('name', { description: 'Product name when sold.' }),
      packName: t.exposeString('packName', { description: 'Selling unit.' }),
      quantity: t.exposeInt('quantity', { description: 'Selling units sold.' }),
      unitPrice: t.expose('unitPrice', { type: 'Rupiah', description: 'Price per selling unit.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'quantity × unitPrice.' }),
      cost: t.expose('cost', { type: 'Rupiah', description: 'Cost of goods sold (moving average when sold).' }),
    }),
  });

  const SaleRef = b.objectRef<SaleView>(T('Sale')).implement({
    description: 'A sale at the counter; also the receipt (struk).',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (s) => encodeId(T('Sale'), s.date, s.id) }),
      number: t.exposeString('number', { description: 'Receipt number, e.g. SBK-20260316-0042 (a refused sale may leave a gap).' }),
      date: t.expose('date', { type: 'Date', description: "Business day in the cooperative's time zone." }),
      at: t.expose('at', { type: 'DateTime', description: 'When it was sold.' }),
      cooperativeName: t.exposeString('coopName', { description: 'Cooperative, for the receipt header.' }),
      customerClass: t.expose('customerClass', { type: CustomerClass, description: 'Member or public.' }),
      memberId: t.id({ nullable: true, description: 'The member who bought, if one.', resolve: (s) => (s.memberId ? encodeId('Member', s.coopId, s.memberId) : null) }),
      buyerName: t.exposeString('buyerName', { nullable: true, description: 'Buyer name, if given or a member.' }),
      buyerNikMasked: t.string({ nullable: true, description: "Buyer's NIK with the middle hidden (3273**********01), if recorded.", resolve: (s) => (s.buyerNik ? `${s.buyerNik.slice(0, 4)}${'*'.repeat(10)}${s.buyerNik.slice(14)}` : null) }),
      lines: t.field({ type: [SaleLineRef], description: 'Lines, one per product.', resolve: (s) => s.lines }),
      total: t.expose('total', { type: 'Rupiah', description: 'Total paid, whole rupiah.' }),
      cost: t.expose('cost', { type: 'Rupiah', description: 'Cost of goods sold; total - cost is the margin.' }),
      paymentMethod: t.expose('paymentMethod', { type: PaymentMethod, description: 'How it was paid.' }),
      tendered: t.expose('tendered', { type: 'Rupiah', nullable: true, description: 'Cash handed over.' }),
      change: t.expose('change', { type: 'Rupiah', nullable: true, description: 'Change given (kembalian).' }),
      cashierName: t.exposeString('cashierName', { nullable: true, description: 'Cashier (kasir).' }),
      status: t.expose('status', { type: SaleStatus, description: 'Completed or voided.' }),
      voidedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was voided.', resolve: (s) => s.voided?.at ?? null }),
      voidReason: t.string({ nullable: true, description: 'Why it was voided.', resolve: (s) => s.voided?.reason ?? null }),
      receiptText: t.string({ description: 'The receipt as plain text, 32 columns, for a thermal printer.', resolve: (s) => receiptText(s) }),
    }),
  });

  const SupplierRef = b.objectRef<Supplier>(T('Supplier')).implement({
    description: 'A supplier or business-matching partner (Bulog, ID Food, an agent).',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (s) => encodeId(T('Supplier'), s.id) }),
      name: t.exposeString('name', { description: 'Name.' }),
      kind: t.field({ type: SupplierKind, description: 'Kind of partner.', resolve: (s) => s.kind as (typeof SUPPLIER_KINDS)[number] }),
      contact: t.exposeString('contact', { nullable: true, description: 'Contact person.' }),
      phone: t.exposeString('phone', { nullable: true, description: 'Phone.' }),
      payable: t.expose('payable', { type: 'Rupiah', description: 'What the cooperative owes this supplier (utang usaha).' }),
    }),
  });

  const PoLineRef = b.objectRef<PurchaseOrder['lines'][number]>(T('PurchaseOrderLine')).implement({
    description: 'One line of a purchase order.',
    fields: (t) => ({
      productId: t.id({ description: 'The product.', resolve: (l) => encodeId(T('Product'), l.productId) }),
      quantity: t.exposeInt('quantity', { description: 'Selling units ordered.' }),
      unitCost: t.expose('unitCost', { type: 'Rupiah', description: 'Agreed cost per selling unit.' }),
      received: t.exposeInt('received', { description: 'Selling units received so far.' }),
    }),
  });

  const PurchaseOrderRef = b.objectRef<PurchaseOrder>(T('PurchaseOrder')).implement({
    description: 'A purchase order to a supplier.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (p) => encodeId(T('PurchaseOrder'), p.id) }),
      number: t.exposeString('number', { description: 'Order number, e.g. PO-20260316-0001.' }),
      supplierId: t.id({ description: 'The supplier.', resolve: (p) => encodeId(T('Supplier'), p.supplierId) }),
      orderedOn: t.expose('orderedOn', { type: 'Date', description: 'Order date.' }),
      expectedOn: t.expose('expectedOn', { type: 'Date', nullable: true, description: 'Expected delivery.' }),
      note: t.exposeString('note', { nullable: true, description: 'Note.' }),
      status: t.expose('status', { type: PurchaseOrderStatus, description: 'State.' }),
      lines: t.field({ type: [PoLineRef], description: 'Lines.', resolve: (p) => p.lines }),
      total: t.field({ type: 'Rupiah', description: 'Ordered value.', resolve: (p) => p.lines.reduce((s, l) => s + l.quantity * l.unitCost, 0) }),
    }),
  });

  const ReceiptLineRef = b.objectRef<GoodsReceipt['lines'][number]>(T('GoodsReceiptLine')).implement({
    description: 'One line of goods received.',
    fields: (t) => ({
      productId: t.id({ description: 'The product.', resolve: (l) => encodeId(T('Product'), l.productId) }),
      quantity: t.exposeInt('quantity', { description: 'Selling units received.' }),
      unitCost: t.expose('unitCost', { type: 'Rupiah', description: 'Cost per selling unit.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'quantity × unitCost.' }),
    }),
  });

  const GoodsReceiptRef = b.objectRef<GoodsReceipt>(T('GoodsReceipt')).implement({
    description: 'Goods received from a supplier (penerimaan barang).',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (r) => encodeId(T('GoodsReceipt'), r.date, r.id) }),
      number: t.exposeString('number', { description: 'Receipt number, e.g. GR-20260316-0001.' }),
      date: t.expose('date', { type: 'Date', description: 'Day received.' }),
      supplierId: t.id({ description: 'The supplier.', resolve: (r) => encodeId(T('Supplier'), r.supplierId) }),
      purchaseOrderId: t.id({ nullable: true, description: 'The order it fills, if any.', resolve: (r) => (r.purchaseOrderId ? encodeId(T('PurchaseOrder'), r.purchaseOrderId) : null) }),
      invoiceNumber: t.exposeString('invoiceNumber', { nullable: true, description: "Supplier's invoice number." }),
      payment: t.expose('payment', { type: SupplierPayment, description: 'How it is paid.' }),
      lines: t.field({ type: [ReceiptLineRef], description: 'Lines.', resolve: (r) => r.lines }),
      total: t.expose('total', { type: 'Rupiah', description: 'Total cost.' }),
    }),
  });

  const CountLineRef = b.objectRef<StockCount['lines'][number]>(T('StockCountLine')).implement({
    description: 'One product of a stock count.',
    fields: (t) => ({
      productId: t.id({ description: 'The product.', resolve: (l) => encodeId(T('Product'), l.productId) }),
      systemQuantity: t.exposeInt('systemQuantity', { description: 'What the books said.' }),
      countedQuantity: t.exposeInt('countedQuantity', { description: 'What was counted.' }),
      difference: t.exposeInt('difference', { description: 'counted − books (negative: shortage).' }),
      valueDifference: t.expose('valueDifference', { type: 'Rupiah', description: 'Cost value of the difference (negative: loss).' }),
    }),
  });

  const StockCountRef = b.objectRef<StockCount>(T('StockCount')).implement({
    description: 'A stock count (stock opname) and the adjustments it made.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (c) => encodeId(T('StockCount'), c.date, c.id) }),
      number: t.exposeString('number', { description: 'Count number, e.g. SO-20260316-0001.' }),
      date: t.expose('date', { type: 'Date', description: 'Day counted.' }),
      note: t.exposeString('note', { nullable: true, description: 'Note.' }),
      lines: t.field({ type: [CountLineRef], description: 'Products counted.', resolve: (c) => c.lines }),
      valueDifference: t.expose('valueDifference', { type: 'Rupiah', description: 'Total value adjusted (negative: loss).' }),
    }),
  });

  const MovementRef = b.objectRef<Movement>(T('StockMovement')).implement({
    description: 'One line of a stock card (kartu stok).',
    fields: (t) => ({
      at: t.expose('at', { type: 'DateTime', description: 'When.' }),
      date: t.expose('date', { type: 'Date', description: 'Business day.' }),
      kind: t.expose('kind', { type: MovementKind, description: 'What moved it.' }),
      documentNumber: t.exposeString('documentNumber', { description: 'Number of the sale, receipt or count.' }),
      quantity: t.exposeInt('quantity', { description: 'Selling units in (+) or out (−).' }),
      value: t.expose('value', { type: 'Rupiah', description: 'Cost value in (+) or out (−).' }),
      revenue: t.expose('revenue', { type: 'Rupiah', nullable: true, description: 'Sales: what the line brought in.' }),
    }),
  });

  return {
    UnitOfMeasure,
    CustomerClass,
    PaymentMethod,
    SupplierPayment,
    SupplierKind,
    PurchaseOrderStatus,
    ProductRef,
    SaleRef,
    SupplierRef,
    PurchaseOrderRef,
    GoodsReceiptRef,
    StockCountRef,
    MovementRef,
    ProductConnection: b.connectionObject({ type: ProductRef, name: T('ProductConnection'), description: 'A page of products.' } as never, { name: T('ProductEdge'), description: 'A product in a page.' } as never),
    SaleConnection: b.connectionObject({ type: SaleRef, name: T('SaleConnection'), description: 'A page of sales.' } as never, { name: T('SaleEdge'), description: 'A sale in a page.' } as never),
  };
}

export type CommerceTypes = ReturnType<typeof commerceTypes>;
