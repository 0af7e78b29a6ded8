import { z, type UnitJournalEntry } from '@kkmp/plugin-sdk';
import { ACCOUNTS } from '../accounts';
import { CLASSES, problemLoanRisk, type CollectibilityClass, type RiskWeights } from '../collectibility';
import { memberOf, type Ctx, type MCtx } from '../context';
import { allowanceSchema, loanSchema, savingsAccountSchema, timeDepositSchema, type Loan } from '../items';
import { loansOfMember, view } from '../loans/store';
import { collectibilityOf, outstandingOn, positionOf, type LoanView } from '../loans/view';
import { mulDivFloor } from '../math';
import { id, optionalDate } from './inputs';
import { loansOn } from './loan-reads';
import { periodOf, statementOf, type SavingsStatement } from './savings-statements';
import type { DepositView } from './time-deposits';

/** Reports on the loan portfolio and on one member, and the allowance for loan losses they call for. */

export interface ClassRow {
  cls: CollectibilityClass;
  count: number;
  outstanding: number;
}
export interface ArrearsRow {
  loan: LoanView;
  daysPastDue: number;
  cls: CollectibilityClass;
  overdue: number;
  outstanding: number;
}
export interface Portfolio {
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

/** The portfolio on a date from the loans (as views on that date), the risk weights and the allowance held. */
export function portfolioOf(views: LoanView[], asOf: string, weights: RiskWeights, allowance: number): Portfolio {
  const by = Object.fromEntries(CLASSES.map((c) => [c, { cls: c, count: 0, outstanding: 0 }])) as Record<CollectibilityClass, ClassRow>;
  const arrears: ArrearsRow[] = [];
  const outstandingLoans = views.filter((v) => outstandingOn(v.loan, asOf));
  for (const v of outstandingLoans) {
    const p = positionOf(v.loan, asOf)!;
    const { cls, daysPastDue } = collectibilityOf(v);
    by[cls].count += 1;
    by[cls].outstanding += p.principalOutstanding;
    if (daysPastDue > 0) arrears.push({ loan: v, daysPastDue, cls, overdue: p.due.total, outstanding: p.principalOutstanding });
  }
  const outstanding = CLASSES.reduce((s, c) => s + by[c].outstanding, 0);
  const problemLoans = by.KURANG_LANCAR.outstanding + by.DIRAGUKAN.outstanding + by.MACET.outstanding;
  const amounts = Object.fromEntries(CLASSES.map((c) => [c, by[c].outstanding])) as Record<CollectibilityClass, number>;
  return {
    asOf,
    classes: CLASSES.map((c) => by[c]),
    loanCount: outstandingLoans.length,
    outstanding,
    problemLoans,
    problemLoanRisk: problemLoanRisk(amounts, weights),
    problemLoanRatioBp: outstanding ? mulDivFloor(problemLoans, 10_000, outstanding) : 0,
    allowance,
    arrears: arrears.sort((a, b) => b.daysPastDue - a.daysPastDue),
  };
}

/** The allowance in the books at the end of a date: a credit balance on an asset account, shown positive. */
export const allowanceOn = async (u: Ctx, asOf: string) => 0 - (await u.books.balance(ACCOUNTS.allowance, asOf));

export async function portfolio(u: Ctx, asOf: string): Promise<Portfolio> {
  const [loans, allowance] = await Promise.all([u.store.all(loanSchema, ['LOAN']), allowanceOn(u, asOf)]);
  return portfolioOf(loans.map((l: Loan) => view(u, l, asOf)), asOf, u.settings.riskWeights, allowance);
}

export const portfolioArgs = z.object({ asOf: optionalDate });

export interface Provision {
  required: number;
  before: number;
  posted: number;
}

/** Dr allowance expense, Cr allowance for an increase; the reverse for a release. */
export function provisionEntry(delta: number, today: string): UnitJournalEntry {
  const up = delta > 0;
  return {
    memo: up ? 'Penyisihan penghapusan pinjaman' : 'Pemulihan penyisihan penghapusan pinjaman',
    documentId: `ALLOWANCE-${today}`,
    lines: up
      ? [{ account: ACCOUNTS.allowanceExpense, debit: delta }, { account: ACCOUNTS.allowance, credit: delta }]
      : [{ account: ACCOUNTS.allowance, debit: -delta }, { account: ACCOUNTS.allowanceExpense, credit: -delta }],
  };
}

/** Brings the allowance for loan losses to today's problem-loan risk. */
export async function provisionAllowance(u: MCtx): Promise<Provision> {
  const today = u.businessDate;
  const { problemLoanRisk: required } = await portfolio(u, today);
  const current = await u.store.get(allowanceSchema, 'ALLOWANCE');
  const before = current?.balance ?? 0;
  const delta = required - before;
  if (delta !== 0) {
    const item = { balance: required, updatedOn: today };
    if (current) u.writes.replace(['ALLOWANCE'], { ...item, version: current.version + 1 }, current.version);
    else u.writes.create(['ALLOWANCE'], { ...item, version: 1 });
    await u.post(provisionEntry(delta, today));
  }
  return { required, before, posted: delta };
}

export interface MemberStatement {
  from: string;
  to: string;
  savings: SavingsStatement[];
  deposits: DepositView[];
  loans: LoanView[];
}

export const memberStatementArgs = z.object({ memberId: id, from: optionalDate, to: optionalDate });

/** A member's savings accounts for the period, time deposits, and the loans that existed on the period's last day, as of then. */
export async function memberStatement(u: Ctx, args: z.output<typeof memberStatementArgs>): Promise<MemberStatement> {
  const member = await memberOf(u, args.memberId, 'memberId', false);
  const { from, to } = periodOf(args, u.today());
  // Three independent chains, each started at once: the savings statements, the time deposits, the loans by key.
  const [savings, deposits, loans] = await Promise.all([
    u.store.all(savingsAccountSchema, ['SACCT', member.id]).then((accounts) => Promise.all(accounts.map((a) => statementOf(u, a, from, to)))),
    u.store.all(timeDepositSchema, ['TDEP', member.id]),
    loansOfMember(u, member.id),
  ]);
  return {
    from,
    to,
    savings,
    deposits: deposits.map((d) => ({ ...d, coopId: u.cooperative.id })),
    loans: loansOn(loans, to).map((l) => view(u, l, to)),
  };
}
