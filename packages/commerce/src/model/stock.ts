import { z } from '@kkmp/plugin-sdk';
import { CUSTOMER_CLASSES } from './product';

const int = z.number().int();

/**
 * Stock on hand and its cost (moving average = value / quantity). `costEpoch` changes only when the
 * average changes (goods received, a count); a sale takes its cost at the average it read and
 * commits only if the epoch is still the one read, so concurrent sales need not wait for each other.
 */
export const stockSchema = z.object({ productId: z.string(), quantity: int, value: int, costEpoch: int, lastUnitCost: int.optional() });
export type StockLevel = z.infer<typeof stockSchema>;

export const emptyStock = (productId: string): StockLevel => ({ productId, quantity: 0, value: 0, costEpoch: 0 });

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

/** Movements of a committed document not yet written to the stock cards (see stock/movements.ts). */
export const outboxSchema = z.object({ documentId: z.string(), movements: z.array(movementSchema) });

export const countLineSchema = z.object({ productId: z.string(), systemQuantity: int, countedQuantity: int, difference: int, valueDifference: int });
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
