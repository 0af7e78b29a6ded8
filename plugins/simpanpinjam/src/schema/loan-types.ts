import { encodeId, type Builder, type CoreRefs } from '@kkmp/plugin-sdk';
import type { Loan, Product } from '../items';
import { claimOn } from '../loans/claim';
import type { InstalmentPosition } from '../loans/position';
import { collectibilityOf, existsFrom, positionOf, projectedSchedule, statusOn, type LoanView } from '../loans/view';
import type { Repayment } from '../services/repayments';
import type { Enums } from './enums';
import { amountsType, nextDueType, pendingReversalType, repaymentType, writeOffType } from './loan-detail-types';
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
      maxPenaltyAmount: t.field({ type: 'Rupiah', nullable: true, description: 'Penalties charged on a loan stop at this total; null: no cap.', resolve: (p) => p.maxPenaltyAmount ?? null }),
      maxPenaltyDays: t.int({ nullable: true, description: 'PER_DAY penalties run for at most this many days past each due date; null: no cap.', resolve: (p) => p.maxPenaltyDays ?? null }),
      instalmentMultiple: t.field({ type: 'Rupiah', description: 'Instalments (but the last) rounded half up to a multiple of this, e.g. 100; 1: whole rupiah.', resolve: (p) => p.instalmentMultiple ?? 1 }),
      maxLoanToSavingsBp: t.int({ description: "Largest loan as basis points of the member's savings and time deposits (30000 = 3 times); 0 = no limit.", resolve: (p) => p.maxLoanToSavingsBp ?? 0 }),
      active: t.exposeBoolean('active', { description: 'Open to new applications.' }),
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

