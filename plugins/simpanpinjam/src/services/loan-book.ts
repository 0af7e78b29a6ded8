import { cond, update, type UnitHookContext } from '@kkmp/plugin-sdk';
import type { MCtx } from '../context';
import { loanSchema } from '../items';
import { BOOK_MARKER, bookRowOf, readMarker, rowKey, sameRow, storedRows } from '../loans/book';
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
  u.writes.update(BOOK_MARKER, update().set('complete', true).add('version', 0));
}

/**
 * Loans one call goes through: a changed row is a check of its loan's version and a put or delete of the
 * row, two of the transaction's 100 actions (the marker, the idempotency record and the unit check take
 * a few more).
 */
export const REBUILD_PAGE = 40;

export interface LoanBookRebuild {
  /** Loans this call went through. */
  loans: number;
  /** Of them, the ones that count now (approved not yet disbursed, or active): their rows. */
  rows: number;
  /** Rows this call wrote or deleted (0 when the book already held what the loans say). */
  changed: number;
  /** Every loan has been gone through: the book is complete. False: call again, it goes on from here. */
  complete: boolean;
}

/**
 * One page of the rebuild: the next REBUILD_PAGE loans after where the last call stopped (the marker's
 * cursor; from the first loan when no pass is under way), each row made what the loan says. A pass takes
 * `complete` away at its first call and gives it back at its last, so the reports read every loan while
 * it runs (also when a complete book had drifted, e.g. loans written by older code). Safe beside loan
 * writes: a row is written only with a check that its loan is still the version read (a loan written
 * meanwhile makes the call re-run from fresh reads), and a loan written after its page writes its own row.
 * Concurrent calls meet on the marker's version. Idempotent: a loan whose row is right costs no write.
 */
export async function rebuildLoanBook(u: MCtx): Promise<LoanBookRebuild> {
  const marker = await readMarker(u);
  const page = await u.store.page(loanSchema, ['LOAN'], { first: REBUILD_PAGE, ...(marker?.cursor ? { after: marker.cursor } : {}) });
  const stored = page.items.length ? await storedRows(u, page.items.map((l) => l.id)) : [];
  let rows = 0;
  let changed = 0;
  page.items.forEach((loan, i) => {
    const row = bookRowOf(loan);
    if (row) rows += 1;
    if (sameRow(stored[i], row)) return;
    changed += 1;
    u.writes.check(['LOAN', loan.id], cond.eq('version', loan.version));
    if (row) u.writes.put(rowKey(loan.id), { loanId: loan.id, row });
    else u.writes.delete(rowKey(loan.id));
  });
  const complete = !page.hasNextPage;
  const next = { version: (marker?.version ?? 0) + 1, complete, ...(complete || !page.endCursor ? {} : { cursor: page.endCursor }) };
  if (marker) u.writes.replace(BOOK_MARKER, next, marker.version);
  else u.writes.update(BOOK_MARKER, Object.entries(next).reduce((c, [k, v]) => c.set(k, v), update()), cond.notExists('version'));
  return { loans: page.items.length, rows, changed, complete };
}
