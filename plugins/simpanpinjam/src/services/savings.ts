import { BusinessRuleError, cond, update, z, type UnitJournalEntry } from '@kkmp/plugin-sdk';
import { ACCOUNTS } from '../accounts';
import { memberOf, notBefore, type Ctx, type MCtx, eventDay } from '../context';
import { savingsAccountSchema, savingsProductSchema, type SavingsAccount, type SavingsTxn } from '../items';
import { rp, rpEn } from '../math';
import { accountOf, movementsSince, productOf } from '../savings/store';
import { id, positiveAmount } from './inputs';

/** Withdrawable savings (simpanan sukarela): accounts, deposits and withdrawals. */

export type AccountView = SavingsAccount & { coopId: string; productName: string };

export const openSavingsAccountInput = z.object({ memberId: id, productId: id });

export async function openSavingsAccount(u: MCtx, input: z.output<typeof openSavingsAccountInput>): Promise<AccountView> {
  const member = await memberOf(u, input.memberId, 'input.memberId');
  const product = await productOf(u, input.productId, 'input.productId', ['SAVINGS']);
  const account: SavingsAccount = { id: u.newId(), memberId: member.id, productId: product.id, openedOn: eventDay(u), openedBy: u.principal.userId, balance: 0, txnCount: 0 };
  u.writes.create(['SACCT', member.id, account.id], account);
  return { ...account, coopId: u.cooperative.id, productName: product.name };
}

export async function accountView(u: Ctx, a: SavingsAccount): Promise<AccountView> {
  const p = await u.store.get(savingsProductSchema, 'PRODUCT', a.productId);
  return { ...a, coopId: u.cooperative.id, productName: p?.name ?? '' };
}

export const savingsAccountsArgs = z.object({ memberId: id.nullish() });

export async function savingsAccounts(u: Ctx, args: z.output<typeof savingsAccountsArgs>): Promise<AccountView[]> {
  const member = args.memberId ? await memberOf(u, args.memberId, 'memberId', false) : undefined;
  const accounts = await u.store.all(savingsAccountSchema, member ? ['SACCT', member.id] : ['SACCT']);
  return Promise.all(accounts.map((a) => accountView(u, a)));
}

export const movementInput = z.object({ accountId: id, amount: positiveAmount });
export type MovementInput = z.output<typeof movementInput>;
export type MovementKind = 'deposit' | 'withdraw';

/** The typed error of a withdrawal whose guard failed at commit (another withdrawal took the money). */
export const withdrawalConflicts = {
  insufficient: () => new BusinessRuleError('INSUFFICIENT_BALANCE', 'the balance is too low for this withdrawal', 'saldo tidak cukup untuk penarikan ini', { field: 'input.amount' }),
};

/** A withdrawal never takes the balance below the product's minimum (or zero). */
export function checkWithdrawal(balance: number, amount: number, minBalance: number) {
  if (balance - amount >= minBalance) return;
  const available = Math.max(0, balance - minBalance);
  throw new BusinessRuleError('INSUFFICIENT_BALANCE', `only ${rpEn(available)} can be withdrawn (balance ${rpEn(balance)}, minimum ${rpEn(minBalance)})`, `hanya ${rp(available)} yang dapat ditarik (saldo ${rp(balance)}, saldo minimum ${rp(minBalance)})`, {
    field: 'input.amount',
    details: { balance, minBalance, available },
  });
}

/** Deposit: Dr cash, Cr 2120 simpanan sukarela. Withdrawal: the reverse. */
export function movementEntry(kind: MovementKind, txnId: string, amount: number, cashAccount: string): UnitJournalEntry {
  const cash = { account: cashAccount, ...(kind === 'deposit' ? { debit: amount } : { credit: amount }) };
  const savings = { account: ACCOUNTS.savings, ...(kind === 'deposit' ? { credit: amount } : { debit: amount }) };
  return { memo: `${kind === 'deposit' ? 'Setoran' : 'Penarikan'} simpanan sukarela`, documentId: txnId, lines: kind === 'deposit' ? [cash, savings] : [savings, cash] };
}

/**
 * The lowest end-of-day balance from `day` until now: a withdrawal dated back takes its amount off every
 * day since, so it must fit the lowest of them, not only today's balance.
 */
async function lowestBalanceSince(u: MCtx, account: SavingsAccount, day: string): Promise<number> {
  const later = await movementsSince(u, account.id, day);
  const endOf = (d: string) => later.reduce((balance, m) => (m.date > d ? balance - m.amount : balance), account.balance);
  return Math.min(...[day, ...later.map((m) => m.date)].map(endOf));
}

/** A deposit or a withdrawal in cash on the business date; the balance moves by an atomic ADD, never by a read-modify-write. */
export async function moveMoney(u: MCtx, kind: MovementKind, input: MovementInput): Promise<AccountView> {
  const account = await accountOf(u, input.accountId, 'input.accountId');
  notBefore(eventDay(u), account.openedOn, { en: "the account's opening", id: 'pembukaan rekening' });
  const product = await u.store.get(savingsProductSchema, 'PRODUCT', account.productId);
  const minBalance = product?.minBalance ?? 0;
  const signed = kind === 'deposit' ? input.amount : -input.amount;
  const backdated = eventDay(u) < u.today();
  if (kind === 'withdraw') checkWithdrawal(backdated ? await lowestBalanceSince(u, account, eventDay(u)) : account.balance, input.amount, minBalance);
  const change = update().add('balance', signed).add('txnCount', 1);
  if (kind === 'withdraw' && backdated) {
    // Checked against the movements read: any movement since re-runs it on the new ones.
    u.writes.update(['SACCT', account.memberId, account.id], change, cond.eq('txnCount', account.txnCount));
  } else if (kind === 'withdraw') {
    // The guard against overdrawing is this condition, evaluated by DynamoDB at commit: concurrent
    // withdrawals cannot all pass it. Conditions cannot add, so the minimum is added here.
    u.writes.update(['SACCT', account.memberId, account.id], change, cond.ge('balance', input.amount + minBalance), 'insufficient');
  } else {
    u.writes.update(['SACCT', account.memberId, account.id], change, cond.exists('balance'));
  }
  const txn: SavingsTxn = { id: u.newId(), accountId: account.id, date: eventDay(u), kind: kind === 'deposit' ? 'DEPOSIT' : 'WITHDRAWAL', amount: signed, at: u.now().toISOString(), by: u.principal.userId };
  u.writes.create(['STXN', account.id, txn.date, txn.id], txn);
  await u.post(movementEntry(kind, txn.id, input.amount, u.settings.cashAccount));
  // The balance here is what this request saw plus its own movement; concurrent ones may have moved it since.
  return { ...account, balance: account.balance + signed, txnCount: account.txnCount + 1, coopId: u.cooperative.id, productName: product?.name ?? '' };
}
