import { ForbiddenError, decodeId, z } from '@kkmp/plugin-sdk';
import type { Ctx } from '../context';
import { loanSchema, savingsAccountSchema, timeDepositSchema } from '../items';
import { loanOf, loansOfMember, view } from '../loans/store';
import type { LoanView } from '../loans/view';
import { accountOf } from '../savings/store';
import { loansOn } from './loan-reads';
import { id, optionalDate } from './inputs';
import { accountView, type AccountView } from './savings';
import { periodOf, savingsStatementArgs, statementOf, type SavingsStatement } from './savings-statements';
import type { DepositView } from './time-deposits';

/**
 * A member's own savings accounts, statements, time deposits and loans: the member the caller's sign-in
 * names (a MEMBER; staff who are members too), never anyone else's. The member's id comes from the token,
 * so the core member record (which a member may not list) is never read.
 */

export const MINE = 'simpanpinjam:mine';

/** The caller's own member id; FORBIDDEN when the sign-in names no member. */
export function ownMemberId(u: Pick<Ctx, 'principal'>): string {
  const memberId = u.principal.memberId;
  if (!memberId) {
    throw new ForbiddenError(MINE, {
      en: "your sign-in names no member: these are a member's own savings and loans",
      id: 'akun Anda tidak terhubung dengan anggota: ini simpanan dan pinjaman milik anggota sendiri',
    });
  }
  return memberId;
}

/** A record of another member is refused (FORBIDDEN), whoever asks. */
export function checkOwn(own: string, owner: string) {
  if (own !== owner) {
    throw new ForbiddenError(MINE, {
      en: 'a member sees only its own savings, time deposits and loans',
      id: 'anggota hanya dapat melihat simpanan, simpanan berjangka, dan pinjamannya sendiri',
    });
  }
}

export async function mySavings(u: Ctx): Promise<AccountView[]> {
  const accounts = await u.store.all(savingsAccountSchema, ['SACCT', ownMemberId(u)]);
  return Promise.all(accounts.map((a) => accountView(u, a)));
}

export const mySavingsStatementArgs = savingsStatementArgs;

export async function mySavingsStatement(u: Ctx, args: z.output<typeof mySavingsStatementArgs>): Promise<SavingsStatement> {
  const own = ownMemberId(u);
  // The account id carries its member: another member's is refused before anything is read.
  const [owner] = decodeId(args.accountId, 'SimpanpinjamSavingsAccount', 'accountId', 2) as [string, string];
  checkOwn(own, owner);
  const account = await accountOf(u, args.accountId, 'accountId');
  const { from, to } = periodOf(args, u.today());
  return statementOf(u, account, from, to);
}

export async function myTimeDeposits(u: Ctx): Promise<DepositView[]> {
  const deposits = await u.store.all(timeDepositSchema, ['TDEP', ownMemberId(u)]);
  return deposits.map((d) => ({ ...d, coopId: u.cooperative.id }));
}

export const myLoansArgs = z.object({ asOf: optionalDate });

/** The member's loans that existed on the date, as they stood then. */
export async function myLoans(u: Ctx, args: z.output<typeof myLoansArgs>): Promise<LoanView[]> {
  const own = ownMemberId(u);
  const asOf = args.asOf ?? u.today();
  return loansOn(await loansOfMember(u, own), asOf).map((l) => view(u, l, asOf));
}

export const myLoanArgs = z.object({ id, asOf: optionalDate });

export async function myLoan(u: Ctx, args: z.output<typeof myLoanArgs>): Promise<LoanView> {
  const own = ownMemberId(u);
  const loan = await loanOf(u, args.id, 'id');
  checkOwn(own, loan.memberId);
  return view(u, loan, args.asOf ?? u.today());
}
