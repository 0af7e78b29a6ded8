import {
  approveBudget,
  budgetVsActual,
  getBudget,
  getTaxSettings,
  listBudgetVersions,
  localDate,
  setBudget,
  setTaxSettings,
  taxEstimate,
  type Budget,
  type BudgetLine,
  type BudgetVsActual,
  type BudgetVsActualRow,
  type MonthVariance,
  type TaxEstimate,
  type TaxMonth,
  type TaxSettings,
  type VarianceCell,
  type VarianceSeries,
} from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId, one } from '../ids';
import { MUTATION_ERRORS } from './errors';
import type { registerLedgerSchema } from './ledger';
import type { CoreRefs } from './refs';
import { IDEMPOTENCY_KEY_FIELD as idem } from './idempotency';

/** RAPBK (budget), budget against actual, and the final income tax estimate, on the `Ledger` type. */
export function registerBudgetSchema(builder: Builder, refs: CoreRefs & ReturnType<typeof registerLedgerSchema>) {
  const { LedgerRef } = refs;

  const StatusEnum = builder.enumType('BudgetStatus', {
    description: 'Where a budget version stands.',
    values: {
      DRAFT: { description: 'Being prepared; a manager may replace it whole until the members approve it.' },
      APPROVED: { description: 'Approved at a members\' meeting (RAT); read-only. A revision is a new version.' },
    } as const,
  });

  const Name = builder.objectRef<{ id: string; en: string }>('BudgetAccountName').implement({
    description: 'Account name in Indonesian and English.',
    fields: (t) => ({ id: t.exposeString('id', { description: 'Bahasa Indonesia.' }), en: t.exposeString('en', { description: 'English.' }) }),
  });

  const LineRef = builder.objectRef<BudgetLine>('BudgetLine').implement({
    description: 'The budget of one account (and unit) for the year, month by month.',
    fields: (t) => ({
      account: t.exposeString('account', { description: 'Account code, e.g. 4110 (Pendapatan usaha dari anggota).' }),
      name: t.field({ type: Name, description: 'Account name.', resolve: (l, _a, ctx) => ctx.core.chart.get(l.account)?.name ?? { id: l.account, en: l.account } }),
      unitId: t.exposeString('unitId', { nullable: true, description: 'Business unit (segment); absent for the cooperative as a whole.' }),
      months: t.field({ type: ['Rupiah'], description: 'Twelve monthly amounts, January first, in the account\'s normal direction.', resolve: (l) => l.months }),
      total: t.field({ type: 'Rupiah', description: 'The year: sum of the twelve months.', resolve: (l) => l.months.reduce((s, v) => s + v, 0) }),
    }),
  });

  const ApprovalRef = builder.objectRef<NonNullable<Budget['approval']>>('BudgetApproval').implement({
    description: 'The members\' meeting (RAT) that approved a budget version.',
    fields: (t) => ({
      meetingDate: t.expose('meetingDate', { type: 'Date', description: 'Date of the meeting.' }),
      ratReference: t.exposeString('ratReference', { description: 'Reference of the decision, e.g. the number in the minutes.' }),
      recordedBy: t.exposeString('recordedBy', { description: 'Who recorded the approval.' }),
      recordedAt: t.expose('recordedAt', { type: 'DateTime', description: 'When it was recorded.' }),
    }),
  });

  const BudgetRef = builder.objectRef<Budget>('Budget').implement({
    description: 'RAPBK (Rencana Anggaran Pendapatan dan Belanja Koperasi): one version of a year\'s budget per account and unit.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (b) => encodeId('Budget', b.coopId, `${b.year}_${b.version}`) }),
      year: t.exposeInt('year', { description: 'Financial year.' }),
      version: t.exposeInt('version', { description: '1 for the budget as first drafted; each revision after an approval is the next version.' }),
      status: t.field({ type: StatusEnum, description: 'DRAFT or APPROVED.', resolve: (b) => b.status }),
      lines: t.field({ type: [LineRef], description: 'Budget lines, by account then unit.', resolve: (b) => b.lines }),
      notes: t.exposeString('notes', { nullable: true, description: 'Notes of the managers.' }),
      approval: t.field({ type: ApprovalRef, nullable: true, description: 'The meeting that approved it; null while a draft.', resolve: (b) => b.approval ?? null }),
      createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When this version was started.' }),
      createdBy: t.exposeString('createdBy', { description: 'Who started this version.' }),
      updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'Last change (replacement or approval).' }),
      updatedBy: t.exposeString('updatedBy', { description: 'Who made the last change.' }),
    }),
  });

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
      kind: t.exposeString('kind', { description: 'ASSET, LIABILITY, EQUITY, REVENUE or EXPENSE.' }),
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

  const TaxSettingsRef = builder.objectRef<TaxSettings>('TaxSettings').implement({
    description: 'Final income tax (PPh final) settings of a cooperative for a year.',
    fields: (t) => ({
      rateBp: t.exposeInt('rateBp', { description: 'Rate in basis points of gross turnover (50 = 0.5%).' }),
      threshold: t.expose('threshold', { type: 'Rupiah', description: 'Annual gross turnover up to which the final regime applies (default Rp4,800,000,000).' }),
      effectiveFromYear: t.exposeInt('effectiveFromYear', { nullable: true, description: 'First year these settings apply to; null when the defaults apply.' }),
    }),
  });
  const TaxMonthRef = builder.objectRef<TaxMonth>('TaxEstimateMonth').implement({
    description: 'Final income tax of one month.',
    fields: (t) => ({
      month: t.exposeString('month', { description: 'Month, YYYY-MM.' }),
      turnover: t.expose('turnover', { type: 'Rupiah', description: 'Gross turnover of the month (business revenue from members and non-members).' }),
      cumulativeTurnover: t.expose('cumulativeTurnover', { type: 'Rupiah', description: 'Gross turnover from January through this month.' }),
      taxDue: t.field({ type: 'Rupiah', nullable: true, description: 'floor(turnover x rate / 10000) under the final regime; null once it no longer applies.', resolve: (m) => m.taxDue }),
      finalRegime: t.exposeBoolean('finalRegime', { description: 'False from the month the cumulative turnover passes the threshold.' }),
    }),
  });
  const TaxEstimateRef = builder.objectRef<TaxEstimate>('TaxEstimate').implement({
    description: 'Estimate of the final income tax (PPh final) on monthly gross turnover for a year, from the maintained balances.',
    fields: (t) => ({
      year: t.exposeInt('year', { description: 'Tax year.' }),
      rateBp: t.exposeInt('rateBp', { description: 'Rate applied, in basis points.' }),
      threshold: t.expose('threshold', { type: 'Rupiah', description: 'Annual turnover threshold applied.' }),
      effectiveFromYear: t.exposeInt('effectiveFromYear', { nullable: true, description: 'Year the settings applied were set from; null for the defaults.' }),
      turnoverAccounts: t.exposeStringList('turnoverAccounts', { description: 'Accounts whose revenue counts as gross turnover.' }),
      months: t.field({ type: [TaxMonthRef], description: 'January to December.', resolve: (e) => e.months }),
      totalTurnover: t.expose('totalTurnover', { type: 'Rupiah', description: 'Gross turnover of the year.' }),
      totalTaxDue: t.expose('totalTaxDue', { type: 'Rupiah', description: 'Tax due under the final regime over the year.' }),
      thresholdExceededIn: t.exposeString('thresholdExceededIn', { nullable: true, description: 'Month (YYYY-MM) the cumulative turnover passed the threshold; null while within it.' }),
    }),
  });

  builder.objectFields(LedgerRef, (t) => ({
    budget: t.field({
      type: BudgetRef,
      nullable: true,
      description: "A year's RAPBK: the given version, or the latest (draft or approved); null when none was set.",
      args: {
        year: t.arg.int({ description: 'Financial year.' }),
        version: t.arg.int({ required: false, description: 'A version; the latest when absent.' }),
      },
      resolve: async (l, a, ctx) => (await getBudget(ctx.core, l.coop.id, a.year, a.version)) ?? null,
    }),
    budgetVersions: t.field({
      type: [BudgetRef],
      description: "Every version of a year's RAPBK, oldest first.",
      args: { year: t.arg.int({ description: 'Financial year.' }) },
      resolve: (l, a, ctx) => listBudgetVersions(ctx.core, l.coop.id, a.year),
    }),
    budgetVsActual: t.field({
      type: BvaRef,
      description: 'Budget against actual per account and month, for the whole cooperative or one unit.',
      args: {
        year: t.arg.int({ description: 'Financial year.' }),
        unitId: t.arg.string({ required: false, description: 'One unit only (its budget lines and its segment of the books).' }),
      },
      resolve: (l, a, ctx) => budgetVsActual(ctx.core, l.coop.id, a.year, a.unitId),
    }),
    taxEstimate: t.field({
      type: TaxEstimateRef,
      description: 'Final income tax estimate for a year (0.5% of monthly gross turnover while the year stays within Rp4.8 billion, by default).',
      args: { year: t.arg.int({ description: 'Tax year.' }) },
      resolve: (l, a, ctx) => taxEstimate(ctx.core, l.coop.id, a.year),
    }),
    taxSettings: t.field({
      type: TaxSettingsRef,
      description: 'Final income tax settings in force for a year.',
      args: { year: t.arg.int({ required: false, description: "Year; the current year in the cooperative's time zone when absent." }) },
      resolve: (l, a, ctx) => getTaxSettings(ctx.core, l.coop.id, a.year ?? Number(localDate(ctx.core.clock.now(), l.coop.timeZone).slice(0, 4))),
    }),
  }));

  const LineInput = builder.inputType('BudgetLineInput', {
    description: 'The budget of one account (and unit) for the year.',
    fields: (t) => ({
      account: t.string({ description: 'Account code of the chart, e.g. 4110 or 6120.' }),
      unitId: t.string({ required: false, description: 'Business unit (segment), e.g. sembako; absent for the cooperative as a whole.' }),
      months: t.field({ type: ['Rupiah'], description: "Exactly twelve amounts, January first, whole rupiah, not negative, in the account's normal direction." }),
    }),
  });
  const SetInput = builder.inputType('SetBudgetInput', {
    description: "Set a year's RAPBK: replaces the current draft, or starts the next version when the latest is approved.",
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      year: t.int({ description: 'Financial year (2000-2100).' }),
      notes: t.string({ required: false, description: 'Notes of the managers (up to 1000 characters).' }),
      lines: t.field({ type: [LineInput], description: 'Budget lines (1-500), one per account and unit.' }),
    }),
  });
  const ApproveInput = builder.inputType('ApproveBudgetInput', {
    description: "Record the members' meeting (RAT) that approved a draft version; the version becomes read-only.",
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      year: t.int({ description: 'Financial year.' }),
      version: t.int({ description: 'The draft version the meeting approved.' }),
      meetingDate: t.field({ type: 'Date', description: 'Date of the meeting (not in the future).' }),
      ratReference: t.string({ description: 'Reference of the decision, e.g. "RAT 2026, keputusan no. 3".' }),
    }),
  });
  const TaxInput = builder.inputType('SetTaxSettingsInput', {
    description: 'Set the final income tax rate and threshold from a year on.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      effectiveFromYear: t.int({ description: 'First year they apply to; later years keep them until set again.' }),
      rateBp: t.int({ description: 'Rate in basis points of gross turnover (0-10000; 50 = 0.5%).' }),
      threshold: t.field({ type: 'Rupiah', description: 'Annual gross turnover up to which the final regime applies.' }),
    }),
  });

  const coopId = (id: string) => one(id, 'Cooperative', 'input.cooperativeId');
  builder.mutationFields((t) => ({
    setBudget: t.field({
      type: BudgetRef,
      description: "Set a year's RAPBK (manager). Replaces the draft whole; after an approval it starts the next version.",
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: SetInput }) },
      resolve: (_r, { input }, ctx) => setBudget(ctx.core, { ...input, cooperativeId: coopId(input.cooperativeId) }),
    }),
    approveBudget: t.field({
      type: BudgetRef,
      description: "Record the members' meeting that approved a draft budget version (manager). It is read-only from then on.",
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: ApproveInput }) },
      resolve: (_r, { input }, ctx) => approveBudget(ctx.core, { ...input, cooperativeId: coopId(input.cooperativeId) }),
    }),
    setTaxSettings: t.field({
      type: TaxSettingsRef,
      description: 'Set the final income tax rate and threshold from a year on (manager).',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: TaxInput }) },
      resolve: (_r, { input }, ctx) => setTaxSettings(ctx.core, { ...input, cooperativeId: coopId(input.cooperativeId) }),
    }),
  }));
}
