import { InvalidStateError, ValidationError, msg, z } from '@kkmp/plugin-sdk';
import { ACCOUNTS } from '../accounts';
import type { MCtx } from '../context';
import { isMonth, monthEnd, monthStart } from '../dates';
import { savingsAccountSchema, savingsProductSchema, type Product, type SavingsAccount, type SavingsTxn } from '../items';
import { dailyBalances, monthlyInterest } from '../savings/interest';
import { movementsSince } from '../savings/store';

/** Accounts credited per interest-posting call: two writes each keeps the transaction under 100 actions. */
export const INTEREST_BATCH = 40;

const ENDED_MONTH = ['must be a month that has ended, YYYY-MM', 'harus bulan yang sudah berakhir, TTTT-BB'] as const;

export const postSavingsInterestInput = z.object({ month: z.string().refine(isMonth, msg(...ENDED_MONTH)) });

export interface InterestRun {
  month: string;
  accountsCredited: number;
  interestTotal: number;
  remaining: number;
}

/**
 * Credits one account's interest for the month, on its product's balance method at the product rate
 * capped by the settings, dated the month's last day; marks the month done even at zero interest.
 */
async function creditInterest(u: MCtx, a: SavingsAccount, product: Product, month: string): Promise<number> {
  const last = monthEnd(month);
  const rate = Math.min(product.annualRateBp, u.settings.maxSavingsRateBp);
  const moves = await movementsSince(u, a.id, monthStart(month));
  const { interest } = monthlyInterest(product.balanceMethod ?? 'MINIMUM', dailyBalances(month, a.balance, moves), rate);
  // The balance and movements read above must still be all there is: any movement since bumps txnCount and re-runs this.
  const condition = { expression: 'txnCount = :n AND (attribute_not_exists(lastInterestMonth) OR lastInterestMonth < :m)', values: { ':n': a.txnCount, ':m': month } };
  if (interest > 0) {
    u.writes.update(['SACCT', a.memberId, a.id], { expression: 'ADD balance :i, txnCount :one SET lastInterestMonth = :m', values: { ':i': interest, ':one': 1, ':m': month } }, condition);
    const txn: SavingsTxn = { id: u.newId(), accountId: a.id, date: last, kind: 'INTEREST', amount: interest, at: u.now().toISOString(), by: u.principal.userId, memo: `Bunga ${month}` };
    u.writes.create(['STXN', a.id, last, txn.id], txn);
  } else {
    u.writes.update(['SACCT', a.memberId, a.id], { expression: 'SET lastInterestMonth = :m', values: { ':m': month } }, condition);
  }
  return interest;
}

/** A month's interest to the next batch of accounts not yet credited for it; call again until none remain. */
export async function postSavingsInterest(u: MCtx, input: z.output<typeof postSavingsInterestInput>): Promise<InterestRun> {
  const month = input.month;
  if (month >= u.today().slice(0, 7)) throw ValidationError.field('input.month', ...ENDED_MONTH);
  const last = monthEnd(month);
  const products = new Map((await u.store.all(savingsProductSchema, ['PRODUCT'])).map((p) => [p.id, p]));
  const todo = (await u.store.all(savingsAccountSchema, ['SACCT'])).filter((a) => a.openedOn <= last && (!a.lastInterestMonth || a.lastInterestMonth < month));
  if (todo.length === 0) throw new InvalidStateError(`interest for ${month} is already posted to every account`, `bunga ${month} sudah dibukukan ke semua rekening`);
  const batch = todo.slice(0, INTEREST_BATCH);
  let interestTotal = 0;
  for (const a of batch) interestTotal += await creditInterest(u, a, products.get(a.productId)!, month);
  if (interestTotal > 0) {
    await u.post({
      date: last,
      memo: `Bunga simpanan sukarela ${month}`,
      documentId: `INTEREST-${month}`,
      lines: [{ account: ACCOUNTS.savingsInterest, debit: interestTotal }, { account: ACCOUNTS.savings, credit: interestTotal }],
    });
  }
  return { month, accountsCredited: batch.length, interestTotal, remaining: todo.length - batch.length };
}
