import type { BudgetVsActual, BudgetVsActualRow, MonthVariance, VarianceCell, VarianceSeries } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import type { BudgetTypes } from './shared';
import type { CoreRefs } from '../refs';

/** Budget against actual, per month and account, with variances. */
export function registerVarianceTypes(builder: Builder, { Name, StatusEnum }: BudgetTypes, AccountKindEnum: CoreRefs['AccountKindEnum']) {
  const cellFields = {
    budget: 'Budgeted amount.',
    actual: "Actual amount from the books, in the account's normal direction.",
    variance: 'Actual minus budget.',
  } as const;
  const varianceBp = 'Variance in basis points of the budget (100 = 1%), rounded half away from zero; null when the budget is 0.';

  const CellRef = builder.objectRef<VarianceCell>('BudgetVariance').implement({
    description: 'Budget, actual and variance over a period.',
    fields: (t) => ({
      budget: t.expose('budget', { type: 'Rupiah', description: cellFields.budget }),
      actual: t.expose('actual', { type: 'Rupiah', description: cellFields.actual }),
      variance: t.expose('variance', { type: 'Rupiah', description: cellFields.variance }),
      varianceBp: t.exposeInt('varianceBp', { nullable: true, description: varianceBp }),
    }),
  });
  const MonthRef = builder.objectRef<MonthVariance>('BudgetMonthVariance').implement({
    description: 'Budget, actual and variance of one month.',
    fields: (t) => ({
      month: t.exposeString('month', { description: 'Month, YYYY-MM.' }),
      budget: t.expose('budget', { type: 'Rupiah', description: cellFields.budget }),
      actual: t.expose('actual', { type: 'Rupiah', description: cellFields.actual }),
      variance: t.expose('variance', { type: 'Rupiah', description: cellFields.variance }),
      varianceBp: t.exposeInt('varianceBp', { nullable: true, description: varianceBp }),
    }),
  });
  const SeriesRef = builder.objectRef<VarianceSeries>('BudgetVarianceSeries').implement({
    description: 'Month by month and for the year, for a group of accounts.',
    fields: (t) => ({
      months: t.field({ type: [MonthRef], description: 'January to December.', resolve: (s) => s.months }),
      total: t.field({ type: CellRef, description: 'The year.', resolve: (s) => s.total }),
    }),
  });
  const RowRef = builder.objectRef<BudgetVsActualRow>('BudgetVsActualRow').implement({
    description: 'One account: budget against actual month by month and for the year.',
    fields: (t) => ({
      account: t.exposeString('account', { description: 'Account code.' }),
      name: t.field({ type: Name, description: 'Account name.', resolve: (r) => r.name }),
      kind: t.expose('kind', { type: AccountKindEnum, description: 'Heading: asset, liability, equity, revenue or expense.' }),
      months: t.field({ type: [MonthRef], description: 'January to December.', resolve: (r) => r.months }),
      total: t.field({ type: CellRef, description: 'The year.', resolve: (r) => r.total }),
    }),
  });
  const BvaRef = builder.objectRef<BudgetVsActual>('BudgetVsActual').implement({
    description:
      'Budget against actual for a year, per account and month, from the maintained balances. Rows are the budgeted accounts plus every revenue or expense account that moved without a budget.',
    fields: (t) => ({
      year: t.exposeInt('year', { description: 'Financial year.' }),
      unitId: t.exposeString('unitId', { nullable: true, description: 'The unit compared; null for the whole cooperative.' }),
      budgetVersion: t.exposeInt('budgetVersion', { nullable: true, description: 'Budget version compared against (the latest approved, else the latest draft); null without a budget.' }),
      budgetStatus: t.field({ type: StatusEnum, nullable: true, description: 'Status of that version.', resolve: (r) => r.budgetStatus }),
      rows: t.field({ type: [RowRef], description: 'Accounts, by code.', resolve: (r) => r.rows }),
      revenue: t.field({ type: SeriesRef, description: 'Revenue accounts together.', resolve: (r) => r.revenue }),
      expenses: t.field({ type: SeriesRef, description: 'Expense accounts together.', resolve: (r) => r.expenses }),
      surplus: t.field({ type: SeriesRef, description: 'Revenue minus expenses (SHU before year-end items).', resolve: (r) => r.surplus }),
    }),
  });
  return { BvaRef };
}
