import { NotFoundError, decodeId, z } from '@kkmp/plugin-sdk';
import type { Ctx, MCtx } from '../context';
import { loanSchema, type Loan } from '../items';
import { writeBook } from './book';
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
 * Every loan write goes through here (createLoan, saveLoan): the loans, a new loan's entry in the member's
 * index (MLOAN#member#loan, so a member's loans are read by key), and the loan book's rows (see book.ts),
 * all in the mutation's one transaction.
 */
export function writeLoans(u: MCtx, changes: readonly ({ before: Loan; after: Loan } | { created: Loan })[]) {
  for (const c of changes) {
    if ('created' in c) {
      u.writes.create(['LOAN', c.created.id], c.created);
      u.writes.create(memberLoanKey(c.created.memberId, c.created.id), { memberId: c.created.memberId, loanId: c.created.id });
    } else u.writes.replace(['LOAN', c.before.id], c.after, c.before.version);
  }
  writeBook(u, changes.map((c) => ('created' in c ? { after: c.created } : c)));
}

/** A new loan (see writeLoans). */
export const createLoan = (u: MCtx, loan: Loan) => writeLoans(u, [{ created: loan }]);

export const memberLoanKey = (memberId: string, loanId: string) => ['MLOAN', memberId, loanId];
const memberLoanSchema = z.object({ loanId: z.string() });

/** The member's loans (every one ever made, as they stand now): the index, then the loans by key. */
export async function loansOfMember(u: Ctx, memberId: string): Promise<Loan[]> {
  const index = await u.store.all(memberLoanSchema, ['MLOAN', memberId]);
  const loans = await u.store.getMany(loanSchema, index.map((e) => ['LOAN', e.loanId]));
  return loans.filter((l): l is Loan => l !== undefined);
}

/** Replaces the loan if nobody changed it since it was read (else the mutation re-runs from fresh reads). */
export const saveLoan = (u: MCtx, before: Loan, after: Loan) => writeLoans(u, [{ before, after }]);
