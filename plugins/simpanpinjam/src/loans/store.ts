import { NotFoundError, decodeId, z } from '@kkmp/plugin-sdk';
import type { Ctx, MCtx } from '../context';
import { loanSchema, type Loan } from '../items';
import type { LoanView } from './view';

export async function loanOf(u: Ctx, id: string, field: string): Promise<Loan> {
  const [raw] = decodeId(id, 'SimpanpinjamLoan', field, 1) as [string];
  const loan = await u.store.get(loanSchema, 'LOAN', raw);
  if (!loan) throw new NotFoundError('SimpanpinjamLoan', id, field);
  return loan;
}

export const view = (u: Ctx, loan: Loan, asOf = u.today()): LoanView => ({ coopId: u.cooperative.id, loan, asOf, bands: u.settings.collectibility });

/** Journal lines without the zero ones (a line must move money). */
export const nonZero = <L extends { debit?: number; credit?: number }>(lines: L[]) => lines.filter((l) => (l.debit ?? 0) + (l.credit ?? 0) > 0);

/**
 * A new loan, with its entry in the member's index (MLOAN#member#loan, written once in the same
 * transaction): a member's loans are read by key, never by reading every loan of the cooperative.
 */
export function createLoan(u: MCtx, loan: Loan) {
  u.writes.create(['LOAN', loan.id], loan);
  u.writes.create(memberLoanKey(loan.memberId, loan.id), { memberId: loan.memberId, loanId: loan.id });
}

export const memberLoanKey = (memberId: string, loanId: string) => ['MLOAN', memberId, loanId];
const memberLoanSchema = z.object({ loanId: z.string() });

/** The member's loans (every one ever made, as they stand now): the index, then the loans by key. */
export async function loansOfMember(u: Ctx, memberId: string): Promise<Loan[]> {
  const index = await u.store.all(memberLoanSchema, ['MLOAN', memberId]);
  const loans = await u.store.getMany(loanSchema, index.map((e) => ['LOAN', e.loanId]));
  return loans.filter((l): l is Loan => l !== undefined);
}

/** Replaces the loan if nobody changed it since it was read (else the mutation re-runs from fresh reads). */
export function saveLoan(u: MCtx, before: Loan, after: Loan) {
  u.writes.replace(['LOAN', before.id], after, before.version);
}
