import { BusinessRuleError, InvalidStateError, NotFoundError, decodeId, z, type UnitJournalEntry } from '@kkmp/plugin-sdk';
import { ACCOUNTS } from '../accounts';
import { memberOf, notBefore, type Ctx, type MCtx, eventDay } from '../context';
import { addMonths, daysBetween } from '../dates';
import { timeDepositSchema, type Product, type TimeDeposit } from '../items';
import { mulDivFloor, rp, rpEn } from '../math';
import type { SimpanpinjamSettings } from '../settings';
import { productOf } from '../savings/store';
import { id, positiveAmount } from './inputs';

/** Time deposits (simpanan berjangka): a fixed amount for a term, interest at maturity. */

export type DepositView = TimeDeposit & { coopId: string };

/** Interest of a deposit held to maturity: principal × rate × days / 365, rounded down. */
export const maturityInterest = (d: TimeDeposit) => mulDivFloor(d.principal, d.annualRateBp * daysBetween(d.openedOn, d.maturityDate), 3_650_000);

export const openTimeDepositInput = z.object({ memberId: id, productId: id, amount: positiveAmount });
export type OpenTimeDepositInput = z.output<typeof openTimeDepositInput>;

/** A new deposit of the product opened today: its rate (capped by the settings) is fixed until maturity. */
export function newDeposit(a: { id: string; memberId: string; product: Product; amount: number; today: string; settings: Pick<SimpanpinjamSettings, 'maxSavingsRateBp'> }): TimeDeposit {
  const { product } = a;
  if (a.amount < (product.minBalance ?? 0)) {
    throw new BusinessRuleError('BELOW_MINIMUM', `at least ${rpEn(product.minBalance ?? 0)} for this product`, `paling sedikit ${rp(product.minBalance ?? 0)} untuk produk ini`, { field: 'input.amount', details: { minimum: product.minBalance } });
  }
  return {
    id: a.id,
    memberId: a.memberId,
    productId: product.id,
    principal: a.amount,
    annualRateBp: Math.min(product.annualRateBp, a.settings.maxSavingsRateBp),
    termMonths: product.termMonths!,
    openedOn: a.today,
    maturityDate: addMonths(a.today, product.termMonths!),
    earlyWithdrawal: product.earlyWithdrawal ?? 'FORFEIT_INTEREST',
    earlyPenaltyBp: product.earlyPenaltyBp ?? 0,
    status: 'OPEN',
    version: 1,
  };
}

export async function openTimeDeposit(u: MCtx, input: OpenTimeDepositInput): Promise<DepositView> {
  const member = await memberOf(u, input.memberId, 'input.memberId');
  const product = await productOf(u, input.productId, 'input.productId', ['TIME_DEPOSIT']);
  const deposit = newDeposit({ id: u.newId(), memberId: member.id, product, amount: input.amount, today: eventDay(u), settings: u.settings });
  u.writes.create(['TDEP', member.id, deposit.id], deposit);
  await u.post({ memo: 'Simpanan berjangka', documentId: deposit.id, lines: [{ account: u.settings.cashAccount, debit: deposit.principal }, { account: ACCOUNTS.deposits, credit: deposit.principal }] });
  return { ...deposit, coopId: u.cooperative.id };
}

/**
 * Paying a deposit out today. At or after maturity: principal plus the term's interest (none after
 * maturity). Before: interest forfeited, and under PENALTY a penalty on the principal deducted.
 */
export function payout(d: TimeDeposit, today: string, cashAccount: string): { next: TimeDeposit; entry: UnitJournalEntry } {
  if (d.status !== 'OPEN') throw new InvalidStateError('this time deposit was already paid out', 'simpanan berjangka ini sudah dicairkan');
  notBefore(today, d.openedOn, { en: "the deposit's opening", id: 'pembukaan simpanan berjangka' });
  const early = today < d.maturityDate;
  const interest = early ? 0 : maturityInterest(d);
  const penalty = early && d.earlyWithdrawal === 'PENALTY' ? mulDivFloor(d.principal, d.earlyPenaltyBp, 10_000) : 0;
  const next: TimeDeposit = { ...d, status: 'WITHDRAWN', withdrawnOn: today, interestPaid: interest, penaltyCharged: penalty, version: d.version + 1 };
  const lines = [
    { account: ACCOUNTS.deposits, debit: d.principal },
    ...(interest ? [{ account: ACCOUNTS.savingsInterest, debit: interest }] : []),
    { account: cashAccount, credit: d.principal + interest - penalty },
    ...(penalty ? [{ account: ACCOUNTS.penaltyIncome, credit: penalty }] : []),
  ];
  return { next, entry: { memo: early ? 'Pencairan simpanan berjangka sebelum jatuh tempo' : 'Pencairan simpanan berjangka', documentId: d.id, lines } };
}

export const withdrawTimeDepositInput = z.object({ depositId: id });

export async function withdrawTimeDeposit(u: MCtx, input: z.output<typeof withdrawTimeDepositInput>): Promise<DepositView> {
  const [memberId, raw] = decodeId(input.depositId, 'SimpanpinjamTimeDeposit', 'input.depositId', 2) as [string, string];
  const d = await u.store.get(timeDepositSchema, 'TDEP', memberId, raw);
  if (!d) throw new NotFoundError('SimpanpinjamTimeDeposit', input.depositId, 'input.depositId');
  const { next, entry } = payout(d, eventDay(u), u.settings.cashAccount);
  u.writes.replace(['TDEP', memberId, raw], next, d.version);
  await u.post(entry);
  return { ...next, coopId: u.cooperative.id };
}

export const timeDepositsArgs = z.object({ memberId: id.nullish() });

export async function timeDeposits(u: Ctx, args: z.output<typeof timeDepositsArgs>): Promise<DepositView[]> {
  const member = args.memberId ? await memberOf(u, args.memberId, 'memberId', false) : undefined;
  const all = await u.store.all(timeDepositSchema, member ? ['TDEP', member.id] : ['TDEP']);
  return all.map((d) => ({ ...d, coopId: u.cooperative.id }));
}
