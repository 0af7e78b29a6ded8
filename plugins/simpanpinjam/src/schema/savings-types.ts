import { encodeId, type Builder, type CoreRefs } from '@kkmp/plugin-sdk';
import type { Product, SavingsAccount, SavingsTxn, TimeDeposit } from '../items';
import type { InterestRun } from '../services/savings-interest';
import type { SavingsStatement } from '../services/savings-statements';
import type { Enums } from './enums';
import { accountId, depositId, productId } from './ids';

function savingsProductType(b: Builder, e: Enums) {
  return b.objectRef<Product>('SimpanpinjamSavingsProduct').implement({
    description: 'A savings product: withdrawable savings or a time deposit, with its interest rate (at most the cap in the settings).',
    fields: (t) => ({
      id: t.id({ description: 'Product id (opaque).', resolve: productId }),
      name: t.exposeString('name', { description: 'Name shown to members, e.g. "Simpanan Sukarela".' }),
      kind: t.field({ type: e.SavingsKind, description: 'Withdrawable savings or time deposit.', resolve: (p) => p.kind as 'SAVINGS' | 'TIME_DEPOSIT' }),
      annualRateBp: t.exposeInt('annualRateBp', { description: 'Interest, basis points per year (600 = 6%).' }),
      balanceMethod: t.field({ type: e.BalanceMethod, nullable: true, description: 'Savings: balance the monthly interest is computed on.', resolve: (p) => p.balanceMethod ?? null }),
      minBalance: t.field({ type: 'Rupiah', description: 'Savings: balance that must stay in the account. Time deposit: smallest amount.', resolve: (p) => p.minBalance ?? 0 }),
      termMonths: t.int({ nullable: true, description: 'Time deposit: term in months.', resolve: (p) => p.termMonths ?? null }),
      earlyWithdrawal: t.field({ type: e.EarlyWithdrawal, nullable: true, description: 'Time deposit: rule for withdrawing before maturity.', resolve: (p) => p.earlyWithdrawal ?? null }),
      earlyPenaltyBp: t.int({ nullable: true, description: 'Time deposit: penalty for early withdrawal, basis points of the principal.', resolve: (p) => p.earlyPenaltyBp ?? null }),
      active: t.exposeBoolean('active', { description: 'Open to new accounts.' }),
    }),
  });
}

