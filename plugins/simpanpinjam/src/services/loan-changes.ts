import { InvalidStateError, z, type UnitJournalEntry } from '@kkmp/plugin-sdk';
import { ACCOUNTS } from '../accounts';
import { actorOf, notBefore, stamp, type Actor, type MCtx } from '../context';
import { allowanceSchema, changeKindSchema, interestMethodSchema, type Loan } from '../items';
import type { LoanPosition } from '../loans/position';
import { loanOf, nonZero, saveLoan, view, writeLoans } from '../loans/store';
import { positionOf, type LoanView } from '../loans/view';
import { buildSchedule } from '../schedule';
import { id, textUpTo, wholeInIssue } from './inputs';
import { checkNotMaker, type LoanIdInput } from './loans';

/** Reschedules and write-offs of active loans: asked for by one person, approved by another. */

export const requestLoanChangeInput = z
  .object({
    loanId: id,
    kind: changeKindSchema,
    reason: textUpTo(300),
    termMonths: z.number().int().nullish(),
    graceMonths: z.number().int().nullish(),
    annualRateBp: z.number().int().nullish(),
    interestMethod: interestMethodSchema.nullish(),
    waivePenalties: z.boolean().nullish(),
  })
  .superRefine((c, ctx) => {
    // The new terms matter (and must hold) only for a reschedule; a write-off ignores them.
    if (c.kind !== 'RESCHEDULE') return;
    wholeInIssue(ctx, 'termMonths', c.termMonths, 1, 120);
    // Grace is bounded by a valid term only; a bad term is already named.
    if (c.graceMonths != null && c.termMonths != null && c.termMonths >= 1 && c.termMonths <= 120) wholeInIssue(ctx, 'graceMonths', c.graceMonths, 0, c.termMonths - 1);
    if (c.annualRateBp != null) wholeInIssue(ctx, 'annualRateBp', c.annualRateBp, 0, 10_000);
  });
export type RequestLoanChangeInput = z.output<typeof requestLoanChangeInput>;

type Change = NonNullable<Loan['pendingChange']>;

/** The loan with the change waiting for approval; a reschedule's unset terms are the loan's own. */
export function changeRequest(loan: Loan, input: RequestLoanChangeInput, by: Actor): Loan {
  if (loan.status !== 'ACTIVE') throw new InvalidStateError('only an active loan can be rescheduled or written off', 'hanya pinjaman aktif yang dapat direstrukturisasi atau dihapusbukukan');
  if (loan.pendingChange) throw new InvalidStateError('a change is already waiting for approval', 'sudah ada perubahan yang menunggu persetujuan');
  const terms =
    input.kind === 'RESCHEDULE'
      ? {
          termMonths: input.termMonths!,
          graceMonths: input.graceMonths ?? 0,
          annualRateBp: input.annualRateBp ?? loan.annualRateBp,
          interestMethod: input.interestMethod ?? loan.interestMethod,
          waivePenalties: !!input.waivePenalties,
        }
      : {};
  const change: Change = { kind: input.kind, requestedBy: by.userId, requestedOn: by.today, reason: input.reason, ...terms };
  return { ...loan, pendingChange: change, events: [...loan.events, stamp(by, `${input.kind}_REQUESTED`)], version: loan.version + 1 };
}

export async function requestLoanChange(u: MCtx, input: RequestLoanChangeInput): Promise<LoanView> {
  const loan = await loanOf(u, input.loanId, 'input.loanId');
  const next = changeRequest(loan, input, actorOf(u));
  saveLoan(u, loan, next);
  return view(u, next);
}

/** The change waiting on the loan and the loan's position today, if someone other than the requester may approve it. */
export function approvableChange(loan: Loan, by: Actor): { change: Change; position: LoanPosition } {
  const change = loan.pendingChange;
  if (loan.status !== 'ACTIVE' || !change) throw new InvalidStateError('no change is waiting for approval on this loan', 'tidak ada perubahan yang menunggu persetujuan');
  checkNotMaker(by, change.requestedBy, 'request');
  notBefore(by.today, change.requestedOn, { en: 'the request', id: 'tanggal pengajuan' });
  // The position on an earlier day would leave out repayments made since (as a repayment dated before them is refused).
  if (loan.repayments.some((x) => x.date > by.today)) throw new InvalidStateError('a later repayment is already recorded', 'sudah ada angsuran dengan tanggal lebih akhir');
  // The change is decided on the loan's position; a reversal waiting to change that position goes first.
  if (loan.pendingReversal) throw new InvalidStateError('a repayment reversal is waiting for approval: decide it first', 'ada pembatalan angsuran yang menunggu persetujuan: putuskan dulu');
  const position = positionOf(loan, by.today);
  if (!position) throw new InvalidStateError('the loan is disbursed after today', 'pinjaman dicairkan setelah hari ini');
  return { change, position };
}

