import type { Builder } from '@kkmp/plugin-sdk';
import type { Loan } from '../items';
import type { WriteOffClaim } from '../loans/claim';
import type { Allocation, NextDue } from '../loans/position';
import { repaymentId } from '../services/reversals';

/** Parts of a loan's read: amounts, repayments and their reversals, what is next due, a written-off claim. */

export type RepaymentView = Loan['repayments'][number] & { loanId: string };

export function amountsType(b: Builder) {
  return b.objectRef<Allocation & { total?: number }>('SimpanpinjamAmounts').implement({
    description: 'Amounts split the way repayments are allocated: penalties, fees, interest, principal.',
    fields: (t) => ({
      penalty: t.expose('penalty', { type: 'Rupiah', description: 'Late-payment penalties (denda).' }),
      fee: t.expose('fee', { type: 'Rupiah', description: 'Fees (admin fee, arrears carried into a new schedule).' }),
      interest: t.expose('interest', { type: 'Rupiah', description: 'Interest (bunga / jasa pinjaman).' }),
      principal: t.expose('principal', { type: 'Rupiah', description: 'Principal (pokok).' }),
      total: t.field({ type: 'Rupiah', description: 'Sum of the four.', resolve: (a) => a.total ?? a.penalty + a.fee + a.interest + a.principal }),
    }),
  });
}

export function repaymentType(b: Builder) {
  const Reversal = b.objectRef<NonNullable<RepaymentView['reversal']>>('SimpanpinjamRepaymentReversal').implement({
    description: 'A repayment reversed as a mistake: asked for by one person, approved by another; the reversing entry is dated `on`.',
    fields: (t) => ({
      on: t.expose('on', { type: 'Date', description: 'Business date of the reversal (its entry in the books).' }),
      by: t.exposeString('by', { description: 'Who approved it (the checker).' }),
      requestedBy: t.exposeString('requestedBy', { description: 'Who asked for it (the maker).' }),
      reason: t.exposeString('reason', { description: 'Why.' }),
    }),
  });
  return b.objectRef<RepaymentView>('SimpanpinjamRepayment').implement({
    description: 'A repayment and how it was allocated: penalties, fees, interest, principal, in that order. A reversed one stays in the list, marked, and counts for nothing.',
    fields: (t) => ({
      id: t.id({ description: 'Repayment id (opaque), e.g. to ask for its reversal.', resolve: (r) => repaymentId(r.loanId, r.id) }),
      date: t.expose('date', { type: 'Date', description: 'Day paid.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Amount paid.' }),
      penalty: t.expose('penalty', { type: 'Rupiah', description: 'To penalties.' }),
      fee: t.expose('fee', { type: 'Rupiah', description: 'To fees.' }),
      interest: t.expose('interest', { type: 'Rupiah', description: 'To interest.' }),
      principal: t.expose('principal', { type: 'Rupiah', description: 'To principal.' }),
      by: t.exposeString('by', { description: 'User who recorded it.' }),
      reversed: t.boolean({ description: 'True once reversed: the position leaves it out.', resolve: (r) => !!r.reversal }),
      reversal: t.field({ type: Reversal, nullable: true, description: 'The reversal, if it was reversed.', resolve: (r) => r.reversal ?? null }),
    }),
  });
}

export function nextDueType(b: Builder) {
  return b.objectRef<NextDue>('SimpanpinjamNextDue').implement({
    description: 'The next payment the schedule expects: the earliest instalment not paid in full, with the penalties owed (paid first).',
    fields: (t) => ({
      number: t.exposeInt('number', { description: 'The instalment, 1 for the first.' }),
      dueDate: t.expose('dueDate', { type: 'Date', description: 'Its due date; before the as-of date when the loan is in arrears.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: "What settles it: penalties owed plus the instalment's unpaid principal, interest and fee." }),
    }),
  });
}

export function pendingReversalType(b: Builder) {
  return b.objectRef<{ loanId: string; pending: NonNullable<Loan['pendingReversal']> }>('SimpanpinjamPendingReversal').implement({
    description: 'A repayment reversal waiting for approval by someone other than who asked.',
    fields: (t) => ({
      repaymentId: t.id({ description: 'The repayment to reverse.', resolve: (x) => repaymentId(x.loanId, x.pending.repaymentId) }),
      requestedBy: t.string({ description: 'Who asked (cannot approve it).', resolve: (x) => x.pending.requestedBy }),
      requestedOn: t.field({ type: 'Date', description: 'When.', resolve: (x) => x.pending.requestedOn }),
      reason: t.string({ description: 'Why.', resolve: (x) => x.pending.reason }),
    }),
  });
}

export function writeOffType(b: Builder, amounts: ReturnType<typeof amountsType>) {
  const Recovery = b.objectRef<Loan['recoveries'][number]>('SimpanpinjamRecovery').implement({
    description: 'Money recovered on a written-off loan (posted as income from recoveries, not as principal).',
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'Day received.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Amount received.' }),
      by: t.exposeString('by', { description: 'User who recorded it.' }),
    }),
  });
  return b.objectRef<WriteOffClaim>('SimpanpinjamWriteOff').implement({
    description: 'A written-off loan: off the books, still owed. The claim is what would have closed the loan on the write-off day; recoveries lower what remains.',
    fields: (t) => ({
      writtenOffOn: t.expose('writtenOffOn', { type: 'Date', description: 'Day written off.' }),
      writtenOff: t.field({ type: amounts, description: 'The claim written off: principal, interest to that day, fees and penalties.', resolve: (c) => c.writtenOff }),
      recovered: t.expose('recovered', { type: 'Rupiah', description: 'Recovered by the as-of date.' }),
      remaining: t.expose('remaining', { type: 'Rupiah', description: 'Still owed on the claim on the as-of date.' }),
      recoveries: t.field({ type: [Recovery], description: 'Recoveries by the as-of date, oldest first.', resolve: (c) => c.recoveries }),
    }),
  });
}