function transactionType(b: Builder) {
  return b.objectRef<SavingsTxn & { balance: number }>('SimpanpinjamSavingsTransaction').implement({
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
}

function accountType(b: Builder, core: CoreRefs) {
  return b.objectRef<SavingsAccount & { coopId: string; productName: string }>('SimpanpinjamSavingsAccount').implement({
    description: "A member's withdrawable savings account (rekening simpanan sukarela).",
    fields: (t) => ({
      id: t.id({ description: 'Account id (opaque).', resolve: accountId }),
      memberId: t.id({ description: 'The member (a Member id; the `member` field links it).', resolve: (a) => encodeId('Member', a.coopId, a.memberId) }),
      member: t.field({ type: core.MemberRef, nullable: true, description: 'The member; an error on this field alone for a caller who may not read members.', resolve: (a, _x, ctx) => core.member(ctx, a.coopId, a.memberId) }),
      productName: t.exposeString('productName', { description: 'Savings product.' }),
      balance: t.expose('balance', { type: 'Rupiah', description: 'Balance now; never negative, never below the product minimum through withdrawals.' }),
      openedOn: t.expose('openedOn', { type: 'Date', description: 'Day opened.' }),
      lastInterestMonth: t.string({ nullable: true, description: 'Last month (YYYY-MM) whose interest was credited.', resolve: (a) => a.lastInterestMonth ?? null }),
    }),
  });
}

function statementType(b: Builder, account: ReturnType<typeof accountType>, txn: ReturnType<typeof transactionType>) {
  return b.objectRef<SavingsStatement>('SimpanpinjamSavingsStatement').implement({
    description: 'Statement of a savings account for a period (rekening koran).',
    fields: (t) => ({
      account: t.field({ type: account, description: 'The account.', resolve: (s) => ({ ...s.account, coopId: s.coopId }) }),
      from: t.expose('from', { type: 'Date', description: 'First day.' }),
      to: t.expose('to', { type: 'Date', description: 'Last day.' }),
      opening: t.expose('opening', { type: 'Rupiah', description: 'Balance at the start of the first day.' }),
      closing: t.expose('closing', { type: 'Rupiah', description: 'Balance at the end of the last day.' }),
      lines: t.field({ type: [txn], description: 'Movements in date order.', resolve: (s) => s.lines }),
    }),
  });
}

function timeDepositType(b: Builder, e: Enums, core: CoreRefs) {
  return b.objectRef<TimeDeposit & { coopId: string }>('SimpanpinjamTimeDeposit').implement({
    description: 'A time deposit (simpanan berjangka): fixed amount and term, interest paid at maturity.',
    fields: (t) => ({
      id: t.id({ description: 'Deposit id (opaque).', resolve: depositId }),
      memberId: t.id({ description: 'The member (a Member id; the `member` field links it).', resolve: (d) => encodeId('Member', d.coopId, d.memberId) }),
      member: t.field({ type: core.MemberRef, nullable: true, description: 'The member; an error on this field alone for a caller who may not read members.', resolve: (d, _x, ctx) => core.member(ctx, d.coopId, d.memberId) }),
      principal: t.expose('principal', { type: 'Rupiah', description: 'Amount deposited.' }),
      annualRateBp: t.exposeInt('annualRateBp', { description: 'Interest, basis points per year, fixed when opened.' }),
      termMonths: t.exposeInt('termMonths', { description: 'Term, months.' }),
      openedOn: t.expose('openedOn', { type: 'Date', description: 'Day opened.' }),
      maturityDate: t.expose('maturityDate', { type: 'Date', description: 'Day it matures (jatuh tempo).' }),
      earlyWithdrawal: t.field({ type: e.EarlyWithdrawal, description: 'Rule before maturity.', resolve: (d) => d.earlyWithdrawal }),
      status: t.exposeString('status', { description: 'OPEN or WITHDRAWN.' }),
      withdrawnOn: t.field({ type: 'Date', nullable: true, description: 'Day withdrawn.', resolve: (d) => d.withdrawnOn ?? null }),
      interestPaid: t.field({ type: 'Rupiah', nullable: true, description: 'Interest paid out on withdrawal.', resolve: (d) => d.interestPaid ?? null }),
      penaltyCharged: t.field({ type: 'Rupiah', nullable: true, description: 'Early-withdrawal penalty deducted.', resolve: (d) => d.penaltyCharged ?? null }),
    }),
  });
}

function interestRunType(b: Builder) {
  return b.objectRef<InterestRun>('SimpanpinjamInterestRun').implement({
    description: 'Result of one call of simpanpinjamPostSavingsInterest.',
    fields: (t) => ({
      month: t.exposeString('month', { description: 'The month (YYYY-MM).' }),
      accountsCredited: t.exposeInt('accountsCredited', { description: 'Accounts handled by this call (interest may be 0 for some).' }),
      interestTotal: t.expose('interestTotal', { type: 'Rupiah', description: 'Interest credited by this call.' }),
      remaining: t.exposeInt('remaining', { description: 'Accounts still to handle for the month: call again until 0.' }),
    }),
  });
}

/** Savings products, accounts, statements, time deposits and interest runs. */
export function registerSavingsTypes(b: Builder, e: Enums, core: CoreRefs) {
  const Txn = transactionType(b);
  const SavingsAccount = accountType(b, core);
  return {
    SavingsProduct: savingsProductType(b, e),
    Txn,
    SavingsAccount,
    Statement: statementType(b, SavingsAccount, Txn),
    TimeDeposit: timeDepositType(b, e, core),
    InterestRun: interestRunType(b),
  };
}

export type SavingsRefs = ReturnType<typeof registerSavingsTypes>;
