import type { Movement } from './stock';

/** Sort keys of what the kit stores in a unit's partition (the host scopes them to cooperative and unit). */
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
  beneficiary: (nik: string) => ['BENEFICIARY', nik],
  beneficiaryPrefix: ['BENEFICIARY'],
  quota: (key: string[]) => ['QUOTA', ...key],
};
