import { getResults, getTrialBalance, type AccountLine, type PositionView, type TrialBalanceLine } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import type { Awaited2, BilingualRef } from './shared';

/** Trial balance, financial position and results: the statements read from maintained balances. */
export function registerStatementTypes(builder: Builder, Bilingual: BilingualRef) {
  const AccountLineRef = builder.objectRef<AccountLine>('StatementLine').implement({
    description: 'An account and its amount in a statement, in its normal direction.',
    fields: (t) => ({
      account: t.exposeString('account', { description: 'Account code.' }),
      name: t.field({ type: Bilingual, description: 'Account name.', resolve: (l) => l.name }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Amount.' }),
    }),
  });
  const TrialLineRef = builder.objectRef<TrialBalanceLine>('TrialBalanceLine').implement({
    description: 'One account of the trial balance (neraca saldo).',
    fields: (t) => ({
      account: t.exposeString('account', { description: 'Account code.' }),
      name: t.field({ type: Bilingual, description: 'Account name.', resolve: (l) => l.name }),
      openingDebit: t.expose('openingDebit', { type: 'Rupiah', description: 'Opening debit balance.' }),
      openingCredit: t.expose('openingCredit', { type: 'Rupiah', description: 'Opening credit balance.' }),
      debit: t.expose('debit', { type: 'Rupiah', description: 'Debits in the period.' }),
      credit: t.expose('credit', { type: 'Rupiah', description: 'Credits in the period.' }),
      closingDebit: t.expose('closingDebit', { type: 'Rupiah', description: 'Closing debit balance.' }),
      closingCredit: t.expose('closingCredit', { type: 'Rupiah', description: 'Closing credit balance.' }),
    }),
  });
  type TB = Awaited2<ReturnType<typeof getTrialBalance>>;
  const TrialBalanceRef = builder.objectRef<TB>('TrialBalance').implement({
    description: 'Neraca saldo for a period.',
    fields: (t) => ({
      from: t.expose('from', { type: 'Date', description: 'First day.' }),
      to: t.expose('to', { type: 'Date', description: 'Last day.' }),
      lines: t.field({ type: [TrialLineRef], description: 'Accounts.', resolve: (r) => r.lines }),
      totalDebit: t.field({ type: 'Rupiah', description: 'Total debits in the period.', resolve: (r) => r.totals.debit }),
      totalCredit: t.field({ type: 'Rupiah', description: 'Total credits in the period (equals total debits).', resolve: (r) => r.totals.credit }),
    }),
  });
  // Totals from the cooperative's position item when they hold (a page of cooperatives reads them by key);
  // the account lines, and totals of past dates, from the balance items, only when selected.
  const PositionRef = builder.objectRef<PositionView>('FinancialPosition').implement({
    description: 'Laporan posisi keuangan (SAK EP) as of a date.',
    fields: (t) => ({
      asOf: t.expose('asOf', { type: 'Date', description: 'Date.' }),
      assets: t.field({ type: [AccountLineRef], description: 'Aset.', resolve: async (r) => (await r.statement()).assets }),
      liabilities: t.field({ type: [AccountLineRef], description: 'Liabilitas (incl. simpanan sukarela).', resolve: async (r) => (await r.statement()).liabilities }),
      equity: t.field({ type: [AccountLineRef], description: 'Ekuitas: simpanan pokok and wajib, cadangan, SHU tahun berjalan (3310, this year so far) and SHU belum dibagi (3320, earlier years not yet distributed).', resolve: async (r) => (await r.statement()).equity }),
      currentSurplus: t.field({ type: 'Rupiah', description: 'SHU tahun berjalan: the surplus of the financial year up to the date (also shown as equity line 3310).', resolve: async (r) => (await r.totals()).currentSurplus }),
      currentAssets: t.field({ type: 'Rupiah', description: 'Aset lancar.', resolve: async (r) => (await r.totals()).currentAssets }),
      nonCurrentAssets: t.field({ type: 'Rupiah', description: 'Aset tidak lancar.', resolve: async (r) => (await r.totals()).nonCurrentAssets }),
      currentLiabilities: t.field({ type: 'Rupiah', description: 'Liabilitas jangka pendek.', resolve: async (r) => (await r.totals()).currentLiabilities }),
      nonCurrentLiabilities: t.field({ type: 'Rupiah', description: 'Liabilitas jangka panjang.', resolve: async (r) => (await r.totals()).nonCurrentLiabilities }),
      totalAssets: t.field({ type: 'Rupiah', description: 'Total assets.', resolve: async (r) => (await r.totals()).totalAssets }),
      totalLiabilities: t.field({ type: 'Rupiah', description: 'Total liabilities.', resolve: async (r) => (await r.totals()).totalLiabilities }),
      totalEquity: t.field({ type: 'Rupiah', description: 'Total equity.', resolve: async (r) => (await r.totals()).totalEquity }),
      balanced: t.boolean({ description: 'Assets = liabilities + equity.', resolve: async (r) => (await r.totals()).balanced }),
    }),
  });
  type RS = Awaited2<ReturnType<typeof getResults>>;
  const ResultsRef = builder.objectRef<RS>('ResultsStatement').implement({
    description: 'Laporan hasil usaha for a period: revenue (member and non-member apart), costs and SHU.',
    fields: (t) => ({
      from: t.expose('from', { type: 'Date', description: 'First day.' }),
      to: t.expose('to', { type: 'Date', description: 'Last day.' }),
      revenue: t.field({ type: [AccountLineRef], description: 'Revenue accounts.', resolve: (r) => r.revenue }),
      expenses: t.field({ type: [AccountLineRef], description: 'Cost and expense accounts.', resolve: (r) => r.expenses }),
      memberRevenue: t.expose('memberRevenue', { type: 'Rupiah', description: 'Revenue from members (basis of jasa usaha).' }),
      nonMemberRevenue: t.expose('nonMemberRevenue', { type: 'Rupiah', description: 'Revenue from non-members.' }),
      totalRevenue: t.expose('totalRevenue', { type: 'Rupiah', description: 'Total revenue.' }),
      costOfGoods: t.expose('costOfGoods', { type: 'Rupiah', description: 'Beban pokok (cost of goods sold).' }),
      grossSurplus: t.expose('grossSurplus', { type: 'Rupiah', description: 'SHU kotor: revenue minus cost of goods.' }),
      operatingExpenses: t.expose('operatingExpenses', { type: 'Rupiah', description: 'Beban usaha and perkoperasian (all costs but cost of goods and income tax).' }),
      surplusBeforeTax: t.expose('surplusBeforeTax', { type: 'Rupiah', description: 'SHU sebelum pajak.' }),
      incomeTax: t.expose('incomeTax', { type: 'Rupiah', description: 'Beban pajak penghasilan.' }),
      totalExpenses: t.expose('totalExpenses', { type: 'Rupiah', description: 'Total costs and expenses.' }),
      surplus: t.expose('surplus', { type: 'Rupiah', description: 'SHU (negative: deficit).' }),
    }),
  });
  return { TrialBalanceRef, PositionRef, ResultsRef };
}
