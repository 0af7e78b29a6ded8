import { encodeId, type Builder } from '@kkmp/plugin-sdk';
import { CLASSES, type CollectibilityClass } from '../collectibility';
import type { Loan, Product, SavingsAccount, SavingsTxn, TimeDeposit } from '../items';
import type { Allocation, InstalmentPosition } from '../loans/position';
import { collectibilityOf, positionOf, projectedSchedule, type LoanView } from '../loans/view';

export const productId = (p: { id: string }) => encodeId('SimpanpinjamProduct', p.id);
export const accountId = (a: { memberId: string; id: string }) => encodeId('SimpanpinjamSavingsAccount', a.memberId, a.id);
export const depositId = (d: { memberId: string; id: string }) => encodeId('SimpanpinjamTimeDeposit', d.memberId, d.id);
export const loanId = (id: string) => encodeId('SimpanpinjamLoan', id);

export interface SavingsStatement {
  coopId: string;
  account: SavingsAccount & { productName: string };
  from: string;
  to: string;
  opening: number;
  closing: number;
  lines: (SavingsTxn & { balance: number })[];
}

/** All the unit's GraphQL types, built once and shared by the operation modules. */
export function registerTypes(b: Builder) {
  const enumOf = <V extends string>(name: string, description: string, values: Record<V, string>) =>
    b.enumType(name, { description, values: Object.fromEntries(Object.entries(values).map(([k, d]) => [k, { description: d as string }])) as Record<V, { description: string }> });

  const InterestMethod = enumOf('SimpanpinjamInterestMethod', 'How loan interest is computed (rates are basis points per year for every method).', {
    FLAT: 'Flat (bunga tetap): every month carries interest on the original principal.',
    DECLINING: 'Declining or effective (bunga menurun): interest on the principal still owed, equal principal each month.',
    ANNUITY: 'Annuity (anuitas): equal instalments; interest on the principal still owed, the rest repays principal.',
  });
  const BalanceMethod = enumOf('SimpanpinjamBalanceMethod', 'Balance that monthly savings interest is computed on.', {
    MINIMUM: 'Lowest end-of-day balance of the month (saldo terendah).',
    AVERAGE_DAILY: 'Average end-of-day balance of the month (saldo rata-rata harian).',
  });
  const SavingsKind = enumOf('SimpanpinjamSavingsKind', 'Kind of savings product.', {
    SAVINGS: 'Withdrawable savings (simpanan sukarela): deposit and withdraw any time.',
    TIME_DEPOSIT: 'Time deposit (simpanan berjangka): fixed amount and term, interest at maturity.',
  });
  const EarlyWithdrawal = enumOf('SimpanpinjamEarlyWithdrawal', 'What happens when a time deposit is withdrawn before maturity.', {
    FORFEIT_INTEREST: 'No interest is paid.',
    PENALTY: 'No interest is paid and a penalty (basis points of the principal) is deducted.',
  });
  const PenaltyMethod = enumOf('SimpanpinjamPenaltyMethod', 'How late-payment penalties (denda) are charged.', {
    NONE: 'No penalty.',
    PER_DAY: 'Basis points of the overdue instalment (principal + interest unpaid) for every day late.',
    PER_INSTALMENT: 'Basis points of the overdue instalment, once, the day after its due date.',
  });
  const LoanStatus = enumOf('SimpanpinjamLoanStatus', 'Where a loan is in its life.', {
    PENDING: 'Entered, waiting for approval (by someone other than who entered it; related-party loans also by a supervisor).',
    APPROVED: 'Approved, not yet disbursed.',
    REJECTED: 'Refused by an approver.',
    ACTIVE: 'Disbursed and being repaid.',
    CLOSED: 'Repaid in full (on schedule or early).',
    WRITTEN_OFF: 'Written off (dihapusbukukan) after approval; the member still owes it off the books.',
    RESCHEDULED: 'Replaced by a new schedule for what was outstanding (see rescheduledTo).',
  });
  const Collectibility = enumOf(
    'SimpanpinjamCollectibility',
    'Collectibility class (kolektibilitas) by days past due; the day bands are settings.',
    Object.fromEntries(
      CLASSES.map((c, i) => [
        c,
        ['1 Lancar (current): not past due.', '2 DPK, dalam perhatian khusus (special mention): 1-90 days.', '3 Kurang lancar (substandard): 91-120 days.', '4 Diragukan (doubtful): 121-180 days.', '5 Macet (loss): more than 180 days.'][i]!,
      ]),
    ) as Record<CollectibilityClass, string>,
  );
  const InstalmentState = enumOf('SimpanpinjamInstalmentState', 'State of one instalment on the as-of date.', {
    PAID: 'Paid in full (or nothing more owed: the loan ended).',
    OVERDUE: 'Due date passed, not fully paid.',
    DUE: 'Due on the as-of date.',
    UPCOMING: 'Not due yet.',
  });
  const ChangeKind = enumOf('SimpanpinjamLoanChangeKind', 'A change to an active loan that needs approval by someone other than who asked.', {
    RESCHEDULE: 'New terms for what is outstanding (restrukturisasi).',
    WRITE_OFF: 'Take the outstanding principal off the books (hapus buku), against the allowance first.',
  });

  const SavingsProduct = b.objectRef<Product>('SimpanpinjamSavingsProduct').implement({
    description: 'A savings product: withdrawable savings or a time deposit, with its interest rate (at most the cap in the settings).',
    fields: (t) => ({
      id: t.id({ description: 'Product id (opaque).', resolve: productId }),
      name: t.exposeString('name', { description: 'Name shown to members, e.g. "Simpanan Sukarela".' }),
      kind: t.field({ type: SavingsKind, description: 'Withdrawable savings or time deposit.', resolve: (p) => p.kind as 'SAVINGS' | 'TIME_DEPOSIT' }),
      annualRateBp: t.exposeInt('annualRateBp', { description: 'Interest, basis points per year (600 = 6%).' }),
      balanceMethod: t.field({ type: BalanceMethod, nullable: true, description: 'Savings: balance the monthly interest is computed on.', resolve: (p) => p.balanceMethod ?? null }),
      minBalance: t.field({ type: 'Rupiah', description: 'Savings: balance that must stay in the account. Time deposit: smallest amount.', resolve: (p) => p.minBalance ?? 0 }),
      termMonths: t.int({ nullable: true, description: 'Time deposit: term in months.', resolve: (p) => p.termMonths ?? null }),
      earlyWithdrawal: t.field({ type: EarlyWithdrawal, nullable: true, description: 'Time deposit: rule for withdrawing before maturity.', resolve: (p) => p.earlyWithdrawal ?? null }),
      earlyPenaltyBp: t.int({ nullable: true, description: 'Time deposit: penalty for early withdrawal, basis points of the principal.', resolve: (p) => p.earlyPenaltyBp ?? null }),
      active: t.exposeBoolean('active', { description: 'Open to new accounts.' }),
    }),
  });

  const LoanProduct = b.objectRef<Product>('SimpanpinjamLoanProduct').implement({
    description: 'A loan product: interest method and rate, limits on amount and term, grace, fees, penalties and the loan-to-savings ratio.',
    fields: (t) => ({
      id: t.id({ description: 'Product id (opaque).', resolve: productId }),
      name: t.exposeString('name', { description: 'Name shown to members, e.g. "Pinjaman Usaha Mikro".' }),
      interestMethod: t.field({ type: InterestMethod, description: 'Flat, declining or annuity.', resolve: (p) => p.interestMethod! }),
      annualRateBp: t.exposeInt('annualRateBp', { description: 'Interest, basis points PER YEAR (1.5% a month flat = 1800).' }),
      minAmount: t.field({ type: 'Rupiah', description: 'Smallest loan.', resolve: (p) => p.minAmount! }),
      maxAmount: t.field({ type: 'Rupiah', description: 'Largest loan.', resolve: (p) => p.maxAmount! }),
      minTermMonths: t.int({ description: 'Shortest term, months.', resolve: (p) => p.minTermMonths! }),
      maxTermMonths: t.int({ description: 'Longest term, months.', resolve: (p) => p.maxTermMonths! }),
      maxGraceMonths: t.int({ description: 'Longest grace on principal, months (interest only).', resolve: (p) => p.maxGraceMonths ?? 0 }),
      adminFeeBp: t.int({ description: 'Admin fee (biaya administrasi), basis points of the principal.', resolve: (p) => p.adminFeeBp ?? 0 }),
      adminFeeFixed: t.field({ type: 'Rupiah', description: 'Admin fee, fixed part.', resolve: (p) => p.adminFeeFixed ?? 0 }),
      adminFeeDeducted: t.boolean({ description: 'True: the fee is deducted at disbursement; false: it is due with the first instalment.', resolve: (p) => !!p.adminFeeDeducted }),
      penaltyMethod: t.field({ type: PenaltyMethod, description: 'How late payment is charged.', resolve: (p) => p.penaltyMethod ?? 'NONE' }),
      penaltyRateBp: t.int({ description: 'Penalty rate, basis points (per day or per instalment, see penaltyMethod).', resolve: (p) => p.penaltyRateBp ?? 0 }),
      maxLoanToSavingsBp: t.int({ description: "Largest loan as basis points of the member's savings and time deposits (30000 = 3 times); 0 = no limit.", resolve: (p) => p.maxLoanToSavingsBp ?? 0 }),
      active: t.exposeBoolean('active', { description: 'Open to new applications.' }),
    }),
  });

  const Txn = b.objectRef<SavingsTxn & { balance: number }>('SimpanpinjamSavingsTransaction').implement({
    description: 'One movement of a savings account: a statement line.',
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: "Date in the cooperative's time zone (interest: the month's last day)." }),
      kind: t.exposeString('kind', { description: 'DEPOSIT (setoran), WITHDRAWAL (penarikan) or INTEREST (bunga/jasa simpanan).' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Signed amount: withdrawals are negative.' }),
      balance: t.expose('balance', { type: 'Rupiah', description: 'Balance after this line.' }),
      at: t.expose('at', { type: 'DateTime', description: 'When it was recorded.' }),
      by: t.exposeString('by', { description: 'User who recorded it.' }),
    }),
  });

  const SavingsAccount = b.objectRef<SavingsAccount & { coopId: string; productName: string }>('SimpanpinjamSavingsAccount').implement({
    description: "A member's withdrawable savings account (rekening simpanan sukarela).",
    fields: (t) => ({
      id: t.id({ description: 'Account id (opaque).', resolve: accountId }),
      memberId: t.id({ description: 'The member (a Member id).', resolve: (a) => encodeId('Member', a.coopId, a.memberId) }),
      productName: t.exposeString('productName', { description: 'Savings product.' }),
      balance: t.expose('balance', { type: 'Rupiah', description: 'Balance now; never negative, never below the product minimum through withdrawals.' }),
      openedOn: t.expose('openedOn', { type: 'Date', description: 'Day opened.' }),
      lastInterestMonth: t.string({ nullable: true, description: 'Last month (YYYY-MM) whose interest was credited.', resolve: (a) => a.lastInterestMonth ?? null }),
    }),
  });

  const Statement = b.objectRef<SavingsStatement>('SimpanpinjamSavingsStatement').implement({
    description: 'Statement of a savings account for a period (rekening koran).',
    fields: (t) => ({
      account: t.field({ type: SavingsAccount, description: 'The account.', resolve: (s) => ({ ...s.account, coopId: s.coopId }) }),
      from: t.expose('from', { type: 'Date', description: 'First day.' }),
      to: t.expose('to', { type: 'Date', description: 'Last day.' }),
      opening: t.expose('opening', { type: 'Rupiah', description: 'Balance at the start of the first day.' }),
      closing: t.expose('closing', { type: 'Rupiah', description: 'Balance at the end of the last day.' }),
      lines: t.field({ type: [Txn], description: 'Movements in date order.', resolve: (s) => s.lines }),
    }),
  });

  const TimeDepositRef = b.objectRef<TimeDeposit & { coopId: string }>('SimpanpinjamTimeDeposit').implement({
    description: 'A time deposit (simpanan berjangka): fixed amount and term, interest paid at maturity.',
    fields: (t) => ({
      id: t.id({ description: 'Deposit id (opaque).', resolve: depositId }),
      memberId: t.id({ description: 'The member (a Member id).', resolve: (d) => encodeId('Member', d.coopId, d.memberId) }),
      principal: t.expose('principal', { type: 'Rupiah', description: 'Amount deposited.' }),
      annualRateBp: t.exposeInt('annualRateBp', { description: 'Interest, basis points per year, fixed when opened.' }),
      termMonths: t.exposeInt('termMonths', { description: 'Term, months.' }),
      openedOn: t.expose('openedOn', { type: 'Date', description: 'Day opened.' }),
      maturityDate: t.expose('maturityDate', { type: 'Date', description: 'Day it matures (jatuh tempo).' }),
      earlyWithdrawal: t.field({ type: EarlyWithdrawal, description: 'Rule before maturity.', resolve: (d) => d.earlyWithdrawal }),
      status: t.exposeString('status', { description: 'OPEN or WITHDRAWN.' }),
      withdrawnOn: t.field({ type: 'Date', nullable: true, description: 'Day withdrawn.', resolve: (d) => d.withdrawnOn ?? null }),
      interestPaid: t.field({ type: 'Rupiah', nullable: true, description: 'Interest paid out on withdrawal.', resolve: (d) => d.interestPaid ?? null }),
      penaltyCharged: t.field({ type: 'Rupiah', nullable: true, description: 'Early-withdrawal penalty deducted.', resolve: (d) => d.penaltyCharged ?? null }),
    }),
  });

  const Amounts = b.objectRef<Allocation & { total?: number }>('SimpanpinjamAmounts').implement({
    description: 'Amounts split the way repayments are allocated: penalties, fees, interest, principal.',
    fields: (t) => ({
      penalty: t.expose('penalty', { type: 'Rupiah', description: 'Late-payment penalties (denda).' }),
      fee: t.expose('fee', { type: 'Rupiah', description: 'Fees (admin fee, arrears carried into a new schedule).' }),
      interest: t.expose('interest', { type: 'Rupiah', description: 'Interest (bunga / jasa pinjaman).' }),
      principal: t.expose('principal', { type: 'Rupiah', description: 'Principal (pokok).' }),
      total: t.field({ type: 'Rupiah', description: 'Sum of the four.', resolve: (a) => a.total ?? a.penalty + a.fee + a.interest + a.principal }),
    }),
  });

  const Instalment = b.objectRef<InstalmentPosition>('SimpanpinjamInstalment').implement({
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
      state: t.field({ type: InstalmentState, description: 'Paid, overdue, due or upcoming on the as-of date.', resolve: (i) => i.state }),
      daysLate: t.exposeInt('daysLate', { description: 'Days past its due date while unpaid.' }),
    }),
  });

  const Repayment = b.objectRef<Loan['repayments'][number]>('SimpanpinjamRepayment').implement({
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

  const Event = b.objectRef<Loan['events'][number]>('SimpanpinjamLoanEvent').implement({
    description: "A step in the loan's life (entered, approved, endorsed, disbursed, change requested, ...).",
    fields: (t) => ({
      on: t.expose('on', { type: 'Date', description: 'Business date.' }),
      at: t.expose('at', { type: 'DateTime', description: 'When.' }),
      by: t.exposeString('by', { description: 'User.' }),
      what: t.exposeString('what', { description: 'What happened.' }),
    }),
  });

  const PendingChange = b.objectRef<NonNullable<Loan['pendingChange']>>('SimpanpinjamPendingChange').implement({
    description: 'A reschedule or write-off waiting for approval.',
    fields: (t) => ({
      kind: t.field({ type: ChangeKind, description: 'Reschedule or write-off.', resolve: (c) => c.kind }),
      requestedBy: t.exposeString('requestedBy', { description: 'Who asked (cannot approve it).' }),
      requestedOn: t.expose('requestedOn', { type: 'Date', description: 'When.' }),
      reason: t.exposeString('reason', { description: 'Why.' }),
      termMonths: t.int({ nullable: true, description: 'Reschedule: new term, months.', resolve: (c) => c.termMonths ?? null }),
    }),
  });

  const Loan = b.objectRef<LoanView>('SimpanpinjamLoan').implement({
    description: 'A loan to a member (pinjaman anggota) with its schedule and where it stands on the as-of date.',
    fields: (t) => {
      const pos = (v: LoanView) => positionOf(v.loan, v.asOf);
      return {
        id: t.id({ description: 'Loan id (opaque).', resolve: (v) => loanId(v.loan.id) }),
        memberId: t.id({ description: 'The borrower (a Member id).', resolve: (v) => encodeId('Member', v.coopId, v.loan.memberId) }),
        productName: t.string({ description: 'Loan product.', resolve: (v) => v.loan.productName }),
        asOf: t.field({ type: 'Date', description: 'Date the position, days past due and collectibility are for.', resolve: (v) => v.asOf }),
        status: t.field({ type: LoanStatus, description: 'Where the loan is in its life.', resolve: (v) => v.loan.status }),
        principal: t.field({ type: 'Rupiah', description: 'Amount lent.', resolve: (v) => v.loan.principal }),
        termMonths: t.int({ description: 'Instalments, months (grace included).', resolve: (v) => v.loan.termMonths }),
        graceMonths: t.int({ description: 'First months with interest only.', resolve: (v) => v.loan.graceMonths }),
        annualRateBp: t.int({ description: 'Interest, basis points per year.', resolve: (v) => v.loan.annualRateBp }),
        interestMethod: t.field({ type: InterestMethod, description: 'Flat, declining or annuity.', resolve: (v) => v.loan.interestMethod }),
        adminFee: t.field({ type: 'Rupiah', description: 'Admin fee.', resolve: (v) => v.loan.adminFee }),
        penaltyMethod: t.field({ type: PenaltyMethod, description: 'Late-payment penalty method.', resolve: (v) => v.loan.penaltyMethod }),
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
        pendingChange: t.field({ type: PendingChange, nullable: true, description: 'Reschedule or write-off waiting for approval.', resolve: (v) => v.loan.pendingChange ?? null }),
        schedule: t.field({
          type: [Instalment],
          description: 'Instalments with what was paid by the as-of date; before disbursement, the schedule it would get if disbursed on the as-of date.',
          resolve: (v) =>
            pos(v)?.instalments ??
            (v.loan.status === 'PENDING' || v.loan.status === 'APPROVED' ? projectedSchedule(v.loan, v.asOf) : v.loan.schedule).map((i) => ({ ...i, paidPrincipal: 0, paidInterest: 0, paidFee: 0, penalty: 0, state: 'UPCOMING' as const, daysLate: 0 })),
        }),
        repayments: t.field({ type: [Repayment], description: 'Repayments up to the as-of date, oldest first.', resolve: (v) => v.loan.repayments.filter((r) => r.date <= v.asOf) }),
        principalOutstanding: t.field({ type: 'Rupiah', description: 'Principal still owed (outstanding, baki debet).', resolve: (v) => pos(v)?.principalOutstanding ?? 0 }),
        due: t.field({ type: Amounts, description: 'Owed now: penalties and everything of instalments due on or before the as-of date.', resolve: (v) => pos(v)?.due ?? { penalty: 0, fee: 0, interest: 0, principal: 0 } }),
        payoff: t.field({ type: Amounts, description: 'What closes the loan on the as-of date (early payoff: interest accrued to date, later interest waived).', resolve: (v) => pos(v)?.payoff ?? { penalty: 0, fee: 0, interest: 0, principal: 0 } }),
        paid: t.field({ type: Amounts, description: 'Paid so far, split.', resolve: (v) => pos(v)?.paid ?? { penalty: 0, fee: 0, interest: 0, principal: 0 } }),
        daysPastDue: t.int({ description: 'Days since the oldest unpaid due date.', resolve: (v) => collectibilityOf(v).daysPastDue }),
        collectibility: t.field({ type: Collectibility, description: 'Collectibility class on the as-of date.', resolve: (v) => collectibilityOf(v).cls }),
        collectibilityClass: t.int({ description: 'The class as a number, 1 (lancar) to 5 (macet).', resolve: (v) => collectibilityOf(v).number }),
        events: t.field({ type: [Event], description: 'Every step of its life, oldest first.', resolve: (v) => v.loan.events }),
      };
    },
  });

  return { InterestMethod, BalanceMethod, SavingsKind, EarlyWithdrawal, PenaltyMethod, LoanStatus, Collectibility, ChangeKind, SavingsProduct, LoanProduct, SavingsAccount, Statement, TimeDeposit: TimeDepositRef, Amounts, Instalment, Repayment, Loan, Txn };
}

export type Refs = ReturnType<typeof registerTypes>;
