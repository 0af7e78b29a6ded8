import { z, type UnitJournalEntry } from '@kkmp/plugin-sdk';
import { ACCOUNTS } from '../accounts';
import { CLASSES, problemLoanRisk, type CollectibilityClass, type RiskWeights } from '../collectibility';
import { memberOf, type Ctx, type MCtx } from '../context';
import { allowanceSchema, loanSchema, savingsAccountSchema, timeDepositSchema, type Loan } from '../items';
import { readBook, rowDaysPastDue, type Book, type BookRow } from '../loans/book';
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

type Tally = Record<CollectibilityClass, ClassRow>;
const emptyTally = () => Object.fromEntries(CLASSES.map((c) => [c, { cls: c, count: 0, outstanding: 0 }])) as Tally;

/** Adds the loans outstanding on the date (as views on it) to the tally; returns their count and those in arrears. */
function tallyLoans(by: Tally, views: LoanView[], asOf: string): { count: number; arrears: ArrearsRow[] } {
  const arrears: ArrearsRow[] = [];
  const outstandingLoans = views.filter((v) => outstandingOn(v.loan, asOf));
  for (const v of outstandingLoans) {
    const p = positionOf(v.loan, asOf)!;
    const { cls, daysPastDue } = collectibilityOf(v);
    by[cls].count += 1;
    by[cls].outstanding += p.principalOutstanding;
    if (daysPastDue > 0) arrears.push({ loan: v, daysPastDue, cls, overdue: p.due.total, outstanding: p.principalOutstanding });
  }
  return { count: outstandingLoans.length, arrears };
}

function summarise(by: Tally, loanCount: number, arrears: ArrearsRow[], asOf: string, weights: RiskWeights, allowance: number): Portfolio {
  const outstanding = CLASSES.reduce((s, c) => s + by[c].outstanding, 0);
  const problemLoans = by.KURANG_LANCAR.outstanding + by.DIRAGUKAN.outstanding + by.MACET.outstanding;
  const amounts = Object.fromEntries(CLASSES.map((c) => [c, by[c].outstanding])) as Record<CollectibilityClass, number>;
  return {
    asOf,
    classes: CLASSES.map((c) => by[c]),
    loanCount,
    outstanding,
    problemLoans,
    problemLoanRisk: problemLoanRisk(amounts, weights),
    problemLoanRatioBp: outstanding ? mulDivFloor(problemLoans, 10_000, outstanding) : 0,
    allowance,
    // A stable sort: ties keep the loans' order (by id, as they are stored).
    arrears: arrears.sort((a, b) => b.daysPastDue - a.daysPastDue),
  };
}

/** The portfolio on a date from the loans (as views on that date), the risk weights and the allowance held. */
export function portfolioOf(views: LoanView[], asOf: string, weights: RiskWeights, allowance: number): Portfolio {
  const by = emptyTally();
  const { count, arrears } = tallyLoans(by, views, asOf);
  return summarise(by, count, arrears, asOf, weights, allowance);
}

/** Ids of the book's active loans past due on the date, sorted as the loans are stored: the loans to read. */
export const arrearsIdsOf = (rows: Map<string, BookRow>, asOf: string) =>
  [...rows].filter(([, row]) => row[1] === 'ACTIVE' && rowDaysPastDue(row, asOf) > 0).map(([id]) => id).sort();

/**
 * The portfolio from the loan book on a date on or after today: a loan whose first unpaid instalment is
 * not past due on the date is LANCAR with its row's outstanding; the loans in arrears (their overdue
 * amount, penalties included, depends on the date) come as views, read by key, and count from themselves.
 */
export function portfolioOfBook(rows: Map<string, BookRow>, arrearsViews: LoanView[], asOf: string, weights: RiskWeights, allowance: number): Portfolio {
  const late = new Set(arrearsIdsOf(rows, asOf));
  const current = [...rows].filter(([id, row]) => row[1] === 'ACTIVE' && !late.has(id));
  const by = emptyTally();
  const { count, arrears } = tallyLoans(by, arrearsViews, asOf);
  by.LANCAR.count += current.length;
  by.LANCAR.outstanding += current.reduce((s, [, row]) => s + row[2], 0);
  return summarise(by, count + current.length, arrears, asOf, weights, allowance);
}

async function portfolioFromBook(u: Ctx, book: Book, asOf: string, allowance: number): Promise<Portfolio> {
  const ids = arrearsIdsOf(book.rows, asOf);
  const late = ids.length ? await u.store.getMany(loanSchema, ids.map((id) => ['LOAN', id])) : [];
  const views = late.filter((l): l is Loan => l !== undefined).map((l) => view(u, l, asOf));
  return portfolioOfBook(book.rows, views, asOf, u.settings.riskWeights, allowance);
}

/** The allowance in the books at the end of a date: a credit balance on an asset account, shown positive. */
export const allowanceOn = async (u: Ctx, asOf: string) => 0 - (await u.books.balance(ACCOUNTS.allowance, asOf));

/**
 * The portfolio on a date. On or after today (every loan event is dated today or earlier) with a complete
 * loan book: from the book, the same answer without reading every loan; otherwise from every loan.
 */
export async function portfolio(u: Ctx, asOf: string): Promise<Portfolio> {
  const everyLoan = (allowance: number, loans: Loan[]) => portfolioOf(loans.map((l) => view(u, l, asOf)), asOf, u.settings.riskWeights, allowance);
  if (asOf < u.today()) {
    const [loans, allowance] = await Promise.all([u.store.all(loanSchema, ['LOAN']), allowanceOn(u, asOf)]);
    return everyLoan(allowance, loans);
  }
  const [book, allowance] = await Promise.all([readBook(u), allowanceOn(u, asOf)]);
  return book.complete ? portfolioFromBook(u, book, asOf, allowance) : everyLoan(allowance, await u.store.all(loanSchema, ['LOAN']));
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
