import { InvalidStateError, NotFoundError, decodeId, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { memberOf, positiveAmount } from '../context';
import { addMonths, daysBetween } from '../dates';
import { timeDepositSchema, type TimeDeposit } from '../items';
import { mulDivFloor } from '../math';
import { productOf } from '../savings/store';
import type { SimpanpinjamSettings } from '../settings';
import type { Refs } from './types';
import { BusinessRuleError } from '@kkmp/plugin-sdk';

const DEPOSITS = 'simpanpinjam.deposits';

/** Interest of a deposit held to maturity: principal × rate × days / 365, rounded down. */
export const maturityInterest = (d: TimeDeposit) => mulDivFloor(d.principal, d.annualRateBp * daysBetween(d.openedOn, d.maturityDate), 3_650_000);

export function registerDeposits(_b: Builder, unit: UnitSchemaKit<SimpanpinjamSettings>, r: Refs) {
  unit.mutation('openTimeDeposit', {
    type: r.TimeDeposit,
    description: "Open a time deposit (simpanan berjangka) for an active member, paid in cash; the rate is the product's, capped by the settings, and fixed until maturity. Posts Dr cash, Cr time deposits.",
    permission: 'simpanpinjam:teller',
    input: (t) => ({
      memberId: t.id({ description: 'The member (a Member id).' }),
      productId: t.id({ description: 'A time-deposit product.' }),
      amount: t.field({ type: 'Rupiah', description: 'Amount deposited, at least the product minimum.' }),
    }),
    resolve: async (input, u) => {
      positiveAmount(input.amount, 'input.amount');
      const member = await memberOf(u, input.memberId, 'input.memberId');
      const product = await productOf(u, input.productId, 'input.productId', ['TIME_DEPOSIT']);
      if (input.amount < (product.minBalance ?? 0)) {
        throw new BusinessRuleError('BELOW_MINIMUM', `at least ${product.minBalance} for this product`, `paling sedikit Rp${product.minBalance} untuk produk ini`, { field: 'input.amount', details: { minimum: product.minBalance } });
      }
      const today = u.today();
      const deposit: TimeDeposit = {
        id: u.newId(),
        memberId: member.id,
        productId: product.id,
        principal: input.amount,
        annualRateBp: Math.min(product.annualRateBp, u.settings.maxSavingsRateBp),
        termMonths: product.termMonths!,
        openedOn: today,
        maturityDate: addMonths(today, product.termMonths!),
        earlyWithdrawal: product.earlyWithdrawal ?? 'FORFEIT_INTEREST',
        earlyPenaltyBp: product.earlyPenaltyBp ?? 0,
        status: 'OPEN',
        version: 1,
      };
      u.writes.create(['TDEP', member.id, deposit.id], deposit);
      await u.post({ memo: 'Simpanan berjangka', documentId: deposit.id, lines: [{ account: u.settings.cashAccount, debit: deposit.principal }, { account: DEPOSITS, credit: deposit.principal }] });
      return { ...deposit, coopId: u.cooperative.id };
    },
  });

  unit.mutation('withdrawTimeDeposit', {
    type: r.TimeDeposit,
    description:
      "Pay out a time deposit in cash. At or after maturity: principal plus interest for the term (actual/365; no interest after maturity). Before maturity the product's rule applies: interest forfeited, or forfeited and a penalty deducted. Posts Dr time deposits and interest expense, Cr cash and penalty income.",
    permission: 'simpanpinjam:teller',
    input: (t) => ({ depositId: t.id({ description: 'Time deposit id.' }) }),
    resolve: async (input, u) => {
      const [memberId, id] = decodeId(input.depositId, 'SimpanpinjamTimeDeposit', 'input.depositId', 2) as [string, string];
      const d = await u.store.get(timeDepositSchema, 'TDEP', memberId, id);
      if (!d) throw new NotFoundError('SimpanpinjamTimeDeposit', input.depositId, 'input.depositId');
      if (d.status !== 'OPEN') throw new InvalidStateError('this time deposit was already paid out', 'simpanan berjangka ini sudah dicairkan');
      const today = u.today();
      const early = today < d.maturityDate;
      const interest = early ? 0 : maturityInterest(d);
      const penalty = early && d.earlyWithdrawal === 'PENALTY' ? mulDivFloor(d.principal, d.earlyPenaltyBp, 10_000) : 0;
      const next: TimeDeposit = { ...d, status: 'WITHDRAWN', withdrawnOn: today, interestPaid: interest, penaltyCharged: penalty, version: d.version + 1 };
      u.writes.replace(['TDEP', memberId, id], next, d.version);
      const lines = [
        { account: DEPOSITS, debit: d.principal },
        ...(interest ? [{ account: 'simpanpinjam.savingsInterest', debit: interest }] : []),
        { account: u.settings.cashAccount, credit: d.principal + interest - penalty },
        ...(penalty ? [{ account: 'simpanpinjam.penaltyIncome', credit: penalty }] : []),
      ];
      await u.post({ memo: early ? 'Pencairan simpanan berjangka sebelum jatuh tempo' : 'Pencairan simpanan berjangka', documentId: d.id, lines });
      return { ...next, coopId: u.cooperative.id };
    },
  });

  unit.query('timeDeposits', {
    type: [r.TimeDeposit],
    description: "Time deposits: one member's, or all of the cooperative's.",
    permission: 'simpanpinjam:read',
    args: (t) => ({ memberId: t.id({ required: false, description: 'Only this member (a Member id).' }) }),
    resolve: async (args, u) => {
      const member = args.memberId ? await memberOf(u, args.memberId, 'memberId', false) : undefined;
      const all = await u.store.all(timeDepositSchema, member ? ['TDEP', member.id] : ['TDEP']);
      return all.map((d) => ({ ...d, coopId: u.cooperative.id }));
    },
  });
}
