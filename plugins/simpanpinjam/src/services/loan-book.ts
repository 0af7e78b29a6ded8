import { ConflictError, update, type UnitHookContext } from '@kkmp/plugin-sdk';
import type { MCtx } from '../context';
import { loanSchema } from '../items';
import { BUCKETS, bookItemsOf, bookKey, readBook } from '../loans/book';
import type { SimpanpinjamSettings } from '../settings';

/** Keeping the loan book (loans/book.ts) complete: from the start when enabled, by a rebuild for older data. */

/**
 * On enabling: with no loans yet, the book is complete from the start (every loan written from now on
 * writes its row). A cooperative that has loans (enabled before the book existed, disabled, enabled
 * again) keeps its book as it is: complete if it was, else answered from the loans until rebuilt.
 */
export async function startLoanBook(u: UnitHookContext<SimpanpinjamSettings>) {
  const { items } = await u.store.page(loanSchema, ['LOAN'], { first: 1 });
  if (items.length > 0) return;
  for (let b = 0; b < BUCKETS; b++) u.writes.update(bookKey(b), update().set('complete', true).add('version', 0));
}

export interface LoanBookRebuild {
  /** Loans read. */
  loans: number;
  /** Of them, the ones that count now (approved not yet disbursed, or active): the book's rows. */
  rows: number;
}

export const BOOK_CHANGED = 'loanBookChanged';
export const bookChanged = () => new ConflictError('input', 'a loan was written while the loan book was rebuilt; run it again', 'ada pinjaman yang berubah saat buku pinjaman disusun ulang; jalankan lagi');

/**
 * Rewrites the whole book from every loan and marks it complete. Safe beside loan writes: the book's
 * version is read first, then the loans, and each bucket is replaced only if its version is unchanged
 * (every loan write that changes a row adds 1), so a loan written meanwhile makes it re-run from fresh
 * reads. Idempotent: the same loans give the same book.
 */
export async function rebuildLoanBook(u: MCtx): Promise<LoanBookRebuild> {
  const { items } = await readBook(u);
  // Only after the book's versions: a loan written before them is in this read.
  const loans = await u.store.all(loanSchema, ['LOAN']);
  const fresh = bookItemsOf(loans);
  fresh.forEach((item, b) => {
    const current = items[b];
    if (current) u.writes.replace(bookKey(b), item, current.version);
    else u.writes.create(bookKey(b), { ...item, version: 1 }, BOOK_CHANGED);
  });
  return { loans: loans.length, rows: fresh.reduce((s, item) => s + Object.keys(item).length - 1, 0) };
}
