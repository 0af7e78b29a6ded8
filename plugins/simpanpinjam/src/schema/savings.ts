import type { UnitSchemaKit } from '@kkmp/plugin-sdk';
import { moveMoney, movementInput, openSavingsAccount, openSavingsAccountInput, savingsAccounts, savingsAccountsArgs, withdrawalConflicts, type MovementKind } from '../services/savings';
import { INTEREST_BATCH, postSavingsInterest, postSavingsInterestInput } from '../services/savings-interest';
import { createSavingsProduct, createSavingsProductInput, savingsProducts } from '../services/savings-products';
import { savingsStatement, savingsStatementArgs } from '../services/savings-statements';
import type { SimpanpinjamSettings } from '../settings';
import type { Refs } from './types';

/** Savings operations: GraphQL fields mapped to the services in ../services, which hold the rules. */

type Kit = UnitSchemaKit<SimpanpinjamSettings>;

function registerSavingsProducts(unit: Kit, r: Refs) {
  unit.mutation('createSavingsProduct', {
    type: r.SavingsProduct,
    description: 'Create a savings product: withdrawable savings or a time deposit. The rate may not exceed the cap in the settings (9% a year by default).',
    permission: 'simpanpinjam:manage',
    businessEvent: false,
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
    schema: createSavingsProductInput,
    resolve: (input, u) => createSavingsProduct(u, input),
  });

  unit.query('savingsProducts', {
    type: [r.SavingsProduct],
    description: 'Savings and time-deposit products, oldest first.',
    permission: 'simpanpinjam:read',
    resolve: (_args, u) => savingsProducts(u),
  });
}

function registerAccounts(unit: Kit, r: Refs) {
  unit.mutation('openSavingsAccount', {
    type: r.SavingsAccount,
    description: 'Open a withdrawable savings account for an active member. Deposit into it with simpanpinjamDeposit.',
    permission: 'simpanpinjam:teller',
    input: (t) => ({
      memberId: t.id({ description: 'The member (a Member id).' }),
      productId: t.id({ description: 'A savings product (kind SAVINGS).' }),
    }),
    schema: openSavingsAccountInput,
    resolve: (input, u) => openSavingsAccount(u, input),
  });

  const movement = (kind: MovementKind) =>
    unit.mutation(kind, {
      type: r.SavingsAccount,
      description:
        kind === 'deposit'
          ? 'Deposit cash into a savings account (setoran). Posts Dr cash, Cr 2120 simpanan sukarela.'
          : "Withdraw cash from a savings account (penarikan). Never takes the balance below the product's minimum (or zero), even under concurrent requests: refused with BusinessRuleError INSUFFICIENT_BALANCE. Posts Dr 2120, Cr cash.",
      permission: 'simpanpinjam:teller',
      businessEvent: true,
      input: (t) => ({
        accountId: t.id({ description: 'Savings account id.' }),
        amount: t.field({ type: 'Rupiah', description: 'Amount, whole rupiah.' }),
      }),
      conflicts: withdrawalConflicts,
      schema: movementInput,
      resolve: (input, u) => moveMoney(u, kind, input),
    });
  movement('deposit');
  movement('withdraw');

  unit.query('savingsAccounts', {
    type: [r.SavingsAccount],
    description: "Savings accounts: one member's, or all of the cooperative's.",
    permission: 'simpanpinjam:read',
    args: (t) => ({ memberId: t.id({ required: false, description: 'Only this member (a Member id).' }) }),
    schema: savingsAccountsArgs,
    resolve: (args, u) => savingsAccounts(u, args),
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
    schema: savingsStatementArgs,
    resolve: (args, u) => savingsStatement(u, args),
  });
}

function registerInterest(unit: Kit, r: Refs) {
  unit.mutation('postSavingsInterest', {
    type: r.InterestRun,
    description: `Credit a month's interest to savings accounts, on each product's balance method (minimum or average daily balance), at the product rate capped by the settings; actual/365. Posts Dr interest expense, Cr 2120, dated the month's last day. Handles up to ${INTEREST_BATCH} accounts per call: call again until remaining is 0. Each account is credited once per month, whatever the calls.`,
    permission: 'simpanpinjam:manage',
    businessEvent: true,
    input: (t) => ({ month: t.string({ description: 'A month that has ended, YYYY-MM.' }) }),
    schema: postSavingsInterestInput,
    resolve: (input, u) => postSavingsInterest(u, input),
  });
}

export function registerSavings(unit: Kit, r: Refs) {
  registerSavingsProducts(unit, r);
  registerAccounts(unit, r);
  registerInterest(unit, r);
}
