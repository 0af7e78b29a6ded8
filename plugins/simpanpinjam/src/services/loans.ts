import { BusinessRuleError, InvalidStateError, ValidationError, z, type UnitJournalEntry } from '@kkmp/plugin-sdk';
import { ACCOUNTS } from '../accounts';
import { actorOf, memberOf, notBefore, stamp, type Actor, type MCtx } from '../context';
import type { Loan, Product } from '../items';
import { createLoan, loanOf, nonZero, saveLoan, view } from '../loans/store';
import { projectedSchedule, type LoanView } from '../loans/view';
import { mulDivRound, rp, rpEn } from '../math';
import { productOf } from '../savings/store';
import { checkWholeIn, id, positiveAmount, textUpTo } from './inputs';
import { checkLoanToSavings, checkRelatedPartyLimit, isRelatedParty } from './loan-limits';

/** A loan's life up to disbursement: application (the maker), approvals (the checkers), refusal, payout. */

export const applyForLoanInput = z.object({
  memberId: id,
  productId: id,
  amount: positiveAmount,
  termMonths: z.number().int(),
  graceMonths: z.number().int().nullish(),
  purpose: textUpTo(300),
});
export type ApplyForLoanInput = z.output<typeof applyForLoanInput>;

export const loanIdInput = z.object({ loanId: id });
export type LoanIdInput = z.output<typeof loanIdInput>;

export const rejectLoanInput = z.object({ loanId: id, reason: textUpTo(300) });
export type RejectLoanInput = z.output<typeof rejectLoanInput>;

/** The amount must lie within the product's limits. */
export function checkAmountForProduct(product: Product, amount: number, field: string) {
  if (amount < product.minAmount! || amount > product.maxAmount!) {
    throw ValidationError.field(field, `must be from ${rpEn(product.minAmount!)} to ${rpEn(product.maxAmount!)} for this product`, `harus ${rp(product.minAmount!)} sampai ${rp(product.maxAmount!)} untuk produk ini`);
  }
}

/** Term and grace within the product's limits (grace shorter than the term); fields named under `root`. */
export function termsFor(product: Product, termMonths: number, graceMonths: number | null | undefined, root: string) {
  const term = checkWholeIn(termMonths, `${root}termMonths`, product.minTermMonths!, product.maxTermMonths!);
  const grace = checkWholeIn(graceMonths, `${root}graceMonths`, 0, Math.min(product.maxGraceMonths ?? 0, term - 1), 0);
  return { termMonths: term, graceMonths: grace };
}

/** Admin fee of a principal under a product: the fixed part plus basis points of the principal. */
export const adminFeeOf = (product: Product, principal: number) => (product.adminFeeFixed ?? 0) + mulDivRound(principal, product.adminFeeBp ?? 0, 10_000);

/** A new application (PENDING), with the product's terms copied so later product changes leave it alone. */
export function newLoan(a: { id: string; product: Product; memberId: string; input: ApplyForLoanInput; terms: ReturnType<typeof termsFor>; relatedParty: boolean; by: Actor }): Loan {
  const { product, input } = a;
  return {
    id: a.id,
    memberId: a.memberId,
    productId: product.id,
    productName: product.name,
    principal: input.amount,
    ...a.terms,
    annualRateBp: product.annualRateBp,
    interestMethod: product.interestMethod!,
    adminFee: adminFeeOf(product, input.amount),
    adminFeeDeducted: !!product.adminFeeDeducted,
    penaltyMethod: product.penaltyMethod ?? 'NONE',
    penaltyRateBp: product.penaltyRateBp ?? 0,
    ...(product.maxPenaltyAmount !== undefined ? { maxPenaltyAmount: product.maxPenaltyAmount } : {}),
    ...(product.maxPenaltyDays !== undefined ? { maxPenaltyDays: product.maxPenaltyDays } : {}),
    ...(product.instalmentMultiple !== undefined ? { instalmentMultiple: product.instalmentMultiple } : {}),
    purpose: input.purpose,
    relatedParty: a.relatedParty,
    status: 'PENDING',
    appliedOn: a.by.today,
    enteredBy: a.by.userId,
    schedule: [],
    repayments: [],
    recoveries: [],
    events: [stamp(a.by, 'ENTERED')],
    version: 1,
  };
}

