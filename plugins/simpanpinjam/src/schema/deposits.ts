import type { UnitSchemaKit } from '@kkmp/plugin-sdk';
import { openTimeDeposit, openTimeDepositInput, timeDeposits, timeDepositsArgs, withdrawTimeDeposit, withdrawTimeDepositInput } from '../services/time-deposits';
import type { SimpanpinjamSettings } from '../settings';
import type { Refs } from './types';

/** Time-deposit operations: GraphQL fields mapped to the services in ../services, which hold the rules. */

type Kit = UnitSchemaKit<SimpanpinjamSettings>;

export function registerDeposits(unit: Kit, r: Refs) {
  unit.mutation('openTimeDeposit', {
    type: r.TimeDeposit,
    description: "Open a time deposit (simpanan berjangka) for an active member, paid in cash; the rate is the product's, capped by the settings, and fixed until maturity. Posts Dr cash, Cr time deposits.",
    permission: 'simpanpinjam:teller',
    input: (t) => ({
      memberId: t.id({ description: 'The member (a Member id).' }),
      productId: t.id({ description: 'A time-deposit product.' }),
      amount: t.field({ type: 'Rupiah', description: 'Amount deposited, at least the product minimum.' }),
    }),
    schema: openTimeDepositInput,
    resolve: (input, u) => openTimeDeposit(u, input),
  });

  unit.mutation('withdrawTimeDeposit', {
    type: r.TimeDeposit,
    description:
      "Pay out a time deposit in cash. At or after maturity: principal plus interest for the term (actual/365; no interest after maturity). Before maturity the product's rule applies: interest forfeited, or forfeited and a penalty deducted. Posts Dr time deposits and interest expense, Cr cash and penalty income.",
    permission: 'simpanpinjam:teller',
    input: (t) => ({ depositId: t.id({ description: 'Time deposit id.' }) }),
    schema: withdrawTimeDepositInput,
    resolve: (input, u) => withdrawTimeDeposit(u, input),
  });

  unit.query('timeDeposits', {
    type: [r.TimeDeposit],
    description: "Time deposits: one member's, or all of the cooperative's.",
    permission: 'simpanpinjam:read',
    args: (t) => ({ memberId: t.id({ required: false, description: 'Only this member (a Member id).' }) }),
    schema: timeDepositsArgs,
    resolve: (args, u) => timeDeposits(u, args),
  });
}
