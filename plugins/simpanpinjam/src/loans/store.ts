import { NotFoundError, decodeId } from '@kkmp/plugin-sdk';
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

/** Replaces the loan if nobody changed it since it was read (else the mutation re-runs from fresh reads). */
export function saveLoan(u: MCtx, before: Loan, after: Loan) {
  u.writes.replace(['LOAN', before.id], after, before.version);
}
