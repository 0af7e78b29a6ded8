import { BusinessRuleError, InvalidStateError, z, type UnitJournalEntry } from '@kkmp/plugin-sdk';
import { ACCOUNTS } from '../accounts';
import { actorOf, stamp, type Actor, type MCtx } from '../context';
import type { Loan } from '../items';
import { claimOn } from '../loans/claim';
import { loanOf, saveLoan, view } from '../loans/store';
import type { LoanView } from '../loans/view';
import { rp, rpEn } from '../math';
import { id, positiveAmount } from './inputs';

/**
 * Recoveries on written-off loans. A separate operation from repayLoan: the loan is off the books, so
 * the money is not principal, interest or penalty of a live loan but income from a claim written off
 * (posted to its own account), and it only lowers what remains of the claim.
 */

export const recoverLoanInput = z.object({ loanId: id, amount: positiveAmount });
export type RecoverLoanInput = z.output<typeof recoverLoanInput>;

export type Recovery = Loan['recoveries'][number];

/** Money recovered on the business date; never more than what remains of the claim (OVERPAYMENT). */
export function recovery(loan: Loan, amount: number, by: Actor, recoveryId: string): { next: Loan; recovery: Recovery } {
  const claim = claimOn(loan);
  if (loan.status !== 'WRITTEN_OFF' || !claim) {
    throw new InvalidStateError('only a written-off loan takes recoveries; an active loan takes repayments', 'hanya pinjaman yang sudah dihapusbukukan yang menerima pemulihan; pinjaman aktif menerima angsuran');
  }
  if (by.today < claim.writtenOffOn) {
    throw new InvalidStateError(`a recovery cannot be dated before the write-off on ${claim.writtenOffOn}`, `pemulihan tidak boleh bertanggal sebelum hapus buku pada ${claim.writtenOffOn}`);
  }
  if (claim.remaining <= 0) throw new InvalidStateError('the written-off claim has been recovered in full', 'tagihan yang dihapusbukukan sudah pulih seluruhnya');
  if (amount > claim.remaining) {
    const excess = amount - claim.remaining;
    throw new BusinessRuleError('OVERPAYMENT', `${rpEn(amount)} is more than the ${rpEn(claim.remaining)} that remains of the written-off claim`, `${rp(amount)} melebihi sisa tagihan hapus buku ${rp(claim.remaining)}`, {
      field: 'input.amount',
      details: { payoff: claim.remaining, excess },
    });
  }
  const r: Recovery = { id: recoveryId, date: by.today, amount, by: by.userId };
  return { next: { ...loan, recoveries: [...loan.recoveries, r], events: [...loan.events, stamp(by, 'RECOVERED')], version: loan.version + 1 }, recovery: r };
}

/** Dr cash, Cr recoveries of written-off loans (other income; not revenue from members, so no patronage). */
export function recoveryEntry(loan: Loan, r: Recovery, cashAccount: string): UnitJournalEntry {
  return {
    memo: `Pemulihan pinjaman hapus buku ${loan.productName}`,
    documentId: r.id,
    lines: [
      { account: cashAccount, debit: r.amount },
      { account: ACCOUNTS.recoveries, credit: r.amount },
    ],
  };
}

export async function recoverLoan(u: MCtx, input: RecoverLoanInput): Promise<LoanView> {
  const loan = await loanOf(u, input.loanId, 'input.loanId');
  const done = recovery(loan, input.amount, actorOf(u), u.newId());
  saveLoan(u, loan, done.next);
  await u.post(recoveryEntry(loan, done.recovery, u.settings.cashAccount));
  return view(u, done.next);
}
