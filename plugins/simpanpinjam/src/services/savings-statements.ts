import { ValidationError, z } from '@kkmp/plugin-sdk';
import type { Ctx } from '../context';
import { monthStart } from '../dates';
import { savingsProductSchema, type SavingsAccount, type SavingsTxn } from '../items';
import { accountOf, movementsSince } from '../savings/store';
import { id, optionalDate } from './inputs';

/** Statement of a savings account for a period (rekening koran). */
export interface SavingsStatement {
  coopId: string;
  account: SavingsAccount & { productName: string };
  from: string;
  to: string;
  opening: number;
  closing: number;
  lines: (SavingsTxn & { balance: number })[];
}

/** A period: to defaults to today, from to the first day of to's month; from may not come after to. */
export function periodOf(args: { from?: string | null; to?: string | null }, today: string): { from: string; to: string } {
  const to = args.to ?? today;
  const from = args.from ?? monthStart(to.slice(0, 7));
  if (from > to) throw ValidationError.field('to', 'must not be before from', 'tidak boleh sebelum tanggal awal');
  return { from, to };
}

/** Opening balance worked back from today's, then every movement of the period with its running balance. */
export async function statementOf(u: Ctx, a: SavingsAccount, from: string, to: string): Promise<SavingsStatement> {
  // The product's name by key alongside the movements, not after them.
  const [since, p] = await Promise.all([movementsSince(u, a.id, from), u.store.get(savingsProductSchema, 'PRODUCT', a.productId)]);
  const opening = a.balance - since.reduce((s, m) => s + m.amount, 0);
  let balance = opening;
  const lines = since
    .filter((m) => m.date <= to)
    .map((m) => {
      balance += m.amount;
      return { ...m, balance };
    });
  return { coopId: u.cooperative.id, account: { ...a, productName: p?.name ?? '' }, from, to, opening, closing: balance, lines };
}

export const savingsStatementArgs = z.object({ accountId: id, from: optionalDate, to: optionalDate });

export async function savingsStatement(u: Ctx, args: z.output<typeof savingsStatementArgs>): Promise<SavingsStatement> {
  const account = await accountOf(u, args.accountId, 'accountId');
  const { from, to } = periodOf(args, u.today());
  return statementOf(u, account, from, to);
}
