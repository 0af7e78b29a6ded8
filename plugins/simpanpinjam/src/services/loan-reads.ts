import { z } from '@kkmp/plugin-sdk';
import { memberOf, type Ctx } from '../context';
import { LOAN_STATUSES, loanSchema, type Loan } from '../items';
import type { InstalmentPosition } from '../loans/position';
import { readBook } from '../loans/book';
import { loanOf, loansOfMember, view } from '../loans/store';
import { statusOn, type LoanView } from '../loans/view';
import { buildSchedule } from '../schedule';
import { productOf } from '../savings/store';
import { id, optionalDate, positiveAmount } from './inputs';
import { adminFeeOf, termsFor } from './loans';

export const loansArgs = z.object({ status: z.enum(LOAN_STATUSES).nullish(), memberId: id.nullish(), asOf: optionalDate });
export type LoansArgs = z.output<typeof loansArgs>;

/**
 * The loans that existed on a date, as they stood then (status included), oldest first; `status`
 * filters on the status of that date.
 */
export function loansOn(all: readonly Loan[], asOf: string, status?: Loan['status'] | null): Loan[] {
  return all.filter((l) => {
    const then = statusOn(l, asOf);
    return then !== undefined && (!status || then === status);
  });
}

/**
 * The loans to list, oldest first, read as narrowly as the question allows: one member's by the member's
 * index; the approved or active ones on a date on or after today by the loan book's ids (when complete);
 * else every loan. The caller still filters on the date's status, so each path gives the same list.
 */
async function candidates(u: Ctx, args: LoansArgs, asOf: string): Promise<Loan[]> {
  if (args.memberId) return loansOfMember(u, (await memberOf(u, args.memberId, 'memberId', false)).id);
  if ((args.status === 'APPROVED' || args.status === 'ACTIVE') && asOf >= u.today()) {
    const book = await readBook(u);
    if (book.complete) {
      const ids = [...book.rows].filter(([, row]) => row[1] === args.status).map(([id]) => id).sort();
      return (await u.store.getMany(loanSchema, ids.map((id) => ['LOAN', id]))).filter((l): l is Loan => l !== undefined);
    }
  }
  return u.store.all(loanSchema, ['LOAN']);
}

/** Loans, oldest first: all, one status, or one member's; each with its position on the as-of date. */
export async function loans(u: Ctx, args: LoansArgs): Promise<LoanView[]> {
  const asOf = args.asOf ?? u.today();
  return loansOn(await candidates(u, args, asOf), asOf, args.status).map((l) => view(u, l, asOf));
}

export const loanArgs = z.object({ id, asOf: optionalDate });

export async function loan(u: Ctx, args: z.output<typeof loanArgs>): Promise<LoanView> {
  return view(u, await loanOf(u, args.id, 'id'), args.asOf ?? u.today());
}

export const schedulePreviewArgs = z.object({
  productId: id,
  amount: positiveAmount,
  termMonths: z.number().int(),
  graceMonths: z.number().int().nullish(),
  startsOn: optionalDate,
});
export type SchedulePreviewArgs = z.output<typeof schedulePreviewArgs>;

/** The schedule a loan of the product would get, for showing a member before they apply. */
export async function schedulePreview(u: Ctx, args: SchedulePreviewArgs): Promise<InstalmentPosition[]> {
  const product = await productOf(u, args.productId, 'productId', ['LOAN']);
  const { termMonths, graceMonths } = termsFor(product, args.termMonths, args.graceMonths, '');
  const fee = adminFeeOf(product, args.amount);
  return buildSchedule({
    principal: args.amount,
    termMonths,
    graceMonths,
    annualRateBp: product.annualRateBp,
    method: product.interestMethod!,
    startsOn: args.startsOn ?? u.today(),
    firstInstalmentFee: product.adminFeeDeducted ? 0 : fee,
    instalmentMultiple: product.instalmentMultiple ?? 1,
  }).map((i) => ({ ...i, paidPrincipal: 0, paidInterest: 0, paidFee: 0, penalty: 0, state: 'UPCOMING' as const, daysLate: 0 }));
}