export async function applyForLoan(u: MCtx, input: ApplyForLoanInput): Promise<LoanView> {
  const member = await memberOf(u, input.memberId, 'input.memberId');
  const product = await productOf(u, input.productId, 'input.productId', ['LOAN']);
  checkAmountForProduct(product, input.amount, 'input.amount');
  const terms = termsFor(product, input.termMonths, input.graceMonths, 'input.');
  await checkLoanToSavings(u, product, member.id, input.amount, 'input.amount');
  const relatedParty = isRelatedParty(u, member.id);
  const loanId = u.newId();
  if (relatedParty) await checkRelatedPartyLimit(u, { id: loanId, principal: input.amount }, 'input.amount');
  const loan = newLoan({ id: loanId, product, memberId: member.id, input, terms, relatedParty, by: actorOf(u) });
  createLoan(u, loan);
  return view(u, loan);
}

/** Maker-checker: whoever entered something cannot approve it. */
export function checkNotMaker(by: Actor, maker: string, what: 'loan' | 'request', field = 'input.loanId') {
  if (by.userId === maker) {
    throw new BusinessRuleError('MAKER_CHECKER', `the person who entered this ${what} cannot approve it; another approver must`, `yang memasukkan ${what === 'loan' ? 'pinjaman' : 'permintaan'} ini tidak boleh menyetujuinya; harus pemberi persetujuan lain`, {
      field,
    });
  }
}

/** APPROVED once every approval it needs is in; still PENDING otherwise. */
const approvedIf = (done: boolean, today: string) => ({ status: done ? ('APPROVED' as const) : ('PENDING' as const), ...(done ? { approvedOn: today } : {}) });

/** The board's approval (the checker): never by the maker, never of one's own loan. */
export function boardApproval(loan: Loan, by: Actor): Loan {
  if (loan.status !== 'PENDING' || loan.boardApprovedBy) throw new InvalidStateError('this loan is not waiting for approval', 'pinjaman ini tidak menunggu persetujuan');
  checkNotMaker(by, loan.enteredBy, 'loan');
  if (by.memberId === loan.memberId) {
    throw new BusinessRuleError('OWN_LOAN', 'nobody approves a loan to themselves', 'tidak boleh menyetujui pinjaman untuk diri sendiri', { field: 'input.loanId' });
  }
  const done = !loan.relatedParty || !!loan.supervisorApprovedBy;
  return { ...loan, boardApprovedBy: by.userId, ...approvedIf(done, by.today), events: [...loan.events, stamp(by, 'APPROVED_BY_BOARD')], version: loan.version + 1 };
}

/** A supervisor's endorsement, which only related-party loans need. */
export function supervisorEndorsement(loan: Loan, by: Actor): Loan {
  if (loan.status !== 'PENDING' || loan.supervisorApprovedBy) throw new InvalidStateError('this loan is not waiting for a supervisor', 'pinjaman ini tidak menunggu persetujuan pengawas');
  if (!loan.relatedParty) throw new InvalidStateError('only loans to related parties need a supervisor', 'hanya pinjaman kepada pihak terkait yang perlu persetujuan pengawas');
  if (by.memberId === loan.memberId) {
    throw new BusinessRuleError('OWN_LOAN', 'a supervisor cannot endorse a loan to themselves', 'pengawas tidak boleh menyetujui pinjaman untuk dirinya sendiri', { field: 'input.loanId' });
  }
  const done = !!loan.boardApprovedBy;
  return { ...loan, supervisorApprovedBy: by.userId, ...approvedIf(done, by.today), events: [...loan.events, stamp(by, 'ENDORSED_BY_SUPERVISOR')], version: loan.version + 1 };
}

