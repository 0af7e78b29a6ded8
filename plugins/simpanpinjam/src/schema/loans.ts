import type { UnitSchemaKit } from '@kkmp/plugin-sdk';
import { prefetchBook } from '../loans/book';
import { approveLoanChange, requestLoanChange, requestLoanChangeInput } from '../services/loan-changes';
import { createLoanProduct, createLoanProductInput, loanProducts } from '../services/loan-products';
import { loan, loanArgs, loans, loansArgs, schedulePreview, schedulePreviewArgs } from '../services/loan-reads';
import { applyForLoan, applyForLoanInput, approveLoan, disburseLoan, endorseLoan, loanIdInput, rejectLoan, rejectLoanInput } from '../services/loans';
import { recoverLoan, recoverLoanInput } from '../services/recoveries';
import { repayLoan, repayLoanInput } from '../services/repayments';
import type { SimpanpinjamSettings } from '../settings';
import type { Refs } from './types';

/** Loan operations: GraphQL fields mapped to the services in ../services, which hold the rules. */

type Kit = UnitSchemaKit<SimpanpinjamSettings>;

function registerLoanProducts(unit: Kit, r: Refs) {
  unit.mutation('createLoanProduct', {
    type: r.LoanProduct,
    description: 'Create a loan product: interest method and yearly rate, limits on amount and term, grace, admin fee, late-payment penalty and loan-to-savings ratio.',
    permission: 'simpanpinjam:manage',
    businessEvent: false,
    input: (t) => ({
      name: t.string({ description: 'Name shown to members, e.g. "Pinjaman Usaha Mikro".' }),
      interestMethod: t.field({ type: r.InterestMethod, description: 'Flat, declining or annuity.' }),
      annualRateBp: t.int({ description: 'Interest, basis points PER YEAR for every method (1.5% a month flat = 1800), 0 to 10000.' }),
      minAmount: t.field({ type: 'Rupiah', description: 'Smallest loan.' }),
      maxAmount: t.field({ type: 'Rupiah', description: 'Largest loan.' }),
      minTermMonths: t.int({ description: 'Shortest term, months (1-120).' }),
      maxTermMonths: t.int({ description: 'Longest term, months (1-120).' }),
      maxGraceMonths: t.int({ required: false, description: 'Longest grace on principal, months (default 0); less than the shortest term.' }),
      adminFeeBp: t.int({ required: false, description: 'Admin fee, basis points of the principal (default 0).' }),
      adminFeeFixed: t.field({ type: 'Rupiah', required: false, description: 'Admin fee, fixed part (default 0).' }),
      adminFeeDeducted: t.boolean({ required: false, description: 'True: deducted from the disbursement; false (default): due with the first instalment.' }),
      penaltyMethod: t.field({ type: r.PenaltyMethod, required: false, description: 'Late-payment penalty method (default NONE).' }),
      penaltyRateBp: t.int({ required: false, description: 'Penalty rate, basis points per day late or per late instalment (default 0).' }),
      maxPenaltyAmount: t.field({ type: 'Rupiah', required: false, description: 'Cap on the penalties charged on one loan, in all (default: no cap).' }),
      maxPenaltyDays: t.int({ required: false, description: 'PER_DAY: charge at most this many days past each due date, 1-3650 (default: no cap).' }),
      instalmentMultiple: t.field({
        type: 'Rupiah',
        required: false,
        description: 'Round each instalment (principal + interest) but the last half up to a multiple of this, e.g. 100 or 500; the principal takes the difference and the last instalment the remainder. 1-100000 (default 1: whole rupiah).',
      }),
      maxLoanToSavingsBp: t.int({ required: false, description: "Largest loan as basis points of the member's savings and time deposits (30000 = 3 times); 0 or absent = no limit." }),
    }),
    schema: createLoanProductInput,
    resolve: (input, u) => createLoanProduct(u, input),
  });

  unit.query('loanProducts', {
    type: [r.LoanProduct],
    description: 'Loan products, oldest first.',
    permission: 'simpanpinjam:read',
    resolve: (_args, u) => loanProducts(u),
  });
}

