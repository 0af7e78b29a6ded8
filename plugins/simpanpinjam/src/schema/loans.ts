import { BusinessRuleError, InvalidStateError, ValidationError, text, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { checkDate, memberOf, positiveAmount, stamp, type Ctx, type MCtx } from '../context';
import { allowanceSchema, loanSchema, savingsProductSchema, type Loan, type Product } from '../items';
import { allocate } from '../loans/position';
import { checkLoanToSavings, checkRelatedPartyLimit, isRelatedParty, loanOf, nonZero, view } from '../loans/store';
import { positionOf } from '../loans/view';
import { mulDivRound } from '../math';
import { buildSchedule } from '../schedule';
import { productOf } from '../savings/store';
import type { SimpanpinjamSettings } from '../settings';
import type { Refs } from './types';

const LOANS = 'simpanpinjam.loans';
/** Interest and admin fees from members: revenue from members (4110) with patronage, for SHU jasa pinjaman. */
const MEMBER_REVENUE = '4110';

const reasonText = (value: string, field: string) => {
  const r = text(300).safeParse(value);
  if (!r.success) throw ValidationError.field(field, 'must be 1-300 characters', 'harus 1-300 karakter');
  return r.data;
};

function intIn(value: number | null | undefined, field: string, min: number, max: number, fallback?: number): number {
  const v = value ?? fallback;
  if (v == null || !Number.isInteger(v) || v < min || v > max) throw ValidationError.field(field, `must be a whole number from ${min} to ${max}`, `harus bilangan bulat ${min} sampai ${max}`);
  return v;
}

function makerChecker(u: Ctx, maker: string, what: string) {
  if (u.principal.userId === maker) {
    throw new BusinessRuleError('MAKER_CHECKER', `the person who entered this ${what} cannot approve it; another approver must`, `yang memasukkan ${what === 'loan' ? 'pinjaman' : 'permintaan'} ini tidak boleh menyetujuinya; harus pemberi persetujuan lain`, {
      field: 'input.loanId',
    });
  }
}

function save(u: MCtx, before: Loan, after: Loan) {
  u.writes.replace(['LOAN', before.id], after, before.version);
}

export function registerLoans(b: Builder, unit: UnitSchemaKit<SimpanpinjamSettings>, r: Refs) {
  unit.mutation('createLoanProduct', {
    type: r.LoanProduct,
    description: 'Create a loan product: interest method and yearly rate, limits on amount and term, grace, admin fee, late-payment penalty and loan-to-savings ratio.',
    permission: 'simpanpinjam:manage',
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
      maxLoanToSavingsBp: t.int({ required: false, description: "Largest loan as basis points of the member's savings and time deposits (30000 = 3 times); 0 or absent = no limit." }),
    }),
    resolve: async (input, u) => {
      const product: Product = {
        id: u.newId(),
        kind: 'LOAN',
        name: reasonText(input.name, 'input.name').slice(0, 80),
        active: true,
        createdAt: u.now().toISOString(),
        createdBy: u.principal.userId,
        interestMethod: input.interestMethod,
        annualRateBp: intIn(input.annualRateBp, 'input.annualRateBp', 0, 10_000),
        minAmount: intIn(input.minAmount, 'input.minAmount', 1, Number.MAX_SAFE_INTEGER),
        maxAmount: intIn(input.maxAmount, 'input.maxAmount', 1, Number.MAX_SAFE_INTEGER),
        minTermMonths: intIn(input.minTermMonths, 'input.minTermMonths', 1, 120),
        maxTermMonths: intIn(input.maxTermMonths, 'input.maxTermMonths', 1, 120),
        maxGraceMonths: intIn(input.maxGraceMonths, 'input.maxGraceMonths', 0, 119, 0),
        adminFeeBp: intIn(input.adminFeeBp, 'input.adminFeeBp', 0, 10_000, 0),
        adminFeeFixed: intIn(input.adminFeeFixed, 'input.adminFeeFixed', 0, Number.MAX_SAFE_INTEGER, 0),
        adminFeeDeducted: input.adminFeeDeducted ?? false,
        penaltyMethod: input.penaltyMethod ?? 'NONE',
        penaltyRateBp: intIn(input.penaltyRateBp, 'input.penaltyRateBp', 0, 10_000, 0),
        maxLoanToSavingsBp: intIn(input.maxLoanToSavingsBp, 'input.maxLoanToSavingsBp', 0, 1_000_000, 0),
      };
      if (product.maxAmount! < product.minAmount!) throw ValidationError.field('input.maxAmount', 'must not be below minAmount', 'tidak boleh di bawah minAmount');
      if (product.maxTermMonths! < product.minTermMonths!) throw ValidationError.field('input.maxTermMonths', 'must not be below minTermMonths', 'tidak boleh di bawah minTermMonths');
      if (product.maxGraceMonths! >= product.minTermMonths!) throw ValidationError.field('input.maxGraceMonths', 'must be less than minTermMonths', 'harus kurang dari minTermMonths');
      u.writes.create(['PRODUCT', product.id], product);
      return product;
    },
  });

  unit.query('loanProducts', {
    type: [r.LoanProduct],
    description: 'Loan products, oldest first.',
    permission: 'simpanpinjam:read',
    resolve: async (_a, u) => (await u.store.all(savingsProductSchema, ['PRODUCT'])).filter((p) => p.kind === 'LOAN'),
  });

  unit.mutation('applyForLoan', {
    type: r.Loan,
    description:
      "Enter a member's loan application (the maker). Checks the product's amount, term and grace limits, the loan-to-savings ratio and, for board members and supervisors, the related-party limit. Approval needs someone else (simpanpinjamApproveLoan); a related-party loan also a supervisor (simpanpinjamEndorseLoan).",
    permission: 'simpanpinjam:enter',
    input: (t) => ({
      memberId: t.id({ description: 'The borrower (a Member id).' }),
      productId: t.id({ description: 'A loan product.' }),
      amount: t.field({ type: 'Rupiah', description: 'Principal asked for.' }),
      termMonths: t.int({ description: 'Instalments, months, grace included.' }),
      graceMonths: t.int({ required: false, description: 'First months with interest only (default 0).' }),
      purpose: t.string({ description: 'What the loan is for (1-300 characters).' }),
    }),
    resolve: async (input, u) => {
      positiveAmount(input.amount, 'input.amount');
      const member = await memberOf(u, input.memberId, 'input.memberId');
      const product = await productOf(u, input.productId, 'input.productId', ['LOAN']);
      if (input.amount < product.minAmount! || input.amount > product.maxAmount!) {
        throw ValidationError.field('input.amount', `must be from ${product.minAmount} to ${product.maxAmount} for this product`, `harus Rp${product.minAmount} sampai Rp${product.maxAmount} untuk produk ini`);
      }
      const termMonths = intIn(input.termMonths, 'input.termMonths', product.minTermMonths!, product.maxTermMonths!);
      const graceMonths = intIn(input.graceMonths, 'input.graceMonths', 0, Math.min(product.maxGraceMonths ?? 0, termMonths - 1), 0);
      const purpose = reasonText(input.purpose, 'input.purpose');
      await checkLoanToSavings(u, product, member.id, input.amount, 'input.amount');
      const relatedParty = isRelatedParty(u, member.id);
      const id = u.newId();
      if (relatedParty) await checkRelatedPartyLimit(u, { id, principal: input.amount }, 'input.amount');
      const loan: Loan = {
        id,
        memberId: member.id,
        productId: product.id,
        productName: product.name,
        principal: input.amount,
        termMonths,
        graceMonths,
        annualRateBp: product.annualRateBp,
        interestMethod: product.interestMethod!,
        adminFee: (product.adminFeeFixed ?? 0) + mulDivRound(input.amount, product.adminFeeBp ?? 0, 10_000),
        adminFeeDeducted: !!product.adminFeeDeducted,
        penaltyMethod: product.penaltyMethod ?? 'NONE',
        penaltyRateBp: product.penaltyRateBp ?? 0,
        purpose,
        relatedParty,
        status: 'PENDING',
        appliedOn: u.today(),
        enteredBy: u.principal.userId,
        schedule: [],
        repayments: [],
        events: [stamp(u, 'ENTERED')],
        version: 1,
      };
      u.writes.create(['LOAN', loan.id], loan);
      return view(u, loan);
    },
  });

  unit.mutation('approveLoan', {
    type: r.Loan,
    description:
      'Approve a loan application as the board/management (the checker): refused to whoever entered it (BusinessRuleError MAKER_CHECKER). A related-party loan is re-checked against the limit and also needs a supervisor (simpanpinjamEndorseLoan) before it is APPROVED.',
    permission: 'simpanpinjam:approve',
    input: (t) => ({ loanId: t.id({ description: 'Loan id.' }) }),
    resolve: async (input, u) => {
      const loan = await loanOf(u, input.loanId, 'input.loanId');
      if (loan.status !== 'PENDING' || loan.boardApprovedBy) throw new InvalidStateError('this loan is not waiting for approval', 'pinjaman ini tidak menunggu persetujuan');
      makerChecker(u, loan.enteredBy, 'loan');
      if (u.principal.memberId === loan.memberId) {
        throw new BusinessRuleError('OWN_LOAN', 'nobody approves a loan to themselves', 'tidak boleh menyetujui pinjaman untuk diri sendiri', { field: 'input.loanId' });
      }
      if (loan.relatedParty) await checkRelatedPartyLimit(u, loan, 'input.loanId');
      const done = !loan.relatedParty || !!loan.supervisorApprovedBy;
      const next: Loan = { ...loan, boardApprovedBy: u.principal.userId, status: done ? 'APPROVED' : 'PENDING', ...(done ? { approvedOn: u.today() } : {}), events: [...loan.events, stamp(u, 'APPROVED_BY_BOARD')], version: loan.version + 1 };
      save(u, loan, next);
      return view(u, next);
    },
  });

  unit.mutation('endorseLoan', {
    type: r.Loan,
    description:
      "A supervisor's (pengawas) approval of a related-party loan (to a board member or supervisor), required besides the board's. Supervisors write nothing else; a loan that is not related-party needs no endorsement.",
    permission: 'simpanpinjam:endorse',
    input: (t) => ({ loanId: t.id({ description: 'Loan id.' }) }),
    resolve: async (input, u) => {
      const loan = await loanOf(u, input.loanId, 'input.loanId');
      if (loan.status !== 'PENDING' || loan.supervisorApprovedBy) throw new InvalidStateError('this loan is not waiting for a supervisor', 'pinjaman ini tidak menunggu persetujuan pengawas');
      if (!loan.relatedParty) throw new InvalidStateError('only loans to related parties need a supervisor', 'hanya pinjaman kepada pihak terkait yang perlu persetujuan pengawas');
      if (u.principal.memberId === loan.memberId) {
        throw new BusinessRuleError('OWN_LOAN', 'a supervisor cannot endorse a loan to themselves', 'pengawas tidak boleh menyetujui pinjaman untuk dirinya sendiri', { field: 'input.loanId' });
      }
      const done = !!loan.boardApprovedBy;
      const next: Loan = { ...loan, supervisorApprovedBy: u.principal.userId, status: done ? 'APPROVED' : 'PENDING', ...(done ? { approvedOn: u.today() } : {}), events: [...loan.events, stamp(u, 'ENDORSED_BY_SUPERVISOR')], version: loan.version + 1 };
      save(u, loan, next);
      return view(u, next);
    },
  });

  unit.mutation('rejectLoan', {
    type: r.Loan,
    description: 'Refuse a loan application that is not disbursed yet, with a reason.',
    permission: 'simpanpinjam:approve',
    input: (t) => ({ loanId: t.id({ description: 'Loan id.' }), reason: t.string({ description: 'Why (1-300 characters).' }) }),
    resolve: async (input, u) => {
      const loan = await loanOf(u, input.loanId, 'input.loanId');
      if (loan.status !== 'PENDING' && loan.status !== 'APPROVED') throw new InvalidStateError('only an application not yet disbursed can be refused', 'hanya pengajuan yang belum dicairkan yang dapat ditolak');
      const next: Loan = { ...loan, status: 'REJECTED', rejectedBy: u.principal.userId, rejectionReason: reasonText(input.reason, 'input.reason'), events: [...loan.events, stamp(u, 'REJECTED')], version: loan.version + 1 };
      save(u, loan, next);
      return view(u, next);
    },
  });

  unit.mutation('disburseLoan', {
    type: r.Loan,
    description:
      'Pay out an approved loan in cash today; its schedule starts today. Posts Dr loans receivable (principal), Cr cash; a deducted admin fee is Cr revenue from members (4110, with patronage) and paid out less.',
    permission: 'simpanpinjam:teller',
    input: (t) => ({ loanId: t.id({ description: 'Loan id.' }) }),
    resolve: async (input, u) => {
      const loan = await loanOf(u, input.loanId, 'input.loanId');
      if (loan.status !== 'APPROVED') throw new InvalidStateError('only an approved loan can be disbursed', 'hanya pinjaman yang disetujui yang dapat dicairkan');
      const today = u.today();
      const schedule = buildSchedule({
        principal: loan.principal,
        termMonths: loan.termMonths,
        graceMonths: loan.graceMonths,
        annualRateBp: loan.annualRateBp,
        method: loan.interestMethod,
        startsOn: today,
        firstInstalmentFee: loan.adminFeeDeducted ? 0 : loan.adminFee,
      });
      const next: Loan = { ...loan, status: 'ACTIVE', disbursedOn: today, disbursedBy: u.principal.userId, schedule, events: [...loan.events, stamp(u, 'DISBURSED')], version: loan.version + 1 };
      save(u, loan, next);
      const fee = loan.adminFeeDeducted ? loan.adminFee : 0;
      await u.post({
        memo: `Pencairan pinjaman ${loan.productName}`,
        documentId: loan.id,
        lines: nonZero([
          { account: LOANS, debit: loan.principal },
          { account: u.settings.cashAccount, credit: loan.principal - fee },
          { account: MEMBER_REVENUE, credit: fee },
        ]),
        ...(fee ? { patronage: [{ memberId: loan.memberId, amount: fee }] } : {}),
      });
      return view(u, next);
    },
  });

  const RepaymentResult = b.objectRef<{ repayment: Loan['repayments'][number]; closed: boolean; loan: ReturnType<typeof view> }>('SimpanpinjamRepaymentResult').implement({
    description: 'A repayment as allocated, and the loan after it.',
    fields: (t) => ({
      repayment: t.field({ type: r.Repayment, description: 'The repayment and its split.', resolve: (x) => x.repayment }),
      closed: t.exposeBoolean('closed', { description: 'True when it paid the loan off.' }),
      loan: t.field({ type: r.Loan, description: 'The loan after the repayment.', resolve: (x) => x.loan }),
    }),
  });

  unit.mutation('repayLoan', {
    type: RepaymentResult,
    description:
      'Record a cash repayment today. It pays penalties, then fees, then interest, then principal of what is due; any more is a prepayment (fees, interest accrued to date, then the next instalments\' principal). Paying the payoff amount (see SimpanpinjamLoan.payoff) closes the loan early with interest only to date; more than that is refused (BusinessRuleError OVERPAYMENT, details.payoff). Posts Dr cash; Cr loans receivable, revenue from members (interest and fees, with patronage) and penalty income.',
    permission: 'simpanpinjam:teller',
    input: (t) => ({ loanId: t.id({ description: 'Loan id.' }), amount: t.field({ type: 'Rupiah', description: 'Amount paid.' }) }),
    resolve: async (input, u) => {
      positiveAmount(input.amount, 'input.amount');
      const loan = await loanOf(u, input.loanId, 'input.loanId');
      if (loan.status !== 'ACTIVE') throw new InvalidStateError('only an active (disbursed, open) loan takes repayments', 'hanya pinjaman aktif yang menerima angsuran');
      const today = u.today();
      if (loan.repayments.some((x) => x.date > today)) throw new InvalidStateError('a later repayment is already recorded', 'sudah ada angsuran dengan tanggal lebih akhir');
      const position = positionOf(loan, today);
      if (!position) throw new InvalidStateError('the loan is disbursed after today', 'pinjaman dicairkan setelah hari ini');
      const { allocation, closes, excess } = allocate(position, input.amount);
      if (excess > 0) {
        throw new BusinessRuleError('OVERPAYMENT', `${input.amount} is more than the ${position.payoff.total} that pays the loan off today`, `Rp${input.amount} melebihi Rp${position.payoff.total} untuk melunasi pinjaman hari ini`, {
          field: 'input.amount',
          details: { payoff: position.payoff.total, excess },
        });
      }
      const repayment = { id: u.newId(), date: today, amount: input.amount, ...allocation, by: u.principal.userId };
      const next: Loan = {
        ...loan,
        repayments: [...loan.repayments, repayment],
        ...(closes ? { status: 'CLOSED' as const, closedOn: today, events: [...loan.events, stamp(u, today < loan.schedule.at(-1)!.dueDate ? 'PAID_OFF_EARLY' : 'PAID_OFF')] } : {}),
        version: loan.version + 1,
      };
      save(u, loan, next);
      const revenue = allocation.interest + allocation.fee;
      await u.post({
        memo: `Angsuran pinjaman ${loan.productName}`,
        documentId: repayment.id,
        lines: nonZero([
          { account: u.settings.cashAccount, debit: input.amount },
          { account: LOANS, credit: allocation.principal },
          { account: MEMBER_REVENUE, credit: revenue },
          { account: 'simpanpinjam.penaltyIncome', credit: allocation.penalty },
        ]),
        ...(revenue ? { patronage: [{ memberId: loan.memberId, amount: revenue }] } : {}),
      });
      return { repayment, closed: closes, loan: view(u, next) };
    },
  });

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
    resolve: async (input, u) => {
      const loan = await loanOf(u, input.loanId, 'input.loanId');
      if (loan.status !== 'ACTIVE') throw new InvalidStateError('only an active loan can be rescheduled or written off', 'hanya pinjaman aktif yang dapat direstrukturisasi atau dihapusbukukan');
      if (loan.pendingChange) throw new InvalidStateError('a change is already waiting for approval', 'sudah ada perubahan yang menunggu persetujuan');
      const reschedule = input.kind === 'RESCHEDULE';
      const termMonths = reschedule ? intIn(input.termMonths, 'input.termMonths', 1, 120) : undefined;
      const change: NonNullable<Loan['pendingChange']> = {
        kind: input.kind,
        requestedBy: u.principal.userId,
        requestedOn: u.today(),
        reason: reasonText(input.reason, 'input.reason'),
        ...(reschedule
          ? {
              termMonths,
              graceMonths: intIn(input.graceMonths, 'input.graceMonths', 0, termMonths! - 1, 0),
              annualRateBp: intIn(input.annualRateBp, 'input.annualRateBp', 0, 10_000, loan.annualRateBp),
              interestMethod: input.interestMethod ?? loan.interestMethod,
              waivePenalties: !!input.waivePenalties,
            }
          : {}),
      };
      const next: Loan = { ...loan, pendingChange: change, events: [...loan.events, stamp(u, `${input.kind}_REQUESTED`)], version: loan.version + 1 };
      save(u, loan, next);
      return view(u, next);
    },
  });

  unit.mutation('approveLoanChange', {
    type: r.Loan,
    description:
      "Approve a pending reschedule or write-off (not by its requester: MAKER_CHECKER). Reschedule: the loan ends as RESCHEDULED and a new loan carries the outstanding principal on the new terms from today; unpaid interest, fees and (unless waived) penalties are carried into the new first instalment as a fee; no money moves. Write-off: the outstanding principal leaves loans receivable against the allowance (then loss expense); returns the loan, or for a reschedule the new loan.",
    permission: 'simpanpinjam:approve',
    input: (t) => ({ loanId: t.id({ description: 'Loan id.' }) }),
    resolve: async (input, u) => {
      const loan = await loanOf(u, input.loanId, 'input.loanId');
      const change = loan.pendingChange;
      if (loan.status !== 'ACTIVE' || !change) throw new InvalidStateError('no change is waiting for approval on this loan', 'tidak ada perubahan yang menunggu persetujuan');
      makerChecker(u, change.requestedBy, 'request');
      const today = u.today();
      const position = positionOf(loan, today);
      if (!position) throw new InvalidStateError('the loan is disbursed after today', 'pinjaman dicairkan setelah hari ini');
      const { pendingChange: _done, ...rest } = loan;
      if (change.kind === 'WRITE_OFF') {
        const principal = position.principalOutstanding;
        const allowance = await u.store.get(allowanceSchema, 'ALLOWANCE');
        const fromAllowance = Math.min(allowance?.balance ?? 0, principal);
        const next: Loan = { ...rest, status: 'WRITTEN_OFF', writtenOffOn: today, writtenOffPrincipal: principal, events: [...loan.events, stamp(u, 'WRITTEN_OFF')], version: loan.version + 1 };
        save(u, loan, next);
        if (fromAllowance > 0) u.writes.replace(['ALLOWANCE'], { balance: allowance!.balance - fromAllowance, version: allowance!.version + 1, updatedOn: today }, allowance!.version);
        if (principal > 0) {
          await u.post({
            memo: `Hapus buku pinjaman ${loan.productName}`,
            documentId: loan.id,
            lines: nonZero([
              { account: 'simpanpinjam.allowance', debit: fromAllowance },
              { account: 'simpanpinjam.allowanceExpense', debit: principal - fromAllowance },
              { account: LOANS, credit: principal },
            ]),
          });
        }
        return view(u, next);
      }
      const carried = position.payoff.fee + position.payoff.interest + (change.waivePenalties ? 0 : position.payoff.penalty);
      const id = u.newId();
      const schedule = buildSchedule({
        principal: position.principalOutstanding,
        termMonths: change.termMonths!,
        graceMonths: change.graceMonths ?? 0,
        annualRateBp: change.annualRateBp!,
        method: change.interestMethod!,
        startsOn: today,
        firstInstalmentFee: carried,
      });
      const old: Loan = { ...rest, status: 'RESCHEDULED', closedOn: today, rescheduledTo: id, events: [...loan.events, stamp(u, 'RESCHEDULED')], version: loan.version + 1 };
      const renewed: Loan = {
        ...rest,
        id,
        principal: position.principalOutstanding,
        termMonths: change.termMonths!,
        graceMonths: change.graceMonths ?? 0,
        annualRateBp: change.annualRateBp!,
        interestMethod: change.interestMethod!,
        adminFee: 0,
        adminFeeDeducted: false,
        status: 'ACTIVE',
        appliedOn: change.requestedOn,
        enteredBy: change.requestedBy,
        boardApprovedBy: u.principal.userId,
        approvedOn: today,
        disbursedOn: today,
        disbursedBy: u.principal.userId,
        schedule,
        repayments: [],
        rescheduledFrom: loan.id,
        events: [stamp(u, `RESCHEDULED_FROM ${loan.id}: ${change.reason}`)],
        version: 1,
      };
      save(u, loan, old);
      u.writes.create(['LOAN', id], renewed);
      return view(u, renewed);
    },
  });

  unit.query('loans', {
    type: [r.Loan],
    description: 'Loans, oldest first: all, one status, or one member\'s; each with its position on the as-of date.',
    permission: 'simpanpinjam:read',
    args: (t) => ({
      status: t({ type: r.LoanStatus, required: false, description: 'Only loans in this status.' }),
      memberId: t.id({ required: false, description: 'Only this member (a Member id).' }),
      asOf: t({ type: 'Date', required: false, description: 'Date of the position (default today).' }),
    }),
    resolve: async (args, u) => {
      const asOf = checkDate(args.asOf, 'asOf') ?? u.today();
      const member = args.memberId ? await memberOf(u, args.memberId, 'memberId', false) : undefined;
      const loans = await u.store.all(loanSchema, ['LOAN']);
      return loans.filter((l) => (!args.status || l.status === args.status) && (!member || l.memberId === member.id)).map((l) => view(u, l, asOf));
    },
  });

  unit.query('loan', {
    type: r.Loan,
    description: 'One loan with its schedule, repayments, what is due, the payoff amount and its collectibility on the as-of date.',
    permission: 'simpanpinjam:read',
    args: (t) => ({
      id: t.id({ description: 'Loan id.' }),
      asOf: t({ type: 'Date', required: false, description: 'Date of the position (default today); any date, past or future.' }),
    }),
    resolve: async (args, u) => view(u, await loanOf(u, args.id, 'id'), checkDate(args.asOf, 'asOf') ?? u.today()),
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
    resolve: async (args, u) => {
      const product = await productOf(u, args.productId, 'productId', ['LOAN']);
      positiveAmount(args.amount, 'amount');
      const termMonths = intIn(args.termMonths, 'termMonths', product.minTermMonths!, product.maxTermMonths!);
      const graceMonths = intIn(args.graceMonths, 'graceMonths', 0, Math.min(product.maxGraceMonths ?? 0, termMonths - 1), 0);
      const fee = (product.adminFeeFixed ?? 0) + mulDivRound(args.amount, product.adminFeeBp ?? 0, 10_000);
      return buildSchedule({
        principal: args.amount,
        termMonths,
        graceMonths,
        annualRateBp: product.annualRateBp,
        method: product.interestMethod!,
        startsOn: checkDate(args.startsOn, 'startsOn') ?? u.today(),
        firstInstalmentFee: product.adminFeeDeducted ? 0 : fee,
      }).map((i) => ({ ...i, paidPrincipal: 0, paidInterest: 0, paidFee: 0, penalty: 0, state: 'UPCOMING' as const, daysLate: 0 }));
    },
  });
}