const withoutChange = ({ pendingChange: _done, ...rest }: Loan): Loan => rest;

/** Write-off: the outstanding principal leaves the books, against the allowance first. */
export function writeOff(loan: Loan, position: LoanPosition, allowanceBalance: number, by: Actor) {
  const principal = position.principalOutstanding;
  const fromAllowance = Math.min(allowanceBalance, principal);
  // The claim the member still owes off the books: what would have closed the loan that day.
  const { total: _t, ...writtenOff } = position.payoff;
  const next: Loan = {
    ...withoutChange(loan),
    status: 'WRITTEN_OFF',
    writtenOffOn: by.today,
    writtenOffPrincipal: principal,
    writtenOff,
    events: [...loan.events, stamp(by, 'WRITTEN_OFF')],
    version: loan.version + 1,
  };
  return { next, principal, fromAllowance };
}

/** Dr allowance (as far as it goes) and loss expense (the rest), Cr loans receivable. */
export function writeOffEntry(loan: Loan, principal: number, fromAllowance: number): UnitJournalEntry {
  return {
    memo: `Hapus buku pinjaman ${loan.productName}`,
    documentId: loan.id,
    lines: nonZero([
      { account: ACCOUNTS.allowance, debit: fromAllowance },
      { account: ACCOUNTS.allowanceExpense, debit: principal - fromAllowance },
      { account: ACCOUNTS.loans, credit: principal },
    ]),
  };
}

/**
 * Reschedule: the loan ends as RESCHEDULED and a new one carries its outstanding principal on the new
 * terms from today; unpaid interest, fees and (unless waived) penalties go into its first instalment.
 */
export function reschedule(loan: Loan, change: Change, position: LoanPosition, newId: string, by: Actor): { old: Loan; renewed: Loan } {
  const rest = withoutChange(loan);
  const carried = position.payoff.fee + position.payoff.interest + (change.waivePenalties ? 0 : position.payoff.penalty);
  const terms = { principal: position.principalOutstanding, termMonths: change.termMonths!, graceMonths: change.graceMonths ?? 0, annualRateBp: change.annualRateBp!, interestMethod: change.interestMethod! };
  const schedule = buildSchedule({ ...terms, method: terms.interestMethod, startsOn: by.today, firstInstalmentFee: carried, instalmentMultiple: loan.instalmentMultiple ?? 1 });
  const old: Loan = { ...rest, status: 'RESCHEDULED', closedOn: by.today, rescheduledTo: newId, events: [...loan.events, stamp(by, 'RESCHEDULED')], version: loan.version + 1 };
  const renewed: Loan = {
    ...rest,
    id: newId,
    ...terms,
    adminFee: 0,
    adminFeeDeducted: false,
    status: 'ACTIVE',
    appliedOn: change.requestedOn,
    enteredBy: change.requestedBy,
    boardApprovedBy: by.userId,
    approvedOn: by.today,
    disbursedOn: by.today,
    disbursedBy: by.userId,
    schedule,
    repayments: [],
    recoveries: [],
    rescheduledFrom: loan.id,
    events: [stamp(by, `RESCHEDULED_FROM ${loan.id}: ${change.reason}`)],
    version: 1,
  };
  return { old, renewed };
}

async function writeOffLoan(u: MCtx, loan: Loan, position: LoanPosition, by: Actor): Promise<Loan> {
  const allowance = await u.store.get(allowanceSchema, 'ALLOWANCE');
  const { next, principal, fromAllowance } = writeOff(loan, position, allowance?.balance ?? 0, by);
  saveLoan(u, loan, next);
  if (fromAllowance > 0) u.writes.replace(['ALLOWANCE'], { balance: allowance!.balance - fromAllowance, version: allowance!.version + 1, updatedOn: by.today }, allowance!.version);
  if (principal > 0) await u.post(writeOffEntry(loan, principal, fromAllowance));
  return next;
}

export async function approveLoanChange(u: MCtx, input: LoanIdInput): Promise<LoanView> {
  const loan = await loanOf(u, input.loanId, 'input.loanId');
  const by = actorOf(u);
  const { change, position } = approvableChange(loan, by);
  if (change.kind === 'WRITE_OFF') return view(u, await writeOffLoan(u, loan, position, by));
  const { old, renewed } = reschedule(loan, change, position, u.newId(), by);
  // The old loan and the new one, each with its loan book row, in the approval's one transaction.
  writeLoans(u, [{ before: loan, after: old }, { created: renewed }]);
  return view(u, renewed);
}
