import { z } from '@kkmp/plugin-sdk';

/** Partners the program names; OTHER for anyone else (a local wholesaler, a BUMD). */
export const SUPPLIER_KINDS = ['BULOG', 'ID_FOOD', 'PERTAMINA', 'PUPUK_INDONESIA', 'BUMD', 'OTHER'] as const;
export type SupplierKind = (typeof SUPPLIER_KINDS)[number];

export const SUPPLIER_PAYMENTS = ['CASH', 'BANK_TRANSFER', 'CREDIT'] as const;
export type SupplierPayment = (typeof SUPPLIER_PAYMENTS)[number];

export const PURCHASE_ORDER_STATUSES = ['OPEN', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED'] as const;

const int = z.number().int();

export const supplierSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SUPPLIER_KINDS),
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
  status: z.enum(PURCHASE_ORDER_STATUSES),
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
  supplyAgreementId: z.string().optional(),
  payment: z.enum(SUPPLIER_PAYMENTS),
  lines: z.array(receiptLineSchema),
  total: int,
  entryId: z.string(),
  receivedBy: z.string(),
  at: z.string(),
});
export type GoodsReceipt = z.infer<typeof goodsReceiptSchema>;
