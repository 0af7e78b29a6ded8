import { z, type UnitPrefetch } from '@kkmp/plugin-sdk';
import type { Ctx, MCtx } from '../context';
import type { Loan } from '../items';
import { daysBetween } from '../dates';
import { positionOf, standingRepayments } from './view';

/**
 * The loan book: one small row per loan that counts now (APPROVED, not yet disbursed; or ACTIVE:
 * disbursed and not ended), so the portfolio, the related-party limit and the lists of approved or active
 * loans read the rows (one Query) instead of every loan ever made (each ~3.4 KB with schedule, repayments
 * and history).
 *
 *   LOANROW#<loanId>   { loanId, row }: its own item, written (or deleted, once the loan stops counting)
 *                      in the loan write's own transaction. A write costs the same whatever the book's
 *                      size (DynamoDB bills an item write by the item's size: rows kept together in a few
 *                      big items made every repayment pay for a quarter of the book), two tellers' writes
 *                      to different loans never meet, and no item grows toward the 400 KB limit.
 *   LOANBOOK           the marker: `complete` once every counting loan has its row (set on enabling with
 *                      no loans; for loans made before the book, by the rebuild: services/loan-book.ts).
 *
 * A row is a pure function of the loan (`bookRowOf`), so a backdated repayment or a reversal cannot make
 * it drift: every write recomputes it from the whole loan.
 */

/** [memberId, status, amount (principal if APPROVED, principal outstanding if ACTIVE), first unpaid due date]. */
export type BookRow = [memberId: string, status: 'APPROVED' | 'ACTIVE', amount: number, firstUnpaidDue: string | null];
const rowSchema = z.tuple([z.string(), z.enum(['APPROVED', 'ACTIVE']), z.number().int(), z.string().nullable()]);

export const rowKey = (loanId: string) => ['LOANROW', loanId];
export const BOOK_MARKER = ['LOANBOOK'];
const rowItemSchema = z.object({ loanId: z.string(), row: rowSchema });

/**
 * The loan's row, or undefined if it does not count. For an ACTIVE loan, after every standing repayment:
 * the principal outstanding and the due date of the first instalment not paid in full. Payments go
 * oldest first, so on any date D on or after the last repayment, days past due = max(0, D - that date)
 * (loanPosition's `oldest` is its `next` once next is past due) and the principal outstanding is this one.
 */
export function bookRowOf(l: Loan): BookRow | undefined {
  if (l.status === 'APPROVED') return [l.memberId, 'APPROVED', l.principal, null];
  if (l.status !== 'ACTIVE') return undefined;
  const last = [l.disbursedOn!, ...standingRepayments(l).map((r) => r.date)].reduce((a, b) => (a > b ? a : b));
  const p = positionOf(l, last);
  if (!p) return undefined;
  return [l.memberId, 'ACTIVE', p.principalOutstanding, p.nextDue?.dueDate ?? null];
}

/** Days past due on a date on or after every event of the loan (see bookRowOf). */
export const rowDaysPastDue = (row: BookRow, asOf: string) => (row[3] && row[3] < asOf ? daysBetween(row[3], asOf) : 0);

export const sameRow = (a: BookRow | undefined, b: BookRow | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** Adds the book's writes for loans written in this mutation (before: as read, absent for a new loan). */
export function writeBook(u: MCtx, changes: readonly { before?: Loan | undefined; after: Loan }[]) {
  for (const { before, after } of changes) {
    const row = bookRowOf(after);
    const was = before && bookRowOf(before);
    if (sameRow(was, row)) continue;
    if (row) u.writes.put(rowKey(after.id), { loanId: after.id, row });
    else u.writes.delete(rowKey(after.id));
  }
}

const markerSchema = z.object({ version: z.number().int(), complete: z.boolean().optional(), cursor: z.string().optional() });
export type BookMarker = z.output<typeof markerSchema>;

export interface Book {
  /** Every counting loan has its row (else the caller reads the loans themselves). */
  complete: boolean;
  /** loan id -> row, in loan id order. */
  rows: Map<string, BookRow>;
}

/**
 * The marker, then (if complete) the rows by one Query. In that order: a Query is no snapshot, and the
 * rebuild's last call writes rows and `complete` in one transaction, so rows read beside the marker could
 * be from before that commit and the marker from after it (a complete book with rows missing: a related
 * party's loan let past its limit). Rows queried after `complete` was seen hold every row committed
 * before it. Queries name the marker in their `prefetch` (prefetchBook), so it comes with the gate's read.
 */
export async function readBook(u: Ctx): Promise<Book> {
  const marker = await u.store.get(markerSchema, ...BOOK_MARKER);
  if (marker?.complete !== true) return { complete: false, rows: new Map() };
  const items = await u.store.all(rowItemSchema, ['LOANROW']);
  return { complete: true, rows: new Map(items.map((i) => [i.loanId, i.row as BookRow])) };
}

/** Names the book's marker for a query's or mutation's prefetch (see readBook). */
export const prefetchBook = (_args: unknown, keys: UnitPrefetch) => keys.item(...BOOK_MARKER);

export const readMarker = (u: Ctx) => u.store.get(markerSchema, ...BOOK_MARKER);

/** The stored rows of some loans (absent: none), by key. */
export async function storedRows(u: Ctx, loanIds: readonly string[]): Promise<(BookRow | undefined)[]> {
  const items = await u.store.getMany(rowItemSchema, loanIds.map(rowKey));
  return items.map((i) => i?.row as BookRow | undefined);
}