function registerApprovals(unit: Kit, r: Refs) {
  unit.mutation('applyForLoan', {
    type: r.Loan,
    description:
      "Enter a member's loan application (the maker). Checks the product's amount, term and grace limits, the loan-to-savings ratio and, for board members and supervisors, the related-party limit. Approval needs someone else (simpanpinjamApproveLoan); a related-party loan also a supervisor (simpanpinjamEndorseLoan).",
    permission: 'simpanpinjam:enter',
    businessEvent: false,
    input: (t) => ({
      memberId: t.id({ description: 'The borrower (a Member id).' }),
      productId: t.id({ description: 'A loan product.' }),
      amount: t.field({ type: 'Rupiah', description: 'Principal asked for.' }),
      termMonths: t.int({ description: 'Instalments, months, grace included.' }),
      graceMonths: t.int({ required: false, description: 'First months with interest only (default 0).' }),
      purpose: t.string({ description: 'What the loan is for (1-300 characters).' }),
    }),
    schema: applyForLoanInput,
    resolve: (input, u) => applyForLoan(u, input),
  });

  unit.mutation('approveLoan', {
    type: r.Loan,
    description:
      'Approve a loan application as the board/management (the checker): refused to whoever entered it (BusinessRuleError MAKER_CHECKER). A related-party loan is re-checked against the limit and also needs a supervisor (simpanpinjamEndorseLoan) before it is APPROVED.',
    permission: 'simpanpinjam:approve',
    input: (t) => ({ loanId: t.id({ description: 'Loan id.' }) }),
    schema: loanIdInput,
    resolve: (input, u) => approveLoan(u, input),
  });

  unit.mutation('endorseLoan', {
    type: r.Loan,
    description:
      "A supervisor's (pengawas) approval of a related-party loan (to a board member or supervisor), required besides the board's. Supervisors write nothing else; a loan that is not related-party needs no endorsement.",
    permission: 'simpanpinjam:endorse',
    input: (t) => ({ loanId: t.id({ description: 'Loan id.' }) }),
    schema: loanIdInput,
    resolve: (input, u) => endorseLoan(u, input),
  });

  unit.mutation('rejectLoan', {
    type: r.Loan,
    description: 'Refuse a loan application that is not disbursed yet, with a reason. Refusing it again is INVALID_STATE, saying it is already rejected.',
    permission: 'simpanpinjam:approve',
    input: (t) => ({ loanId: t.id({ description: 'Loan id.' }), reason: t.string({ description: 'Why (1-300 characters).' }) }),
    schema: rejectLoanInput,
    resolve: (input, u) => rejectLoan(u, input),
  });
}

function registerPayments(unit: Kit, r: Refs) {
  unit.mutation('disburseLoan', {
    type: r.Loan,
    description:
      'Pay out an approved loan in cash today; its schedule starts today. Posts Dr loans receivable (principal), Cr cash; a deducted admin fee is Cr revenue from members (4110, with patronage) and paid out less.',
    permission: 'simpanpinjam:teller',
    businessEvent: true,
    input: (t) => ({ loanId: t.id({ description: 'Loan id.' }) }),
    schema: loanIdInput,
    resolve: (input, u) => disburseLoan(u, input),
  });

  unit.mutation('repayLoan', {
    type: r.RepaymentResult,
    description:
      'Record a cash repayment today. It pays penalties, then fees, then interest, then principal of what is due; any more is a prepayment (fees, interest accrued to date, then the next instalments\' principal). Paying the payoff amount (see SimpanpinjamLoan.payoff) closes the loan early with interest only to date; more than that is refused (BusinessRuleError OVERPAYMENT, details.payoff). Posts Dr cash; Cr loans receivable, revenue from members (interest and fees, with patronage) and penalty income.',
    permission: 'simpanpinjam:teller',
    businessEvent: true,
    input: (t) => ({ loanId: t.id({ description: 'Loan id.' }), amount: t.field({ type: 'Rupiah', description: 'Amount paid.' }) }),
    schema: repayLoanInput,
    resolve: (input, u) => repayLoan(u, input),
  });

  unit.mutation('recoverLoan', {
    type: r.Loan,
    description:
      "Record money recovered on a written-off loan (pemulihan). The loan stays WRITTEN_OFF; the recovery lowers what remains of the claim (see SimpanpinjamLoan.writeOff) and more than that is refused (BusinessRuleError OVERPAYMENT, details.payoff). Posts Dr cash, Cr recoveries of written-off loans (income, not principal). Active loans take simpanpinjamRepayLoan instead.",
    permission: 'simpanpinjam:teller',
    businessEvent: true,
    input: (t) => ({ loanId: t.id({ description: 'A written-off loan.' }), amount: t.field({ type: 'Rupiah', description: 'Amount received.' }) }),
    schema: recoverLoanInput,
    resolve: (input, u) => recoverLoan(u, input),
  });
}

