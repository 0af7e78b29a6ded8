import { InvalidStateError, NotFoundError, ValidationError, decodeId, encodeId, z, type UnitJournalEntry } from '@kkmp/plugin-sdk';
import { actorOf, stamp, type Actor, type MCtx } from '../context';
import { loanSchema, type Loan } from '../items';
import { saveLoan, view } from '../loans/store';
import { standingRepayments, type LoanView } from '../loans/view';
import { id, textUpTo } from './inputs';
import { checkNotMaker } from './loans';
import { repaymentEntry, type Repayment } from './repayments';

/**
 * Reversing a mistaken repayment, under maker-checker: one person asks (with a reason), another
 * approves; the approval posts the reversing entry on its business date, marks the repayment reversed
 * and the position is recomputed as if it never happened. Only the latest standing repayment can be
 * reversed, so no later repayment was allocated on top of it: to undo an older one, reverse the later
 * ones first (and record them again).
 */

export const repaymentId = (loanId: string, repaymentId: string) => encodeId('SimpanpinjamRepayment', loanId, repaymentId);

export const requestRepaymentReversalInput = z.object({ repaymentId: id, reason: textUpTo(300) });
export type RequestRepaymentReversalInput = z.output<typeof requestRepaymentReversalInput>;
export const approveRepaymentReversalInput = z.object({ repaymentId: id });
export type ApproveRepaymentReversalInput = z.output<typeof approveRepaymentReversalInput>;

const FIELD = 'input.repaymentId';

/** The loan and the repayment a public repayment id names. */
async function repaymentOf(u: MCtx, publicId: string): Promise<{ loan: Loan; repayment: Repayment }> {
  const [loanRaw, raw] = decodeId(publicId, 'SimpanpinjamRepayment', FIELD, 2) as [string, string];
  const loan = await u.store.get(loanSchema, 'LOAN', loanRaw);
  const repayment = loan?.repayments.find((r) => r.id === raw);
  if (!loan || !repayment) throw new NotFoundError('SimpanpinjamRepayment', publicId, FIELD);
  return { loan, repayment };
}

/** Later repayments were allocated on top of this one: it can be reversed only once they are. */
function checkLatest(loan: Loan, r: Repayment) {
  if (standingRepayments(loan).at(-1)?.id !== r.id) {
    throw new InvalidStateError('only the latest repayment can be reversed: reverse the later ones first', 'hanya angsuran terakhir yang dapat dibatalkan: batalkan dulu angsuran sesudahnya');
  }
}

/** The loan with the reversal waiting for approval, if that repayment may be reversed. */
export function reversalRequest(loan: Loan, r: Repayment, reason: string, by: Actor): Loan {
  if (r.reversal) throw new InvalidStateError(`this repayment was already reversed on ${r.reversal.on}`, `angsuran ini sudah dibatalkan pada ${r.reversal.on}`);
  if (loan.status !== 'ACTIVE' && loan.status !== 'CLOSED') {
    throw new InvalidStateError('only a repayment of an active or paid-off loan can be reversed (not once it is written off or rescheduled)', 'hanya angsuran pinjaman aktif atau lunas yang dapat dibatalkan (tidak setelah dihapusbukukan atau direstrukturisasi)');
  }
  checkLatest(loan, r);
  if (loan.pendingReversal) throw new InvalidStateError('a repayment reversal is already waiting for approval', 'sudah ada pembatalan angsuran yang menunggu persetujuan');
  if (loan.pendingChange) throw new InvalidStateError('a reschedule or write-off is waiting for approval: decide it first', 'ada restrukturisasi atau hapus buku yang menunggu persetujuan: putuskan dulu');
  const pendingReversal = { repaymentId: r.id, requestedBy: by.userId, requestedOn: by.today, reason };
  return { ...loan, pendingReversal, events: [...loan.events, stamp(by, `REVERSAL_REQUESTED ${r.id}: ${reason}`)], version: loan.version + 1 };
}

/**
 * The approved reversal: by someone other than who asked (MAKER_CHECKER), dated no earlier than the
 * repayment. A loan the repayment paid off is open again.
 */
export function reversal(loan: Loan, r: Repayment, by: Actor): Loan {
  const asked = loan.pendingReversal;
  if (!asked || asked.repaymentId !== r.id) throw new InvalidStateError('no reversal of this repayment is waiting for approval', 'tidak ada pembatalan angsuran ini yang menunggu persetujuan');
  checkNotMaker(by, asked.requestedBy, 'request', FIELD);
  // A repayment recorded since the request would have been allocated on top of this one.
  checkLatest(loan, r);
  if (by.today < r.date) {
    throw ValidationError.field('input.businessDate', `must not be before the repayment it reverses (${r.date})`, `tidak boleh sebelum tanggal angsuran yang dibatalkan (${r.date})`);
  }
  const reversed: Repayment = { ...r, reversal: { on: by.today, by: by.userId, requestedBy: asked.requestedBy, reason: asked.reason } };
  const { pendingReversal: _done, closedOn: _open, ...rest } = loan;
  return {
    ...rest,
    status: 'ACTIVE',
    repayments: loan.repayments.map((x) => (x.id === r.id ? reversed : x)),
    events: [...loan.events, stamp(by, `REPAYMENT_REVERSED ${r.id}`)],
    version: loan.version + 1,
  };
}

/** The repayment's entry turned around: Cr cash; Dr loans, revenue from members (patronage taken back), penalty income. */
export function reversalEntry(loan: Loan, r: Repayment, cashAccount: string): UnitJournalEntry {
  const original = repaymentEntry(loan, r, cashAccount);
  return {
    memo: `Pembatalan angsuran pinjaman ${loan.productName}`,
    documentId: `${r.id}-REV`,
    lines: original.lines.map(({ debit, credit, ...line }) => ({ ...line, ...(credit ? { debit: credit } : {}), ...(debit ? { credit: debit } : {}) })),
    ...(original.patronage ? { patronage: original.patronage.map((p) => ({ ...p, amount: -p.amount })) } : {}),
  };
}

export async function requestRepaymentReversal(u: MCtx, input: RequestRepaymentReversalInput): Promise<LoanView> {
  const { loan, repayment } = await repaymentOf(u, input.repaymentId);
  const next = reversalRequest(loan, repayment, input.reason, actorOf(u));
  saveLoan(u, loan, next);
  return view(u, next);
}

export async function approveRepaymentReversal(u: MCtx, input: ApproveRepaymentReversalInput): Promise<LoanView> {
  const { loan, repayment } = await repaymentOf(u, input.repaymentId);
  const next = reversal(loan, repayment, actorOf(u));
  saveLoan(u, loan, next);
  await u.post(reversalEntry(loan, repayment, u.settings.cashAccount));
  return view(u, next);
}