function loanType(b: Builder, e: Enums, parts: LoanParts, core: CoreRefs) {
  return b.objectRef<LoanView>('SimpanpinjamLoan').implement({
    description: 'A loan to a member (pinjaman anggota) with its schedule and where it stands on the as-of date.',
    fields: (t) => {
      const pos = (v: LoanView) => positionOf(v.loan, v.asOf);
      return {
        id: t.id({ description: 'Loan id (opaque).', resolve: (v) => loanId(v.loan.id) }),
        memberId: t.id({ description: 'The borrower (a Member id; the `member` field links it).', resolve: (v) => encodeId('Member', v.coopId, v.loan.memberId) }),
        member: t.field({ type: core.MemberRef, nullable: true, description: 'The borrower; an error on this field alone for a caller who may not read members.', resolve: (v, _a, ctx) => core.member(ctx, v.coopId, v.loan.memberId) }),
        productName: t.string({ description: 'Loan product.', resolve: (v) => v.loan.productName }),
        asOf: t.field({ type: 'Date', description: 'Date the position, days past due and collectibility are for.', resolve: (v) => v.asOf }),
        status: t.field({
          type: e.LoanStatus,
          description: 'Where the loan was in its life on the as-of date (APPROVED before its disbursement, WRITTEN_OFF from the write-off day); for a date before it existed, its first status.',
          resolve: (v) => statusOn(v.loan, v.asOf > existsFrom(v.loan) ? v.asOf : existsFrom(v.loan))!,
        }),
        principal: t.field({ type: 'Rupiah', description: 'Amount lent.', resolve: (v) => v.loan.principal }),
        termMonths: t.int({ description: 'Instalments, months (grace included).', resolve: (v) => v.loan.termMonths }),
        graceMonths: t.int({ description: 'First months with interest only.', resolve: (v) => v.loan.graceMonths }),
        annualRateBp: t.int({ description: 'Interest, basis points per year.', resolve: (v) => v.loan.annualRateBp }),
        interestMethod: t.field({ type: e.InterestMethod, description: 'Flat, declining or annuity.', resolve: (v) => v.loan.interestMethod }),
        adminFee: t.field({ type: 'Rupiah', description: 'Admin fee.', resolve: (v) => v.loan.adminFee }),
        penaltyMethod: t.field({ type: e.PenaltyMethod, description: 'Late-payment penalty method.', resolve: (v) => v.loan.penaltyMethod }),
        penaltyRateBp: t.int({ description: 'Penalty rate, basis points.', resolve: (v) => v.loan.penaltyRateBp }),
        maxPenaltyAmount: t.field({ type: 'Rupiah', nullable: true, description: 'Penalties charged stop at this total; null: no cap.', resolve: (v) => v.loan.maxPenaltyAmount ?? null }),
        maxPenaltyDays: t.int({ nullable: true, description: 'PER_DAY penalties run for at most this many days past each due date; null: no cap.', resolve: (v) => v.loan.maxPenaltyDays ?? null }),
        instalmentMultiple: t.field({ type: 'Rupiah', description: 'Instalments (but the last) rounded half up to a multiple of this; 1: whole rupiah.', resolve: (v) => v.loan.instalmentMultiple ?? 1 }),
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
        pendingReversal: t.field({
          type: parts.PendingReversal,
          nullable: true,
          description: 'Repayment reversal waiting for approval.',
          resolve: (v) => (v.loan.pendingReversal ? { loanId: v.loan.id, pending: v.loan.pendingReversal } : null),
        }),
        schedule: t.field({
          type: [parts.Instalment],
          description: 'Instalments with what was paid by the as-of date; before disbursement, the schedule it would get if disbursed on the as-of date.',
          resolve: (v) =>
            pos(v)?.instalments ??
            (v.loan.status === 'PENDING' || v.loan.status === 'APPROVED' ? projectedSchedule(v.loan, v.asOf) : v.loan.schedule).map((i) => ({ ...i, paidPrincipal: 0, paidInterest: 0, paidFee: 0, penalty: 0, state: 'UPCOMING' as const, daysLate: 0 })),
        }),
        repayments: t.field({
          type: [parts.Repayment],
          description: 'Repayments up to the as-of date, oldest first; reversed ones included, marked (they count for nothing).',
          resolve: (v) => v.loan.repayments.filter((r) => r.date <= v.asOf).map((r) => ({ ...r, loanId: v.loan.id })),
        }),
        principalOutstanding: t.field({ type: 'Rupiah', description: 'Principal still owed (outstanding, baki debet).', resolve: (v) => pos(v)?.principalOutstanding ?? 0 }),
        due: t.field({ type: parts.Amounts, description: 'Owed now: penalties and everything of instalments due on or before the as-of date.', resolve: (v) => pos(v)?.due ?? { penalty: 0, fee: 0, interest: 0, principal: 0 } }),
        payoff: t.field({ type: parts.Amounts, description: 'What closes the loan on the as-of date (early payoff: interest accrued to date, later interest waived).', resolve: (v) => pos(v)?.payoff ?? { penalty: 0, fee: 0, interest: 0, principal: 0 } }),
        paid: t.field({ type: parts.Amounts, description: 'Paid so far, split (reversed repayments left out).', resolve: (v) => pos(v)?.paid ?? { penalty: 0, fee: 0, interest: 0, principal: 0 } }),
        nextDue: t.field({
          type: parts.NextDue,
          nullable: true,
          description: 'The next payment the schedule expects on the as-of date: due date and amount; null when nothing is due (not disbursed, paid off, rescheduled, written off).',
          resolve: (v) => pos(v)?.nextDue ?? null,
        }),
        writeOff: t.field({
          type: parts.WriteOff,
          nullable: true,
          description: 'For a loan written off by the as-of date: the claim written off (principal, interest, fees, penalties), recovered so far and what remains.',
          resolve: (v) => claimOn(v.loan, v.asOf) ?? null,
        }),
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
  NextDue: ReturnType<typeof nextDueType>;
  WriteOff: ReturnType<typeof writeOffType>;
  PendingReversal: ReturnType<typeof pendingReversalType>;
  Instalment: ReturnType<typeof instalmentType>;
  Repayment: ReturnType<typeof repaymentType>;
  Event: ReturnType<typeof eventType>;
  PendingChange: ReturnType<typeof pendingChangeType>;
};

function repaymentResultType(b: Builder, loan: ReturnType<typeof loanType>, repayment: LoanParts['Repayment']) {
  return b.objectRef<{ repayment: Repayment; closed: boolean; loan: LoanView }>('SimpanpinjamRepaymentResult').implement({
    description: 'A repayment as allocated, and the loan after it.',
    fields: (t) => ({
      repayment: t.field({ type: repayment, description: 'The repayment and its split.', resolve: (x) => ({ ...x.repayment, loanId: x.loan.loan.id }) }),
      closed: t.exposeBoolean('closed', { description: 'True when it paid the loan off.' }),
      loan: t.field({ type: loan, description: 'The loan after the repayment.', resolve: (x) => x.loan }),
    }),
  });
}

/** Loan products, loans with their schedule and position, and what a repayment returns. */
export function registerLoanTypes(b: Builder, e: Enums, core: CoreRefs) {
  const Amounts = amountsType(b);
  const parts: LoanParts = {
    Amounts,
    NextDue: nextDueType(b),
    WriteOff: writeOffType(b, Amounts),
    PendingReversal: pendingReversalType(b),
    Instalment: instalmentType(b, e),
    Repayment: repaymentType(b),
    Event: eventType(b),
    PendingChange: pendingChangeType(b, e),
  };
  const Loan = loanType(b, e, parts, core);
  return { LoanProduct: loanProductType(b, e), ...parts, Loan, RepaymentResult: repaymentResultType(b, Loan, parts.Repayment) };
}

export type LoanRefs = ReturnType<typeof registerLoanTypes>;