function registerChanges(unit: Kit, r: Refs) {
  unit.mutation('requestLoanChange', {
    type: r.Loan,
    description:
      'Ask for a reschedule (new term, grace, rate or method for the outstanding principal) or a write-off of an active loan. Someone other than the requester approves it with simpanpinjamApproveLoanChange.',
    permission: 'simpanpinjam:enter',
    input: (t) => ({
      loanId: t.id({ description: 'Loan id.' }),
      kind: t.field({ type: r.ChangeKind, description: 'Reschedule or write-off.' }),
      reason: t.string({ description: 'Why (1-300 characters).' }),
      termMonths: t.int({ required: false, description: 'Reschedule: new term in months from the approval day (1-120); required.' }),
      graceMonths: t.int({ required: false, description: 'Reschedule: grace months of the new schedule (default 0).' }),
      annualRateBp: t.int({ required: false, description: "Reschedule: new yearly rate, basis points (default the loan's)." }),
      interestMethod: t.field({ type: r.InterestMethod, required: false, description: "Reschedule: new method (default the loan's)." }),
      waivePenalties: t.boolean({ required: false, description: 'Reschedule: waive unpaid penalties instead of carrying them over (default false).' }),
    }),
    schema: requestLoanChangeInput,
    resolve: (input, u) => requestLoanChange(u, input),
  });

  unit.mutation('approveLoanChange', {
    type: r.Loan,
    description:
      "Approve a pending reschedule or write-off (not by its requester: MAKER_CHECKER). Reschedule: the loan ends as RESCHEDULED and a new loan carries the outstanding principal on the new terms from today; unpaid interest, fees and (unless waived) penalties are carried into the new first instalment as a fee; no money moves. Write-off: the outstanding principal leaves loans receivable against the allowance (then loss expense); returns the loan, or for a reschedule the new loan.",
    permission: 'simpanpinjam:approve',
    businessEvent: true,
    input: (t) => ({ loanId: t.id({ description: 'Loan id.' }) }),
    schema: loanIdInput,
    resolve: (input, u) => approveLoanChange(u, input),
  });
}

function registerLoanReads(unit: Kit, r: Refs) {
  unit.query('loans', {
    type: [r.Loan],
    description: "Loans that existed on the as-of date, oldest first, each as it stood then (status included): all, those in one status that day, or one member's.",
    permission: 'simpanpinjam:read',
    args: (t) => ({
      status: t({ type: r.LoanStatus, required: false, description: 'Only loans in this status on the as-of date.' }),
      memberId: t.id({ required: false, description: 'Only this member (a Member id).' }),
      asOf: t({ type: 'Date', required: false, description: 'Date of the position (default today).' }),
    }),
    schema: loansArgs,
    prefetch: prefetchBook,
    resolve: (args, u) => loans(u, args),
  });

  unit.query('loan', {
    type: r.Loan,
    description: 'One loan with its schedule, repayments, what is due, the payoff amount and its collectibility on the as-of date.',
    permission: 'simpanpinjam:read',
    args: (t) => ({
      id: t.id({ description: 'Loan id.' }),
      asOf: t({ type: 'Date', required: false, description: 'Date of the position (default today); any date, past or future.' }),
    }),
    schema: loanArgs,
    resolve: (args, u) => loan(u, args),
  });

  unit.query('schedulePreview', {
    type: [r.Instalment],
    description: 'The schedule a loan of this product would have, for showing a member before they apply.',
    permission: 'simpanpinjam:read',
    args: (t) => ({
      productId: t.id({ description: 'A loan product.' }),
      amount: t({ type: 'Rupiah', description: 'Principal.' }),
      termMonths: t.int({ description: 'Instalments, months.' }),
      graceMonths: t.int({ required: false, description: 'Grace months (default 0).' }),
      startsOn: t({ type: 'Date', required: false, description: 'Disbursement day (default today).' }),
    }),
    schema: schedulePreviewArgs,
    resolve: (args, u) => schedulePreview(u, args),
  });
}

export function registerLoans(unit: Kit, r: Refs) {
  registerLoanProducts(unit, r);
  registerApprovals(unit, r);
  registerPayments(unit, r);
  registerChanges(unit, r);
  registerLoanReads(unit, r);
}