/** Refusal of an application not yet disbursed; a second refusal says the first one happened. */
export function rejection(loan: Loan, by: Actor, reason: string): Loan {
  if (loan.status === 'REJECTED') {
    const on = loan.rejectedOn ?? loan.events.find((e) => e.what === 'REJECTED')?.on;
    throw new InvalidStateError(`this loan application is already rejected${on ? ` (on ${on})` : ''}`, `pengajuan pinjaman ini sudah ditolak${on ? ` (pada ${on})` : ''}`);
  }
  if (loan.status !== 'PENDING' && loan.status !== 'APPROVED') throw new InvalidStateError('only an application not yet disbursed can be refused', 'hanya pengajuan yang belum dicairkan yang dapat ditolak');
  return { ...loan, status: 'REJECTED', rejectedBy: by.userId, rejectedOn: by.today, rejectionReason: reason, events: [...loan.events, stamp(by, 'REJECTED')], version: loan.version + 1 };
}

export async function approveLoan(u: MCtx, input: LoanIdInput): Promise<LoanView> {
  const loan = await loanOf(u, input.loanId, 'input.loanId');
  const next = boardApproval(loan, actorOf(u));
  // Re-checked at approval: other related-party loans may have been approved since the application.
  if (loan.relatedParty) await checkRelatedPartyLimit(u, loan, 'input.loanId');
  saveLoan(u, loan, next);
  return view(u, next);
}

export async function endorseLoan(u: MCtx, input: LoanIdInput): Promise<LoanView> {
  const loan = await loanOf(u, input.loanId, 'input.loanId');
  const next = supervisorEndorsement(loan, actorOf(u));
  saveLoan(u, loan, next);
  return view(u, next);
}

export async function rejectLoan(u: MCtx, input: RejectLoanInput): Promise<LoanView> {
  const loan = await loanOf(u, input.loanId, 'input.loanId');
  const next = rejection(loan, actorOf(u), input.reason);
  saveLoan(u, loan, next);
  return view(u, next);
}

/** Payout of an approved loan today: its schedule starts today. */
export function disbursement(loan: Loan, by: Actor): Loan {
  if (loan.status !== 'APPROVED') throw new InvalidStateError('only an approved loan can be disbursed', 'hanya pinjaman yang disetujui yang dapat dicairkan');
  notBefore(by.today, loan.approvedOn ?? by.today, { en: "the loan's approval", id: 'persetujuan pinjaman' });
  const schedule = projectedSchedule(loan, by.today);
  return { ...loan, status: 'ACTIVE', disbursedOn: by.today, disbursedBy: by.userId, schedule, events: [...loan.events, stamp(by, 'DISBURSED')], version: loan.version + 1 };
}

/** Dr loans receivable (principal), Cr cash; a deducted admin fee is revenue from members and paid out less. */
export function disbursementEntry(loan: Loan, cashAccount: string): UnitJournalEntry {
  const fee = loan.adminFeeDeducted ? loan.adminFee : 0;
  return {
    memo: `Pencairan pinjaman ${loan.productName}`,
    documentId: loan.id,
    lines: nonZero([
      { account: ACCOUNTS.loans, debit: loan.principal },
      { account: cashAccount, credit: loan.principal - fee },
      { account: ACCOUNTS.memberRevenue, credit: fee },
    ]),
    ...(fee ? { patronage: [{ memberId: loan.memberId, amount: fee }] } : {}),
  };
}

export async function disburseLoan(u: MCtx, input: LoanIdInput): Promise<LoanView> {
  const loan = await loanOf(u, input.loanId, 'input.loanId');
  const next = disbursement(loan, actorOf(u));
  saveLoan(u, loan, next);
  await u.post(disbursementEntry(loan, u.settings.cashAccount));
  return view(u, next);
}
