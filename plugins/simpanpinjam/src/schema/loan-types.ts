import { encodeId, type Builder } from '@kkmp/plugin-sdk';
import type { Loan, Product } from '../items';
import type { Allocation, InstalmentPosition } from '../loans/position';
import { collectibilityOf, positionOf, projectedSchedule, type LoanView } from '../loans/view';
import type { Repayment } from '../services/repayments';
import type { Enums } from './enums';
import { loanId, productId } from './ids';

function loanProductType(b: Builder, e: Enums) {
  return b.objectRef<Product>('SimpanpinjamLoanProduct').implement({
    description: 'A loan product: interest method and rate, limits on amount and term, grace, fees, penalties and the loan-to-savings ratio.',
    fields: (t) => ({
      id: t.id({ description: 'Product id (opaque).', resolve: productId }),
      name: t.exposeString('name', { description: 'Name shown to members, e.g. "Pinjaman Usaha Mikro".' }),
      interestMethod: t.field({ type: e.InterestMethod, description: 'Flat, declining or annuity.', resolve: (p) => p.interestMethod! }),
      annualRateBp: t.exposeInt('annualRateBp', { description: 'Interest, basis points PER YEAR (1.5% a month flat = 1800).' }),
      minAmount: t.field({ type: 'Rupiah', description: 'Smallest loan.', resolve: (p) => p.minAmount! }),
      maxAmount: t.field({ type: 'Rupiah', description: 'Largest loan.', resolve: (p) => p.maxAmount! }),
      minTermMonths: t.int({ description: 'Shortest term, months.', resolve: (p) => p.minTermMonths! }),
      maxTermMonths: t.int({ description: 'Longest term, months.', resolve: (p) => p.maxTermMonths! }),
      maxGraceMonths: t.int({ description: 'Longest grace on principal, months (interest only).', resolve: (p) => p.maxGraceMonths ?? 0 }),
      adminFeeBp: t.int({ description: 'Admin fee (biaya administrasi), basis points of the principal.', resolve: (p) => p.adminFeeBp ?? 0 }),
      adminFeeFixed: t.field({ type: 'Rupiah', description: 'Admin fee, fixed part.', resolve: (p) => p.adminFeeFixed ?? 0 }),
      adminFeeDeducted: t.boolean({ description: 'True: the fee is deducted at disbursement; false: it is due with the first instalment.', resolve: (p) => !!p.adminFeeDeducted }),
      penaltyMethod: t.field({ type: e.PenaltyMethod, description: 'How late payment is charged.', resolve: (p) => p.penaltyMethod ?? 'NONE' }),
      penaltyRateBp: t.int({ description: 'Penalty rate, basis points (per day or per instalment, see penaltyMethod).', resolve: (p) => p.penaltyRateBp ?? 0 }),
      maxLoanToSavingsBp: t.int({ description: "Largest loan as basis points of the member's savings and time deposits (30000 = 3 times); 0 = no limit.", resolve: (p) => p.maxLoanToSavingsBp ?? 0 }),
      active: t.exposeBoolean('active', { description: 'Open to new applications.' }),
    }),
  });
}

function amountsType(b: Builder) {
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

function instalmentType(b: Builder, e: Enums) {
  return b.objectRef<InstalmentPosition>('SimpanpinjamInstalment').implement({
    description: 'One instalment (angsuran) of a loan schedule, with what was paid against it by the as-of date.',
    fields: (t) => ({
      number: t.exposeInt('number', { description: '1 for the first instalment.' }),
      dueDate: t.expose('dueDate', { type: 'Date', description: 'Due date.' }),
      principal: t.expose('principal', { type: 'Rupiah', description: 'Principal due.' }),
      interest: t.expose('interest', { type: 'Rupiah', description: 'Interest due.' }),
      fee: t.expose('fee', { type: 'Rupiah', description: 'Fee due with it.' }),
      total: t.field({ type: 'Rupiah', description: 'Principal + interest + fee.', resolve: (i) => i.principal + i.interest + i.fee }),
      paidPrincipal: t.expose('paidPrincipal', { type: 'Rupiah', description: 'Principal paid.' }),
      paidInterest: t.expose('paidInterest', { type: 'Rupiah', description: 'Interest paid.' }),
      paidFee: t.expose('paidFee', { type: 'Rupiah', description: 'Fee paid.' }),
      penalty: t.expose('penalty', { type: 'Rupiah', description: 'Penalty charged on it for lateness.' }),
      state: t.field({ type: e.InstalmentState, description: 'Paid, overdue, due or upcoming on the as-of date.', resolve: (i) => i.state }),
      daysLate: t.exposeInt('daysLate', { description: 'Days past its due date while unpaid.' }),
    }),
  });
}

function repaymentType(b: Builder) {
  return b.objectRef<Loan['repayments'][number]>('SimpanpinjamRepayment').implement({
    description: 'A repayment and how it was allocated: penalties, fees, interest, principal, in that order.',
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'Day paid.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Amount paid.' }),
      penalty: t.expose('penalty', { type: 'Rupiah', description: 'To penalties.' }),
      fee: t.expose('fee', { type: 'Rupiah', description: 'To fees.' }),
      interest: t.expose('interest', { type: 'Rupiah', description: 'To interest.' }),
      principal: t.expose('principal', { type: 'Rupiah', description: 'To principal.' }),
      by: t.exposeString('by', { description: 'User who recorded it.' }),
    }),
  });
}

