import { BusinessRuleError, InvalidStateError, ValidationError, cond, text, update, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { checkDate, memberOf, positiveAmount, type Ctx } from '../context';
import { isMonth, monthEnd, monthStart } from '../dates';
import { savingsAccountSchema, savingsProductSchema, savingsTxnSchema, type Product, type SavingsAccount, type SavingsTxn } from '../items';
import { dailyBalances, monthlyInterest } from '../savings/interest';
import { accountOf, movementsSince, productOf } from '../savings/store';
import type { SimpanpinjamSettings } from '../settings';
import type { Refs, SavingsStatement } from './types';
import type { Builder } from '@kkmp/plugin-sdk';

/** Accounts credited per interest-posting call: two writes each keeps the transaction under 100 actions. */
export const INTEREST_BATCH = 40;

const SAVINGS_LIABILITY = '2120';

const name = (value: string, field: string) => {
  const r = text(80).safeParse(value);
  if (!r.success) throw ValidationError.field(field, 'must be 1-80 characters', 'harus 1-80 karakter');
  return r.data;
};

export async function accountView(u: Ctx, a: SavingsAccount) {
  const p = await u.store.get(savingsProductSchema, 'PRODUCT', a.productId);
  return { ...a, coopId: u.cooperative.id, productName: p?.name ?? '' };
}

export async function statementOf(u: Ctx, a: SavingsAccount, from: string, to: string): Promise<SavingsStatement> {
  const since = await movementsSince(u, a.id, from);
  const opening = a.balance - since.reduce((s, m) => s + m.amount, 0);
  let balance = opening;
  const lines = since
    .filter((m) => m.date <= to)
    .map((m) => {
      balance += m.amount;
      return { ...m, balance };
    });
  const p = await u.store.get(savingsProductSchema, 'PRODUCT', a.productId);
  return { coopId: u.cooperative.id, account: { ...a, productName: p?.name ?? '' }, from, to, opening, closing: balance, lines };
}

export function registerSavings(b: Builder, unit: UnitSchemaKit<SimpanpinjamSettings>, r: Refs) {
  unit.mutation('createSavingsProduct', {
    type: r.SavingsProduct,
    description: 'Create a savings product: withdrawable savings or a time deposit. The rate may not exceed the cap in the settings (9% a year by default).',
    permission: 'simpanpinjam:manage',
    input: (t) => ({
      name: t.string({ description: 'Name shown to members, e.g. "Simpanan Sukarela".' }),
      kind: t.field({ type: r.SavingsKind, description: 'Withdrawable savings or time deposit.' }),
      annualRateBp: t.int({ description: 'Interest, basis points per year (600 = 6%).' }),
      balanceMethod: t.field({ type: r.BalanceMethod, required: false, description: 'Savings: balance monthly interest is computed on (default MINIMUM).' }),
      minBalance: t.field({ type: 'Rupiah', required: false, description: 'Savings: balance that must stay in the account; time deposit: smallest amount (default 0).' }),
      termMonths: t.int({ required: false, description: 'Time deposit: term in months (1-60), required for time deposits.' }),
      earlyWithdrawal: t.field({ type: r.EarlyWithdrawal, required: false, description: 'Time deposit: rule before maturity (default FORFEIT_INTEREST).' }),
      earlyPenaltyBp: t.int({ required: false, description: 'Time deposit: penalty for early withdrawal, basis points of the principal (with PENALTY).' }),
    }),
    resolve: async (input, u) => {
      const cap = u.settings.maxSavingsRateBp;
      if (!Number.isInteger(input.annualRateBp) || input.annualRateBp < 0 || input.annualRateBp > cap) {
        throw ValidationError.field('input.annualRateBp', `must be 0 to ${cap} basis points a year (the cap in the settings)`, `harus 0 sampai ${cap} basis poin per tahun (batas di pengaturan)`);
      }
      const minBalance = input.minBalance ?? 0;
      if (!Number.isSafeInteger(minBalance) || minBalance < 0) throw ValidationError.field('input.minBalance', 'must not be negative', 'tidak boleh negatif');
      const deposit = input.kind === 'TIME_DEPOSIT';
      if (deposit && (input.termMonths == null || input.termMonths < 1 || input.termMonths > 60)) {
        throw ValidationError.field('input.termMonths', 'a time deposit needs a term of 1 to 60 months', 'simpanan berjangka perlu jangka 1 sampai 60 bulan');
      }
      const penaltyBp = input.earlyPenaltyBp ?? 0;
      if (penaltyBp < 0 || penaltyBp > 10_000) throw ValidationError.field('input.earlyPenaltyBp', 'must be 0 to 10000 basis points', 'harus 0 sampai 10000 basis poin');
      const product: Product = {
        id: u.newId(),
        kind: input.kind,
        name: name(input.name, 'input.name'),
        active: true,
        createdAt: u.now().toISOString(),
        createdBy: u.principal.userId,
        annualRateBp: input.annualRateBp,
        minBalance,
        ...(deposit
          ? { termMonths: input.termMonths!, earlyWithdrawal: input.earlyWithdrawal ?? 'FORFEIT_INTEREST', earlyPenaltyBp: penaltyBp }
          : { balanceMethod: input.balanceMethod ?? 'MINIMUM' }),
      };
      u.writes.create(['PRODUCT', product.id], product);
      return product;
    },
  });

  unit.query('savingsProducts', {
    type: [r.SavingsProduct],
    description: 'Savings and time-deposit products, oldest first.',
    permission: 'simpanpinjam:read',
    resolve: async (_a, u) => (await u.store.all(savingsProductSchema, ['PRODUCT'])).filter((p) => p.kind !== 'LOAN'),
  });

  unit.mutation('openSavingsAccount', {
    type: r.SavingsAccount,
    description: 'Open a withdrawable savings account for an active member. Deposit into it with simpanpinjamDeposit.',
    permission: 'simpanpinjam:teller',
    input: (t) => ({
      memberId: t.id({ description: 'The member (a Member id).' }),
      productId: t.id({ description: 'A savings product (kind SAVINGS).' }),
    }),
    resolve: async (input, u) => {
      const member = await memberOf(u, input.memberId, 'input.memberId');
      const product = await productOf(u, input.productId, 'input.productId', ['SAVINGS']);
      const account: SavingsAccount = { id: u.newId(), memberId: member.id, productId: product.id, openedOn: u.today(), openedBy: u.principal.userId, balance: 0, txnCount: 0 };
      u.writes.create(['SACCT', member.id, account.id], account);
      return { ...account, coopId: u.cooperative.id, productName: product.name };
    },
  });

  const movement = (kind: 'deposit' | 'withdraw') =>
    unit.mutation(kind, {
      type: r.SavingsAccount,
      description:
        kind === 'deposit'
          ? 'Deposit cash into a savings account (setoran). Posts Dr cash, Cr 2120 simpanan sukarela.'
          : "Withdraw cash from a savings account (penarikan). Never takes the balance below the product's minimum (or zero), even under concurrent requests: refused with BusinessRuleError INSUFFICIENT_BALANCE. Posts Dr 2120, Cr cash.",
      permission: 'simpanpinjam:teller',
      input: (t) => ({
        accountId: t.id({ description: 'Savings account id.' }),
        amount: t.field({ type: 'Rupiah', description: 'Amount, whole rupiah.' }),
      }),
      conflicts: {
        insufficient: () =>
          new BusinessRuleError('INSUFFICIENT_BALANCE', 'the balance is too low for this withdrawal', 'saldo tidak cukup untuk penarikan ini', { field: 'input.amount' }),
      },
      resolve: async (input, u) => {
        positiveAmount(input.amount, 'input.amount');
        const account = await accountOf(u, input.accountId, 'input.accountId');
        const product = await u.store.get(savingsProductSchema, 'PRODUCT', account.productId);
        const minBalance = product?.minBalance ?? 0;
        const signed = kind === 'deposit' ? input.amount : -input.amount;
        if (kind === 'withdraw' && account.balance - input.amount < minBalance) {
          const available = Math.max(0, account.balance - minBalance);
          throw new BusinessRuleError('INSUFFICIENT_BALANCE', `only ${available} can be withdrawn (balance ${account.balance}, minimum ${minBalance})`, `hanya Rp${available} yang dapat ditarik (saldo Rp${account.balance}, saldo minimum Rp${minBalance})`, {
            field: 'input.amount',
            details: { balance: account.balance, minBalance, available },
          });
        }
        const change = update().add('balance', signed).add('txnCount', 1);
        if (kind === 'withdraw') {
          // The guard against overdrawing is this condition, evaluated by DynamoDB at commit: concurrent
          // withdrawals cannot all pass it. Conditions cannot add, so the minimum is added here.
          u.writes.update(['SACCT', account.memberId, account.id], change, cond.ge('balance', input.amount + minBalance), 'insufficient');
        } else {
          u.writes.update(['SACCT', account.memberId, account.id], change, cond.exists('balance'));
        }
        const txn: SavingsTxn = { id: u.newId(), accountId: account.id, date: u.today(), kind: kind === 'deposit' ? 'DEPOSIT' : 'WITHDRAWAL', amount: signed, at: u.now().toISOString(), by: u.principal.userId };
        u.writes.create(['STXN', account.id, txn.date, txn.id], txn);
        const cash = u.settings.cashAccount;
        await u.post({
          memo: `${kind === 'deposit' ? 'Setoran' : 'Penarikan'} simpanan sukarela`,
          documentId: txn.id,
          lines: kind === 'deposit' ? [{ account: cash, debit: input.amount }, { account: SAVINGS_LIABILITY, credit: input.amount }] : [{ account: SAVINGS_LIABILITY, debit: input.amount }, { account: cash, credit: input.amount }],
        });
        // The balance here is what this request saw plus its own movement; concurrent ones may have moved it since.
        return { ...account, balance: account.balance + signed, txnCount: account.txnCount + 1, coopId: u.cooperative.id, productName: product?.name ?? '' };
      },
    });
  movement('deposit');
  movement('withdraw');

  unit.query('savingsAccounts', {
    type: [r.SavingsAccount],
    description: "Savings accounts: one member's, or all of the cooperative's.",
    permission: 'simpanpinjam:read',
    args: (t) => ({ memberId: t.id({ required: false, description: 'Only this member (a Member id).' }) }),
    resolve: async (args, u) => {
      const member = args.memberId ? await memberOf(u, args.memberId, 'memberId', false) : undefined;
      const accounts = await u.store.all(savingsAccountSchema, member ? ['SACCT', member.id] : ['SACCT']);
      return Promise.all(accounts.map((a) => accountView(u, a)));
    },
  });

  unit.query('savingsStatement', {
    type: r.Statement,
    description: 'Statement of one savings account for a period: opening balance, every movement with its running balance, closing balance.',
    permission: 'simpanpinjam:read',
    args: (t) => ({
      accountId: t.id({ description: 'Savings account id.' }),
      from: t({ type: 'Date', required: false, description: 'First day (default: first day of this month).' }),
      to: t({ type: 'Date', required: false, description: 'Last day (default: today).' }),
    }),
    resolve: async (args, u) => {
      const account = await accountOf(u, args.accountId, 'accountId');
      const to = checkDate(args.to, 'to') ?? u.today();
      const from = checkDate(args.from, 'from') ?? monthStart(to.slice(0, 7));
      if (from > to) throw ValidationError.field('to', 'must not be before from', 'tidak boleh sebelum tanggal awal');
      return statementOf(u, account, from, to);
    },
  });

  const InterestRun = b.objectRef<{ month: string; accountsCredited: number; interestTotal: number; remaining: number }>('SimpanpinjamInterestRun').implement({
    description: 'Result of one call of simpanpinjamPostSavingsInterest.',
    fields: (t) => ({
      month: t.exposeString('month', { description: 'The month (YYYY-MM).' }),
      accountsCredited: t.exposeInt('accountsCredited', { description: 'Accounts handled by this call (interest may be 0 for some).' }),
      interestTotal: t.expose('interestTotal', { type: 'Rupiah', description: 'Interest credited by this call.' }),
      remaining: t.exposeInt('remaining', { description: 'Accounts still to handle for the month: call again until 0.' }),
    }),
  });

  unit.mutation('postSavingsInterest', {
    type: InterestRun,
    description: `Credit a month's interest to savings accounts, on each product's balance method (minimum or average daily balance), at the product rate capped by the settings; actual/365. Posts Dr interest expense, Cr 2120, dated the month's last day. Handles up to ${INTEREST_BATCH} accounts per call: call again until remaining is 0. Each account is credited once per month, whatever the calls.`,
    permission: 'simpanpinjam:manage',
    input: (t) => ({ month: t.string({ description: 'A month that has ended, YYYY-MM.' }) }),
    resolve: async (input, u) => {
      const month = input.month;
      if (!isMonth(month) || month >= u.today().slice(0, 7)) {
        throw ValidationError.field('input.month', 'must be a month that has ended, YYYY-MM', 'harus bulan yang sudah berakhir, TTTT-BB');
      }
      const last = monthEnd(month);
      const products = new Map((await u.store.all(savingsProductSchema, ['PRODUCT'])).map((p) => [p.id, p]));
      const todo = (await u.store.all(savingsAccountSchema, ['SACCT'])).filter((a) => a.openedOn <= last && (!a.lastInterestMonth || a.lastInterestMonth < month));
      if (todo.length === 0) throw new InvalidStateError(`interest for ${month} is already posted to every account`, `bunga ${month} sudah dibukukan ke semua rekening`);
      const batch = todo.slice(0, INTEREST_BATCH);
      let interestTotal = 0;
      for (const a of batch) {
        const product = products.get(a.productId)!;
        const rate = Math.min(product.annualRateBp, u.settings.maxSavingsRateBp);
        const moves = await movementsSince(u, a.id, monthStart(month));
        const { interest } = monthlyInterest(product.balanceMethod ?? 'MINIMUM', dailyBalances(month, a.balance, moves), rate);
        // The balance and movements read above must still be all there is: any movement since bumps txnCount and re-runs this.
        const condition = cond.and(cond.eq('txnCount', a.txnCount), cond.or(cond.notExists('lastInterestMonth'), cond.lt('lastInterestMonth', month)));
        if (interest > 0) {
          u.writes.update(['SACCT', a.memberId, a.id], update().add('balance', interest).add('txnCount', 1).set('lastInterestMonth', month), condition);
          const txn: SavingsTxn = { id: u.newId(), accountId: a.id, date: last, kind: 'INTEREST', amount: interest, at: u.now().toISOString(), by: u.principal.userId, memo: `Bunga ${month}` };
          u.writes.create(['STXN', a.id, last, txn.id], txn);
          interestTotal += interest;
        } else {
          u.writes.update(['SACCT', a.memberId, a.id], update().set('lastInterestMonth', month), condition);
        }
      }
      if (interestTotal > 0) {
        await u.post({
          date: last,
          memo: `Bunga simpanan sukarela ${month}`,
          documentId: `INTEREST-${month}`,
          lines: [{ account: 'simpanpinjam.savingsInterest', debit: interestTotal }, { account: SAVINGS_LIABILITY, credit: interestTotal }],
        });
      }
      return { month, accountsCredited: batch.length, interestTotal, remaining: todo.length - batch.length };
    },
  });
}

