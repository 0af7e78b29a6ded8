import { z } from '@kkmp/plugin-sdk';

/**
 * What the unit stores, all in its own partition:
 *   PRODUCT#<id>                            savings, time-deposit and loan products
 *   SACCT#<memberId>#<accountId>            savings account: balance kept by atomic ADD, txnCount
 *   STXN#<accountId>#<date>#<txnId>         one movement of a savings account (its statement line)
 *   TDEP#<memberId>#<depositId>             time deposit
 *   LOAN#<loanId>                           loan: terms, schedule, repayments (replaced by version)
 *   ALLOWANCE                               allowance for loan losses kept in the books (by version)
 *   MLOAN#<memberId>#<loanId>               a member's loans by key (loans/store.ts)
 *   LOANROW#<loanId>                        the loan book: a row per approved or active loan (loans/book.ts)
 *   LOANBOOK                                the loan book's marker: complete, the rebuild's cursor
 *
 * Loans copy their product's terms when entered, so later product changes leave them alone; fields
 * added since (penalty caps, instalment multiple, recoveries, reversals) are optional, and absent means
 * what the loan had before they existed (no cap, whole rupiah, none).
 */
const int = z.number().int();

export const interestMethodSchema = z.enum(['FLAT', 'DECLINING', 'ANNUITY']);
export const penaltyMethodSchema = z.enum(['NONE', 'PER_DAY', 'PER_INSTALMENT']);
export const balanceMethodSchema = z.enum(['MINIMUM', 'AVERAGE_DAILY']);
export const earlyWithdrawalSchema = z.enum(['FORFEIT_INTEREST', 'PENALTY']);
export const changeKindSchema = z.enum(['RESCHEDULE', 'WRITE_OFF']);

export const savingsProductSchema = z.object({
  id: z.string(),
  kind: z.enum(['SAVINGS', 'TIME_DEPOSIT', 'LOAN']),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  // Savings and time deposits
  annualRateBp: int,
  balanceMethod: balanceMethodSchema.optional(),
  minBalance: int.optional(),
  termMonths: int.optional(),
  earlyWithdrawal: earlyWithdrawalSchema.optional(),
  earlyPenaltyBp: int.optional(),
  // Loans
  interestMethod: interestMethodSchema.optional(),
  minAmount: int.optional(),
  maxAmount: int.optional(),
  minTermMonths: int.optional(),
  maxTermMonths: int.optional(),
  maxGraceMonths: int.optional(),
  adminFeeBp: int.optional(),
  adminFeeFixed: int.optional(),
  adminFeeDeducted: z.boolean().optional(),
  penaltyMethod: penaltyMethodSchema.optional(),
  penaltyRateBp: int.optional(),
  /** Penalties charged on a loan stop at this total (rupiah); absent: no cap. */
  maxPenaltyAmount: int.optional(),
  /** A PER_DAY penalty runs for at most this many days past each instalment's due date; absent: no cap. */
  maxPenaltyDays: int.optional(),
  /** Instalments rounded half up to a multiple of this many rupiah, the remainder on the last; absent: 1. */
  instalmentMultiple: int.optional(),
  maxLoanToSavingsBp: int.optional(),
});
export type Product = z.infer<typeof savingsProductSchema>;

export const savingsAccountSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  productId: z.string(),
  openedOn: z.string(),
  openedBy: z.string(),
  balance: int,
  txnCount: int,
  /** Last month (YYYY-MM) whose interest was posted. */
  lastInterestMonth: z.string().optional(),
});
export type SavingsAccount = z.infer<typeof savingsAccountSchema>;

export const savingsTxnSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  date: z.string(),
  kind: z.enum(['DEPOSIT', 'WITHDRAWAL', 'INTEREST']),
  /** Signed: withdrawals negative. */
  amount: int,
  at: z.string(),
  by: z.string(),
  memo: z.string().optional(),
});
export type SavingsTxn = z.infer<typeof savingsTxnSchema>;

