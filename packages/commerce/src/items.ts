import { z } from '@kkmp/plugin-sdk';

/**
 * What the commerce kit stores in a unit's partition. Quantities are whole numbers of the product's
 * selling unit (a 5 kg pack, a cylinder, a litre); money is whole rupiah.
 */

export const UNITS_OF_MEASURE = ['GRAM', 'MILLILITRE', 'PIECE'] as const;
export type UnitOfMeasure = (typeof UNITS_OF_MEASURE)[number];

export const CUSTOMER_CLASSES = ['MEMBER', 'NON_MEMBER'] as const;
export type CustomerClass = (typeof CUSTOMER_CLASSES)[number];

export const PAYMENT_METHODS = ['CASH', 'QRIS', 'BANK_TRANSFER', 'MEMBER_CREDIT'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const SUPPLIER_PAYMENTS = ['CASH', 'BANK_TRANSFER', 'CREDIT'] as const;
export type SupplierPayment = (typeof SUPPLIER_PAYMENTS)[number];

const int = z.number().int();

export const priceSchema = z.object({ customerClass: z.enum(CUSTOMER_CLASSES), amount: int, effectiveFrom: z.string(), setBy: z.string() });
export type Price = z.infer<typeof priceSchema>;

/** A price ceiling (HET): at most `amount` rupiah per `perQuantity` base units, in one region, from a date. */
export const ceilingSchema = z.object({
  region: z.string(),
  amount: int,
  perQuantity: int,
  effectiveFrom: z.string(),
  reference: z.string(),
  setBy: z.string(),
});
export type Ceiling = z.infer<typeof ceilingSchema>;

export const productSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  category: z.string().optional(),
  unitOfMeasure: z.enum(UNITS_OF_MEASURE),
  /** Base units (grams, millilitres, pieces) in one selling unit: 5000 for a 5 kg pack of rice. */
  packSize: int,
  /** Name of the selling unit, e.g. "pak 5 kg", "tabung", "liter". */
  packName: z.string(),
  /** False for what is made at the counter (a water refill): no stock, no cost of goods. */
  stocked: z.boolean(),
  reorderLevel: int,
  active: z.boolean(),
  prices: z.array(priceSchema),
  ceilings: z.array(ceilingSchema),
  attributes: z.record(z.string(), z.string()).default({}),
  createdAt: z.string(),
  version: int,
});
export type Product = z.infer<typeof productSchema>;

/**
 * Stock on hand and its cost (moving average = value / quantity). `costEpoch` changes only when the
 * average changes (goods received, a count); a sale takes its cost at the average it read and
 * commits only if the epoch is still the one read, so concurrent sales need not wait for each other.
 */
export const stockSchema = z.object({ productId: z.string(), quantity: int, value: int, costEpoch: int, lastUnitCost: int.optional() });
export type StockLevel = z.infer<typeof stockSchema>;

export const supplierSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  contact: z.string().optional(),
  phone: z.string().optional(),
  payable: int,
  createdAt: z.string(),
});
export type Supplier = z.infer<typeof supplierSchema>;

export const poLineSchema = z.object({ productId: z.string(), quantity: int, unitCost: int, received: int });
export const purchaseOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  supplierId: z.string(),
  orderedOn: z.string(),
  expectedOn: z.string().optional(),
  note: z.string().optional(),
  lines: z.array(poLineSchema),
  status: z.enum(['OPEN', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED']),
  createdBy: z.string(),
  version: int,
});
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

export const receiptLineSchema = z.object({ productId: z.string(), quantity: int, unitCost: int, amount: int });
export const goodsReceiptSchema = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  supplierId: z.string(),
  purchaseOrderId: z.string().optional(),
  invoiceNumber: z.string().optional(),
  payment: z.enum(SUPPLIER_PAYMENTS),
  lines: z.array(receiptLineSchema),
  total: int,
  entryId: z.string(),
  receivedBy: z.string(),
  at: z.string(),
});
export type GoodsReceipt = z.infer<typeof goodsReceiptSchema>;

export const saleLineSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  packName: z.string(),
  quantity: int,
  unitPrice: int,
  amount: int,
  /** Cost of goods sold at the moving average when sold (0 for unstocked products). */
  cost: int,
});
export type SaleLine = z.infer<typeof saleLineSchema>;

export const saleSchema = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  at: z.string(),
  customerClass: z.enum(CUSTOMER_CLASSES),
  memberId: z.string().optional(),
  buyerNik: z.string().optional(),
  buyerName: z.string().optional(),
  lines: z.array(saleLineSchema),
  total: int,
  cost: int,
  paymentMethod: z.enum(PAYMENT_METHODS),
  tendered: int.optional(),
  change: int.optional(),
  extra: z.record(z.string(), z.unknown()).default({}),
  cashierId: z.string(),
  cashierName: z.string().optional(),
  status: z.enum(['COMPLETED', 'VOIDED']),
  entryId: z.string(),
  voided: z.object({ at: z.string(), date: z.string(), by: z.string(), reason: z.string(), entryId: z.string() }).optional(),
  version: int,
});
export type Sale = z.infer<typeof saleSchema>;

export const countLineSchema = z.object({
  productId: z.string(),
  systemQuantity: int,
  countedQuantity: int,
  difference: int,
  valueDifference: int,
});
export const stockCountSchema = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  at: z.string(),
  note: z.string().optional(),
  lines: z.array(countLineSchema),
  valueDifference: int,
  entryId: z.string().optional(),
  countedBy: z.string(),
});
export type StockCount = z.infer<typeof stockCountSchema>;

export const MOVEMENT_KINDS = ['RECEIPT', 'SALE', 'VOID', 'COUNT'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** One line of a product's stock card (kartu stok). */
export const movementSchema = z.object({
  productId: z.string(),
  at: z.string(),
  date: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  documentId: z.string(),
  documentNumber: z.string(),
  /** Signed: + into stock, - out of it. */
  quantity: int,
  /** Signed change of the stock's cost value. */
  value: int,
  /** Sales only: what the line brought in. */
  revenue: int.optional(),
  customerClass: z.enum(CUSTOMER_CLASSES).optional(),
});
export type Movement = z.infer<typeof movementSchema>;

/** Movements of a committed document not yet written to the stock cards (see movements.ts). */
export const outboxSchema = z.object({ documentId: z.string(), movements: z.array(movementSchema) });

export const keys = {
  product: (id: string) => ['PRODUCT', id],
  productPrefix: ['PRODUCT'],
  sku: (sku: string) => ['SKU', sku],
  stock: (productId: string) => ['STOCK', productId],
  supplier: (id: string) => ['SUPPLIER', id],
  supplierPrefix: ['SUPPLIER'],
  purchaseOrder: (id: string) => ['PO', id],
  purchaseOrderPrefix: ['PO'],
  receipt: (date: string, id: string) => ['RECEIPT', date, id],
  sale: (date: string, id: string) => ['SALE', date, id],
  salesOf: (date: string) => ['SALE', date],
  count: (date: string, id: string) => ['COUNT', date, id],
  movement: (m: Movement) => ['MOVE', m.productId, m.at, m.documentId, m.kind],
  movementsOf: (productId: string) => ['MOVE', productId],
  outbox: (documentId: string) => ['OUTBOX', documentId],
  outboxPrefix: ['OUTBOX'],
};