function eventType(b: Builder) {
  return b.objectRef<Loan['events'][number]>('SimpanpinjamLoanEvent').implement({
    description: "A step in the loan's life (entered, approved, endorsed, disbursed, change requested, ...).",
    fields: (t) => ({
      on: t.expose('on', { type: 'Date', description: 'Business date.' }),
      at: t.expose('at', { type: 'DateTime', description: 'When.' }),
      by: t.exposeString('by', { description: 'User.' }),
      what: t.exposeString('what', { description: 'What happened.' }),
    }),
  });
}

function pendingChangeType(b: Builder, e: Enums) {
  return b.objectRef<NonNullable<Loan['pendingChange']>>('SimpanpinjamPendingChange').implement({
    description: 'A reschedule or write-off waiting for approval.',
    fields: (t) => ({
      kind: t.field({ type: e.ChangeKind, description: 'Reschedule or write-off.', resolve: (c) => c.kind }),
      requestedBy: t.exposeString('requestedBy', { description: 'Who asked (cannot approve it).' }),
      requestedOn: t.expose('requestedOn', { type: 'Date', description: 'When.' }),
      reason: t.exposeString('reason', { description: 'Why.' }),
      termMonths: t.int({ nullable: true, description: 'Reschedule: new term, months.', resolve: (c) => c.termMonths ?? null }),
    }),
  });
}

