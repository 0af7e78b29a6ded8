import { update, z, type Update } from '@kkmp/plugin-sdk';
import type { Ctx, MCtx } from '../context';
import type { Loan } from '../items';
import { daysBetween } from '../dates';
import { positionOf, standingRepayments } from './view';

/**
 * The loan book: one small row per loan that counts now (APPROVED, not yet disbursed; or ACTIVE:
 * disbursed and not ended), so the portfolio and the related-party limit read a few items by key
 * instead of every loan ever made (each ~3.4 KB with schedule, repayments and history).
 *
 *   LOANBOOK#<bucket>   attributes L<loanId> = row, `version` (+1 on every write that changes a row),
 *                       `complete` (true once every counting loan has its row: set on enabling, or by
 *                       the rebuild for loans made before the book existed)
 *
 * A row is a pure function of the loan (`bookRowOf`), written in the loan write's own transaction as a
 * blind SET (REMOVE once the loan stops counting): no read of the book, so writes to different loans
 * never wait on each other's version, and a backdated repayment or a reversal cannot make it drift.
 *
 * Size: a row is ~90 bytes in DynamoDB (attribute name 27, member id 27, status 7, amount ~7, date 11,
 * list overhead). BUCKETS items of at most 400 KB hold 4 x 400 000 / 90 = ~17 000 counting loans, with
 * room for the hash's unevenness; a kelurahan cooperative has hundreds to a few thousand members.
 */
export const BUCKETS = 4;

/** [memberId, status, amount (principal if APPROVED, principal outstanding if ACTIVE), first unpaid due date]. */
export type BookRow = [memberId: string, status: 'APPROVED' | 'ACTIVE', amount: number, firstUnpaidDue: string | null];
const rowSchema = z.tuple([z.string(), z.enum(['APPROVED', 'ACTIVE']), z.number().int(), z.string().nullable()]);

export const bookKey = (bucket: number) => ['LOANBOOK', String(bucket)];
const rowName = (loanId: string) => `L${loanId}`;

/** FNV-1a of the loan id: ULIDs share their time prefix, so every character counts. */
export function bucketOf(loanId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < loanId.length; i++) h = Math.imul(h ^ loanId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BUCKETS;
}

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

const same = (a: BookRow | undefined, b: BookRow | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Adds the book's writes for loans written in this mutation (before: as read, absent for a new loan):
 * one update per bucket touched (a transaction may touch an item once; a reschedule writes two loans).
 */
export function writeBook(u: MCtx, changes: readonly { before?: Loan | undefined; after: Loan }[]) {
  const byBucket = new Map<number, Update>();
  for (const { before, after } of changes) {
    const row = bookRowOf(after);
    if (same(before && bookRowOf(before), row)) continue;
    const bucket = bucketOf(after.id);
    const change = byBucket.get(bucket) ?? update().add('version', 1);
    byBucket.set(bucket, row ? change.set(rowName(after.id), row) : change.remove(rowName(after.id)));
  }
  for (const [bucket, change] of byBucket) u.writes.update(bookKey(bucket), change);
}

const bucketSchema = z.object({ version: z.number().int(), complete: z.boolean().optional() }).catchall(z.unknown());
export type BucketItem = z.output<typeof bucketSchema>;

export interface Book {
  /** Every counting loan has its row (else the caller reads the loans themselves). */
  complete: boolean;
  /** loan id -> row. */
  rows: Map<string, BookRow>;
  /** The bucket items as read (absent: never written), for the rebuild's guarded write. */
  items: (BucketItem | undefined)[];
}

/** The whole book in one BatchGetItem. */
export async function readBook(u: Ctx): Promise<Book> {
  const items = await u.store.getMany(bucketSchema, Array.from({ length: BUCKETS }, (_, b) => bookKey(b)));
  const rows = new Map<string, BookRow>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item ?? {})) if (name.startsWith('L')) rows.set(name.slice(1), rowSchema.parse(value));
  }
  return { complete: items.every((i) => i?.complete === true), rows, items };
}

/** The bucket items of a complete book of these loans (version and keys are the writer's). */
export function bookItemsOf(loans: readonly Loan[]): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = Array.from({ length: BUCKETS }, () => ({ complete: true }));
  for (const l of loans) {
    const row = bookRowOf(l);
    if (row) items[bucketOf(l.id)]![rowName(l.id)] = row;
  }
  return items;
}
