import { ValidationError, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { CLASSES, problemLoanRisk, type CollectibilityClass } from '../collectibility';
import { checkDate, memberOf, type Ctx } from '../context';
import { monthStart } from '../dates';
import { allowanceSchema, loanSchema, savingsAccountSchema, timeDepositSchema } from '../items';
import { view } from '../loans/store';
import { collectibilityOf, outstandingOn, positionOf, type LoanView } from '../loans/view';
import { mulDivFloor } from '../math';
import type { SimpanpinjamSettings } from '../settings';
import { statementOf } from './savings';
import type { Refs, SavingsStatement } from './types';
import type { TimeDeposit } from '../items';

interface ClassRow {
  cls: CollectibilityClass;
  count: number;
  outstanding: number;
}
interface ArrearsRow {
  loan: LoanView;
  daysPastDue: number;
  cls: CollectibilityClass;
  overdue: number;
  outstanding: number;
}
interface Portfolio {
  asOf: string;
  classes: ClassRow[];
  loanCount: number;
  outstanding: number;
  problemLoans: number;
  problemLoanRisk: number;
  problemLoanRatioBp: number;
  allowance: number;
  arrears: ArrearsRow[];
}

export function registerReports(b: Builder, unit: UnitSchemaKit<SimpanpinjamSettings>, r: Refs) {
  const ClassRowRef = b.objectRef<ClassRow>('SimpanpinjamCollectibilityRow').implement({
    description: 'Loans of one collectibility class.',
    fields: (t) => ({
      collectibility: t.field({ type: r.Collectibility, description: 'The class.', resolve: (x) => x.cls }),
      number: t.int({ description: '1 (lancar) to 5 (macet).', resolve: (x) => CLASSES.indexOf(x.cls) + 1 }),
      count: t.exposeInt('count', { description: 'Loans.' }),
      outstanding: t.expose('outstanding', { type: 'Rupiah', description: 'Principal outstanding.' }),
    }),
  });
  const ArrearsRef = b.objectRef<ArrearsRow>('SimpanpinjamArrearsRow').implement({
    description: 'A loan in arrears (tunggakan).',
    fields: (t) => ({
      loan: t.field({ type: r.Loan, description: 'The loan, on the as-of date.', resolve: (x) => x.loan }),
      daysPastDue: t.exposeInt('daysPastDue', { description: 'Days since the oldest unpaid due date.' }),
      collectibility: t.field({ type: r.Collectibility, description: 'Its class.', resolve: (x) => x.cls }),
      overdue: t.expose('overdue', { type: 'Rupiah', description: 'Owed now (penalties, fees, interest and principal due).' }),
      outstanding: t.expose('outstanding', { type: 'Rupiah', description: 'Principal outstanding.' }),
    }),
  });
  const PortfolioRef = b.objectRef<Portfolio>('SimpanpinjamPortfolio').implement({
    description: 'The loan portfolio on a date: outstanding per collectibility class, problem-loan risk and the arrears list.',
    fields: (t) => ({
      asOf: t.expose('asOf', { type: 'Date', description: 'The date.' }),
      classes: t.field({ type: [ClassRowRef], description: 'All five classes, 1 to 5.', resolve: (p) => p.classes }),
      loanCount: t.exposeInt('loanCount', { description: 'Loans outstanding.' }),
      outstanding: t.expose('outstanding', { type: 'Rupiah', description: 'Principal outstanding in all.' }),
      problemLoans: t.expose('problemLoans', { type: 'Rupiah', description: 'Outstanding of classes 3-5 (pinjaman bermasalah).' }),
      problemLoanRisk: t.expose('problemLoanRisk', {
        type: 'Rupiah',
        description: 'Problem-loan risk: 50% of class 3 + 75% of class 4 + 100% of class 5 outstanding (weights from the settings); the allowance it calls for.',
      }),
      problemLoanRatioBp: t.exposeInt('problemLoanRatioBp', { description: 'Problem loans as basis points of outstanding (NPL ratio).' }),
      allowance: t.expose('allowance', { type: 'Rupiah', description: 'Allowance for loan losses now in the books (see simpanpinjamProvisionAllowance).' }),
      arrears: t.field({ type: [ArrearsRef], description: 'Loans past due, most days first.', resolve: (p) => p.arrears }),
    }),
  });

  async function portfolio(u: Ctx, asOf: string): Promise<Portfolio> {
    const loans = (await u.store.all(loanSchema, ['LOAN'])).filter((l) => outstandingOn(l, asOf));
    const by = Object.fromEntries(CLASSES.map((c) => [c, { cls: c, count: 0, outstanding: 0 }])) as Record<CollectibilityClass, ClassRow>;
    const arrears: ArrearsRow[] = [];
    for (const l of loans) {
      const v = view(u, l, asOf);
      const p = positionOf(l, asOf)!;
      const { cls, daysPastDue } = collectibilityOf(v);
      by[cls].count += 1;
      by[cls].outstanding += p.principalOutstanding;
      if (daysPastDue > 0) arrears.push({ loan: v, daysPastDue, cls, overdue: p.due.total, outstanding: p.principalOutstanding });
    }
    const outstanding = CLASSES.reduce((s, c) => s + by[c].outstanding, 0);
    const problemLoans = by.KURANG_LANCAR.outstanding + by.DIRAGUKAN.outstanding + by.MACET.outstanding;
    const amounts = Object.fromEntries(CLASSES.map((c) => [c, by[c].outstanding])) as Record<CollectibilityClass, number>;
    const allowance = await u.store.get(allowanceSchema, 'ALLOWANCE');
    return {
      asOf,
      classes: CLASSES.map((c) => by[c]),
      loanCount: loans.length,
      outstanding,
      problemLoans,
      problemLoanRisk: problemLoanRisk(amounts, u.settings.riskWeights),
      problemLoanRatioBp: outstanding ? mulDivFloor(problemLoans, 10_000, outstanding) : 0,
      allowance: allowance?.balance ?? 0,
      arrears: arrears.sort((a, b2) => b2.daysPastDue - a.daysPastDue),
    };
  }

  unit.query('portfolio', {
    type: PortfolioRef,
    description: 'Loan portfolio report on any date: collectibility per class, problem-loan risk and ratio, and the arrears list.',
    permission: 'simpanpinjam:read',
    args: (t) => ({ asOf: t({ type: 'Date', required: false, description: 'The date (default today).' }) }),
    resolve: async (args, u) => portfolio(u, checkDate(args.asOf, 'asOf') ?? u.today()),
  });

  const Provision = b.objectRef<{ required: number; before: number; posted: number }>('SimpanpinjamProvision').implement({
    description: 'Result of bringing the allowance for loan losses to the problem-loan risk.',
    fields: (t) => ({
      required: t.expose('required', { type: 'Rupiah', description: "Today's problem-loan risk: the allowance now held." }),
      before: t.expose('before', { type: 'Rupiah', description: 'Allowance before.' }),
      posted: t.expose('posted', { type: 'Rupiah', description: 'Change posted: positive adds to the allowance (expense), negative releases it.' }),
    }),
  });

  unit.mutation('provisionAllowance', {
    type: Provision,
    description:
      "Bring the allowance for loan losses (penyisihan penghapusan pinjaman) to today's problem-loan risk: posts Dr allowance expense, Cr allowance for an increase (the reverse for a release). Write-offs use the allowance first.",
    permission: 'simpanpinjam:manage',
    input: () => ({}),
    resolve: async (_input, u) => {
      const today = u.today();
      const { problemLoanRisk: required } = await portfolio(u, today);
      const current = await u.store.get(allowanceSchema, 'ALLOWANCE');
      const before = current?.balance ?? 0;
      const delta = required - before;
      if (delta !== 0) {
        const item = { balance: required, updatedOn: today };
        if (current) u.writes.replace(['ALLOWANCE'], { ...item, version: current.version + 1 }, current.version);
        else u.writes.create(['ALLOWANCE'], { ...item, version: 1 });
        const up = delta > 0;
        await u.post({
          memo: up ? 'Penyisihan penghapusan pinjaman' : 'Pemulihan penyisihan penghapusan pinjaman',
          documentId: `ALLOWANCE-${today}`,
          lines: up
            ? [{ account: 'simpanpinjam.allowanceExpense', debit: delta }, { account: 'simpanpinjam.allowance', credit: delta }]
            : [{ account: 'simpanpinjam.allowance', debit: -delta }, { account: 'simpanpinjam.allowanceExpense', credit: -delta }],
        });
      }
      return { required, before, posted: delta };
    },
  });

  const MemberStatement = b.objectRef<{ from: string; to: string; savings: SavingsStatement[]; deposits: (TimeDeposit & { coopId: string })[]; loans: LoanView[] }>('SimpanpinjamMemberStatement').implement({
    description: "A member's statement: every savings account for the period, time deposits, and loans as of the period's last day.",
    fields: (t) => ({
      from: t.expose('from', { type: 'Date', description: 'First day.' }),
      to: t.expose('to', { type: 'Date', description: 'Last day (loans are shown as of this day).' }),
      savings: t.field({ type: [r.Statement], description: 'Savings accounts with their movements.', resolve: (s) => s.savings }),
      timeDeposits: t.field({ type: [r.TimeDeposit], description: 'Time deposits.', resolve: (s) => s.deposits }),
      loans: t.field({ type: [r.Loan], description: 'Loans, with schedule and position.', resolve: (s) => s.loans }),
    }),
  });

  unit.query('memberStatement', {
    type: MemberStatement,
    description: "A member's savings, time deposits and loans for a period.",
    permission: 'simpanpinjam:read',
    args: (t) => ({
      memberId: t.id({ description: 'The member (a Member id).' }),
      from: t({ type: 'Date', required: false, description: 'First day (default: first day of this month).' }),
      to: t({ type: 'Date', required: false, description: 'Last day (default: today).' }),
    }),
    resolve: async (args, u) => {
      const member = await memberOf(u, args.memberId, 'memberId', false);
      const to = checkDate(args.to, 'to') ?? u.today();
      const from = checkDate(args.from, 'from') ?? monthStart(to.slice(0, 7));
      if (from > to) throw ValidationError.field('to', 'must not be before from', 'tidak boleh sebelum tanggal awal');
      const [accounts, deposits, loans] = await Promise.all([
        u.store.all(savingsAccountSchema, ['SACCT', member.id]),
        u.store.all(timeDepositSchema, ['TDEP', member.id]),
        u.store.all(loanSchema, ['LOAN']),
      ]);
      return {
        from,
        to,
        savings: await Promise.all(accounts.map((a) => statementOf(u, a, from, to))),
        deposits: deposits.map((d) => ({ ...d, coopId: u.cooperative.id })),
        loans: loans.filter((l) => l.memberId === member.id).map((l) => view(u, l, to)),
      };
    },
  });
}
