import { z } from '@kkmp/plugin-sdk';
import { CUSTOMER_CLASSES } from './product';

export const PAYMENT_METHODS = ['CASH', 'QRIS', 'BANK_TRANSFER', 'MEMBER_CREDIT'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const SALE_STATUSES = ['COMPLETED', 'VOIDED'] as const;

const int = z.number().int();

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
  /** What the unit's beforeSale hook returned (quota keys, the buyer type), given back to onVoid. */
  unitData: z.record(z.string(), z.unknown()).default({}),
  cashierId: z.string(),
  cashierName: z.string().optional(),
  status: z.enum(SALE_STATUSES),
  entryId: z.string(),
  voided: z.object({ at: z.string(), date: z.string(), by: z.string(), reason: z.string(), entryId: z.string() }).optional(),
  version: int,
});
export type Sale = z.infer<typeof saleSchema>;

/** JSON data a unit keeps with its sales (see SaleHooks.beforeSale). */
export type SaleData = Record<string, unknown>;

/** A stored sale with the data the unit's hook returned for it, as the unit typed it. */
export type StoredSale<D extends SaleData = SaleData> = Omit<Sale, 'unitData'> & { unitData: Partial<D> };