export const timeDepositSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  productId: z.string(),
  principal: int,
  annualRateBp: int,
  termMonths: int,
  openedOn: z.string(),
  maturityDate: z.string(),
  earlyWithdrawal: earlyWithdrawalSchema,
  earlyPenaltyBp: int,
  status: z.enum(['OPEN', 'WITHDRAWN']),
  withdrawnOn: z.string().optional(),
  interestPaid: int.optional(),
  penaltyCharged: int.optional(),
  version: int,
});
export type TimeDeposit = z.infer<typeof timeDepositSchema>;

const instalment = z.object({ number: int, dueDate: z.string(), principal: int, interest: int, fee: int });
const allocation = z.object({ penalty: int, fee: int, interest: int, principal: int });
const repayment = z.object({
  id: z.string(),
  date: z.string(),
  amount: int,
  penalty: int,
  fee: int,
  interest: int,
  principal: int,
  by: z.string(),
  /** A mistaken repayment, reversed (maker-checker): kept for the history, left out of the position. */
  reversal: z.object({ on: z.string(), by: z.string(), requestedBy: z.string(), reason: z.string() }).optional(),
});
const recovery = z.object({ id: z.string(), date: z.string(), amount: int, by: z.string() });

export const LOAN_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'ACTIVE', 'CLOSED', 'WRITTEN_OFF', 'RESCHEDULED'] as const;

export const loanSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  productId: z.string(),
  productName: z.string(),
  principal: int,
  termMonths: int,
  graceMonths: int,
  annualRateBp: int,
  interestMethod: interestMethodSchema,
  adminFee: int,
  adminFeeDeducted: z.boolean(),
  penaltyMethod: penaltyMethodSchema,
  penaltyRateBp: int,
  maxPenaltyAmount: int.optional(),
  maxPenaltyDays: int.optional(),
  instalmentMultiple: int.optional(),
  purpose: z.string(),
  relatedParty: z.boolean(),
  status: z.enum(LOAN_STATUSES),
  appliedOn: z.string(),
  enteredBy: z.string(),
  boardApprovedBy: z.string().optional(),
  supervisorApprovedBy: z.string().optional(),
  approvedOn: z.string().optional(),
  rejectedBy: z.string().optional(),
  rejectedOn: z.string().optional(),
  rejectionReason: z.string().optional(),
  disbursedOn: z.string().optional(),
  disbursedBy: z.string().optional(),
  schedule: z.array(instalment).default([]),
  repayments: z.array(repayment).default([]),
  closedOn: z.string().optional(),
  writtenOffOn: z.string().optional(),
  writtenOffPrincipal: int.optional(),
  /** The claim written off: what would have closed the loan on the write-off day. */
  writtenOff: allocation.optional(),
  /** Money recovered on the written-off claim, oldest first. */
  recoveries: z.array(recovery).default([]),
  rescheduledFrom: z.string().optional(),
  rescheduledTo: z.string().optional(),
  pendingChange: z
    .object({
      kind: changeKindSchema,
      requestedBy: z.string(),
      requestedOn: z.string(),
      reason: z.string(),
      termMonths: int.optional(),
      graceMonths: int.optional(),
      annualRateBp: int.optional(),
      interestMethod: interestMethodSchema.optional(),
      waivePenalties: z.boolean().optional(),
    })
    .optional(),
  /** A repayment reversal waiting for approval by someone other than who asked for it. */
  pendingReversal: z.object({ repaymentId: z.string(), requestedBy: z.string(), requestedOn: z.string(), reason: z.string() }).optional(),
  /** Every step, for the loan's own history (the kit audits each mutation too). */
  events: z.array(z.object({ on: z.string(), at: z.string(), by: z.string(), what: z.string() })).default([]),
  version: int,
});
export type Loan = z.infer<typeof loanSchema>;

export const allowanceSchema = z.object({ balance: int, version: int, updatedOn: z.string() });
