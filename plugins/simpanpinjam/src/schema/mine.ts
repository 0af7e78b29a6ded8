import type { UnitSchemaKit } from '@kkmp/plugin-sdk';
import { MINE, myLoan, myLoanArgs, myLoans, myLoansArgs, mySavings, mySavingsStatement, mySavingsStatementArgs, myTimeDeposits } from '../services/mine';
import type { SimpanpinjamSettings } from '../settings';
import type { Refs } from './types';

/**
 * A member's own reads (the member app): GraphQL fields mapped to ../services/mine. Each is nullable, so
 * a refusal (another member's record: FORBIDDEN) nulls that field alone, with its error in `errors`,
 * and the rest of the answer stands.
 */

type Kit = UnitSchemaKit<SimpanpinjamSettings>;

const whose = "The caller's own (the member the sign-in names); FORBIDDEN for anyone else's, and for a sign-in that names no member.";

export function registerMine(unit: Kit, r: Refs) {
  unit.query('mySavings', {
    type: [r.SavingsAccount],
    nullable: true,
    description: `My savings accounts with their balances. ${whose}`,
    permission: MINE,
    resolve: (_args, u) => mySavings(u),
  });

  unit.query('mySavingsStatement', {
    type: r.Statement,
    nullable: true,
    description: `Statement of one of my savings accounts for a period (opening, movements, closing). ${whose}`,
    permission: MINE,
    args: (t) => ({
      accountId: t.id({ description: 'One of my savings accounts.' }),
      from: t({ type: 'Date', required: false, description: 'First day (default: first day of this month).' }),
      to: t({ type: 'Date', required: false, description: 'Last day (default: today).' }),
    }),
    schema: mySavingsStatementArgs,
    resolve: (args, u) => mySavingsStatement(u, args),
  });

  unit.query('myTimeDeposits', {
    type: [r.TimeDeposit],
    nullable: true,
    description: `My time deposits. ${whose}`,
    permission: MINE,
    resolve: (_args, u) => myTimeDeposits(u),
  });

  unit.query('myLoans', {
    type: [r.Loan],
    nullable: true,
    description: `My loans that existed on the as-of date, each as it stood then: status, schedule, what is due and next due. ${whose}`,
    permission: MINE,
    args: (t) => ({ asOf: t({ type: 'Date', required: false, description: 'Date (default today).' }) }),
    schema: myLoansArgs,
    resolve: (args, u) => myLoans(u, args),
  });

  unit.query('myLoan', {
    type: r.Loan,
    nullable: true,
    description: `One of my loans with its schedule, repayments, what is due and next due on the as-of date. ${whose}`,
    permission: MINE,
    args: (t) => ({
      id: t.id({ description: 'Loan id.' }),
      asOf: t({ type: 'Date', required: false, description: 'Date of the position (default today).' }),
    }),
    schema: myLoanArgs,
    resolve: (args, u) => myLoan(u, args),
  });
}
