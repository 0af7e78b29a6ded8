import { BusinessRuleError, InvalidStateError, z, type UnitJournalEntry } from '@kkmp/plugin-sdk';
import { ACCOUNTS } from '../accounts';
import { actorOf, stamp, type Actor, type MCtx } from '../context';
import type { Loan } from '../items';
import { allocate } from '../loans/position';
import { loanOf, nonZero, saveLoan, view } from '../loans/store';
import { positionOf, standingRepayments, type LoanView } from '../loans/view';
import { rp, rpEn } from '../math';
import { id, positiveAmount } from './inputs';

export const repayLoanInput = z.object({ loanId: id, amount: positiveAmount });
export type RepayLoanInput = z.output<typeof repayLoanInput>;

export type Repayment = Loan['repayments'][number];

/**
 * A repayment today, allocated penalties, fees, interest, principal of what is due, then as a
 * prepayment; the payoff amount closes the loan, more is refused (OVERPAYMENT).
 */
export function repayment(loan: Loan, amount: number, by: Actor, repaymentId: string): { next: Loan; repayment: Repayment; closes: boolean } {
  if (loan.status !== 'ACTIVE') throw new InvalidStateError('only an active (disbursed, open) loan takes repayments', 'hanya pinjaman aktif yang menerima angsuran');
  const today = by.today;
  if (standingRepayments(loan).some((x) => x.date > today)) throw new InvalidStateError('a later repayment is already recorded', 'sudah ada angsuran dengan tanggal lebih akhir');
  const position = positionOf(loan, today);
  if (!position) throw new InvalidStateError('the loan is disbursed after today', 'pinjaman dicairkan setelah hari ini');
  const { allocation, closes, excess } = allocate(position, amount);
  if (excess > 0) {
    throw new BusinessRuleError('OVERPAYMENT', `${rpEn(amount)} is more than the ${rpEn(position.payoff.total)} that pays the loan off on ${today}`, `${rp(amount)} melebihi ${rp(position.payoff.total)} untuk melunasi pinjaman pada ${today}`, {
      field: 'input.amount',
      details: { payoff: position.payoff.total, excess },
    });
  }
  const paid: Repayment = { id: repaymentId, date: today, amount, ...allocation, by: by.userId };
  const closing = closes ? { status: 'CLOSED' as const, closedOn: today, events: [...loan.events, stamp(by, today < loan.schedule.at(-1)!.dueDate ? 'PAID_OFF_EARLY' : 'PAID_OFF')] } : {};
  return { next: { ...loan, repayments: [...loan.repayments, paid], ...closing, version: loan.version + 1 }, repayment: paid, closes };
}

/** Dr cash; Cr loans receivable, revenue from members (interest and fees, with patronage), penalty income. */
export function repaymentEntry(loan: Loan, paid: Repayment, cashAccount: string): UnitJournalEntry {
  const revenue = paid.interest + paid.fee;
  return {
    memo: `Angsuran pinjaman ${loan.productName}`,
    documentId: paid.id,
    lines: nonZero([
      { account: cashAccount, debit: paid.amount },
      { account: ACCOUNTS.loans, credit: paid.principal },
      { account: ACCOUNTS.memberRevenue, credit: revenue },
      { account: ACCOUNTS.penaltyIncome, credit: paid.penalty },
    ]),
    ...(revenue ? { patronage: [{ memberId: loan.memberId, amount: revenue }] } : {}),
  };
}

export async function repayLoan(u: MCtx, input: RepayLoanInput): Promise<{ repayment: Repayment; closed: boolean; loan: LoanView }> {
  const loan = await loanOf(u, input.loanId, 'input.loanId');
  const done = repayment(loan, input.amount, actorOf(u), u.newId());
  saveLoan(u, loan, done.next);
  await u.post(repaymentEntry(loan, done.repayment, u.settings.cashAccount));
  return { repayment: done.repayment, closed: done.closes, loan: view(u, done.next) };
}
