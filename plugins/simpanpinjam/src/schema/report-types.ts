import type { Builder } from '@kkmp/plugin-sdk';
import { CLASSES } from '../collectibility';
import type { LoanBookRebuild } from '../services/loan-book';
import type { ArrearsRow, ClassRow, MemberStatement, Portfolio, Provision } from '../services/reports';
import type { Enums } from './enums';
import type { LoanRefs } from './loan-types';
import type { SavingsRefs } from './savings-types';

function portfolioType(b: Builder, e: Enums, loan: LoanRefs['Loan']) {
  const ClassRowRef = b.objectRef<ClassRow>('SimpanpinjamCollectibilityRow').implement({
    description: 'Loans of one collectibility class.',
    fields: (t) => ({
      collectibility: t.field({ type: e.Collectibility, description: 'The class.', resolve: (x) => x.cls }),
      number: t.int({ description: '1 (lancar) to 5 (macet).', resolve: (x) => CLASSES.indexOf(x.cls) + 1 }),
      count: t.exposeInt('count', { description: 'Loans.' }),
      outstanding: t.expose('outstanding', { type: 'Rupiah', description: 'Principal outstanding.' }),
    }),
  });
  const ArrearsRef = b.objectRef<ArrearsRow>('SimpanpinjamArrearsRow').implement({
    description: 'A loan in arrears (tunggakan).',
    fields: (t) => ({
      loan: t.field({ type: loan, description: 'The loan, on the as-of date.', resolve: (x) => x.loan }),
      daysPastDue: t.exposeInt('daysPastDue', { description: 'Days since the oldest unpaid due date.' }),
      collectibility: t.field({ type: e.Collectibility, description: 'Its class.', resolve: (x) => x.cls }),
      overdue: t.expose('overdue', { type: 'Rupiah', description: 'Owed now (penalties, fees, interest and principal due).' }),
      outstanding: t.expose('outstanding', { type: 'Rupiah', description: 'Principal outstanding.' }),
    }),
  });
  return b.objectRef<Portfolio>('SimpanpinjamPortfolio').implement({
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
}

function provisionType(b: Builder) {
  return b.objectRef<Provision>('SimpanpinjamProvision').implement({
    description: 'Result of bringing the allowance for loan losses to the problem-loan risk.',
    fields: (t) => ({
      required: t.expose('required', { type: 'Rupiah', description: "Today's problem-loan risk: the allowance now held." }),
      before: t.expose('before', { type: 'Rupiah', description: 'Allowance before.' }),
      posted: t.expose('posted', { type: 'Rupiah', description: 'Change posted: positive adds to the allowance (expense), negative releases it.' }),
    }),
  });
}

function memberStatementType(b: Builder, loan: LoanRefs['Loan'], savings: SavingsRefs) {
  return b.objectRef<MemberStatement>('SimpanpinjamMemberStatement').implement({
    description: "A member's statement: every savings account for the period, time deposits, and loans as of the period's last day.",
    fields: (t) => ({
      from: t.expose('from', { type: 'Date', description: 'First day.' }),
      to: t.expose('to', { type: 'Date', description: 'Last day (loans are shown as of this day).' }),
      savings: t.field({ type: [savings.Statement], description: 'Savings accounts with their movements.', resolve: (s) => s.savings }),
      timeDeposits: t.field({ type: [savings.TimeDeposit], description: 'Time deposits.', resolve: (s) => s.deposits }),
      loans: t.field({ type: [loan], description: 'Loans, with schedule and position.', resolve: (s) => s.loans }),
    }),
  });
}

function loanBookRebuildType(b: Builder) {
  return b.objectRef<LoanBookRebuild>('SimpanpinjamLoanBookRebuild').implement({
    description: 'Result of one call of simpanpinjamRebuildLoanBook (the loan book: what the portfolio reads instead of every loan).',
    fields: (t) => ({
      loans: t.exposeInt('loans', { description: 'Loans this call went through (at most 40).' }),
      rows: t.exposeInt('rows', { description: 'Of them, the loans in the book now: approved and not yet disbursed, or active.' }),
      changed: t.exposeInt('changed', { description: 'Rows this call wrote or removed (0: the book already held what these loans say).' }),
      complete: t.exposeBoolean('complete', { description: 'True when every loan has been gone through and the book is complete; false: call again, it goes on from where it stopped.' }),
    }),
  });
}

/** The portfolio report, the allowance provision, the loan book's rebuild and the member statement. */
export function registerReportTypes(b: Builder, e: Enums, loans: LoanRefs, savings: SavingsRefs) {
  return { Portfolio: portfolioType(b, e, loans.Loan), Provision: provisionType(b), LoanBookRebuild: loanBookRebuildType(b), MemberStatement: memberStatementType(b, loans.Loan, savings) };
}