function loanType(b: Builder, e: Enums, parts: LoanParts) {
  return b.objectRef<LoanView>('SimpanpinjamLoan').implement({
    description: 'A loan to a member (pinjaman anggota) with its schedule and where it stands on the as-of date.',
    fields: (t) => {
      const pos = (v: LoanView) => positionOf(v.loan, v.asOf);
      return {
        id: t.id({ description: 'Loan id (opaque).', resolve: (v) => loanId(v.loan.id) }),
        memberId: t.id({ description: 'The borrower (a Member id).', resolve: (v) => encodeId('Member', v.coopId, v.loan.memberId) }),
        productName: t.string({ description: 'Loan product.', resolve: (v) => v.loan.productName }),
        asOf: t.field({ type: 'Date', description: 'Date the position, days past due and collectibility are for.', resolve: (v) => v.asOf }),
        status: t.field({ type: e.LoanStatus, description: 'Where the loan is in its life.', resolve: (v) => v.loan.status }),
        principal: t.field({ type: 'Rupiah', description: 'Amount lent.', resolve: (v) => v.loan.principal }),
        termMonths: t.int({ description: 'Instalments, months (grace included).', resolve: (v) => v.loan.termMonths }),
        graceMonths: t.int({ description: 'First months with interest only.', resolve: (v) => v.loan.graceMonths }),
        annualRateBp: t.int({ description: 'Interest, basis points per year.', resolve: (v) => v.loan.annualRateBp }),
        interestMethod: t.field({ type: e.InterestMethod, description: 'Flat, declining or annuity.', resolve: (v) => v.loan.interestMethod }),
        adminFee: t.field({ type: 'Rupiah', description: 'Admin fee.', resolve: (v) => v.loan.adminFee }),
        penaltyMethod: t.field({ type: e.PenaltyMethod, description: 'Late-payment penalty method.', resolve: (v) => v.loan.penaltyMethod }),
        penaltyRateBp: t.int({ description: 'Penalty rate, basis points.', resolve: (v) => v.loan.penaltyRateBp }),
        purpose: t.string({ description: 'What the loan is for.', resolve: (v) => v.loan.purpose }),
        relatedParty: t.boolean({ description: 'Borrower is a board member or supervisor: needs a supervisor too and counts against the related-party limit.', resolve: (v) => v.loan.relatedParty }),
        appliedOn: t.field({ type: 'Date', description: 'Day entered.', resolve: (v) => v.loan.appliedOn }),
        enteredBy: t.string({ description: 'User who entered the application (the maker).', resolve: (v) => v.loan.enteredBy }),
        boardApprovedBy: t.string({ nullable: true, description: 'Approver from the board/management (the checker).', resolve: (v) => v.loan.boardApprovedBy ?? null }),
        supervisorApprovedBy: t.string({ nullable: true, description: 'Supervisor who endorsed a related-party loan.', resolve: (v) => v.loan.supervisorApprovedBy ?? null }),
        disbursedOn: t.field({ type: 'Date', nullable: true, description: 'Day disbursed.', resolve: (v) => v.loan.disbursedOn ?? null }),
        closedOn: t.field({ type: 'Date', nullable: true, description: 'Day paid off or rescheduled.', resolve: (v) => v.loan.closedOn ?? null }),
        writtenOffOn: t.field({ type: 'Date', nullable: true, description: 'Day written off.', resolve: (v) => v.loan.writtenOffOn ?? null }),
        rescheduledFrom: t.id({ nullable: true, description: 'Loan this one replaced in a reschedule.', resolve: (v) => (v.loan.rescheduledFrom ? loanId(v.loan.rescheduledFrom) : null) }),
        rescheduledTo: t.id({ nullable: true, description: 'Loan that replaced this one in a reschedule.', resolve: (v) => (v.loan.rescheduledTo ? loanId(v.loan.rescheduledTo) : null) }),
        pendingChange: t.field({ type: parts.PendingChange, nullable: true, description: 'Reschedule or write-off waiting for approval.', resolve: (v) => v.loan.pendingChange ?? null }),
        schedule: t.field({
          type: [parts.Instalment],
          description: 'Instalments with what was paid by the as-of date; before disbursement, the schedule it would get if disbursed on the as-of date.',
          resolve: (v) =>
            pos(v)?.instalments ??
            (v.loan.status === 'PENDING' || v.loan.status === 'APPROVED' ? projectedSchedule(v.loan, v.asOf) : v.loan.schedule).map((i) => ({ ...i, paidPrincipal: 0, paidInterest: 0, paidFee: 0, penalty: 0, state: 'UPCOMING' as const, daysLate: 0 })),
        }),
        repayments: t.field({ type: [parts.Repayment], description: 'Repayments up to the as-of date, oldest first.', resolve: (v) => v.loan.repayments.filter((r) => r.date <= v.asOf) }),
        principalOutstanding: t.field({ type: 'Rupiah', description: 'Principal still owed (outstanding, baki debet).', resolve: (v) => pos(v)?.principalOutstanding ?? 0 }),
        due: t.field({ type: parts.Amounts, description: 'Owed now: penalties and everything of instalments due on or before the as-of date.', resolve: (v) => pos(v)?.due ?? { penalty: 0, fee: 0, interest: 0, principal: 0 } }),
        payoff: t.field({ type: parts.Amounts, description: 'What closes the loan on the as-of date (early payoff: interest accrued to date, later interest waived).', resolve: (v) => pos(v)?.payoff ?? { penalty: 0, fee: 0, interest: 0, principal: 0 } }),
        paid: t.field({ type: parts.Amounts, description: 'Paid so far, split.', resolve: (v) => pos(v)?.paid ?? { penalty: 0, fee: 0, interest: 0, principal: 0 } }),
        daysPastDue: t.int({ description: 'Days since the oldest unpaid due date.', resolve: (v) => collectibilityOf(v).daysPastDue }),
        collectibility: t.field({ type: e.Collectibility, description: 'Collectibility class on the as-of date.', resolve: (v) => collectibilityOf(v).cls }),
        collectibilityClass: t.int({ description: 'The class as a number, 1 (lancar) to 5 (macet).', resolve: (v) => collectibilityOf(v).number }),
        events: t.field({ type: [parts.Event], description: 'Every step of its life, oldest first.', resolve: (v) => v.loan.events }),
      };
    },
  });
}

type LoanParts = {
  Amounts: ReturnType<typeof amountsType>;
  Instalment: ReturnType<typeof instalmentType>;
  Repayment: ReturnType<typeof repaymentType>;
  Event: ReturnType<typeof eventType>;
  PendingChange: ReturnType<typeof pendingChangeType>;
};

function repaymentResultType(b: Builder, loan: ReturnType<typeof loanType>, repayment: LoanParts['Repayment']) {
  return b.objectRef<{ repayment: Repayment; closed: boolean; loan: LoanView }>('SimpanpinjamRepaymentResult').implement({
    description: 'A repayment as allocated, and the loan after it.',
    fields: (t) => ({
      repayment: t.field({ type: repayment, description: 'The repayment and its split.', resolve: (x) => x.repayment }),
      closed: t.exposeBoolean('closed', { description: 'True when it paid the loan off.' }),
      loan: t.field({ type: loan, description: 'The loan after the repayment.', resolve: (x) => x.loan }),
    }),
  });
}

/** Loan products, loans with their schedule and position, and what a repayment returns. */
export function registerLoanTypes(b: Builder, e: Enums) {
  const parts: LoanParts = { Amounts: amountsType(b), Instalment: instalmentType(b, e), Repayment: repaymentType(b), Event: eventType(b), PendingChange: pendingChangeType(b, e) };
  const Loan = loanType(b, e, parts);
  return { LoanProduct: loanProductType(b, e), ...parts, Loan, RepaymentResult: repaymentResultType(b, Loan, parts.Repayment) };
}

export type LoanRefs = ReturnType<typeof registerLoanTypes>;
