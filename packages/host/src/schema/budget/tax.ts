import { getTaxSettings, localDate, setTaxSettings, taxEstimate, type TaxEstimate, type TaxMonth, type TaxSettings } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { one } from '../../ids';
import { MUTATION_ERRORS } from '../errors';
import { IDEMPOTENCY_KEY_FIELD as idem } from '../idempotency';
import type { LedgerRef } from './shared';

/** The final income tax (PPh final 0.5%): settings per year and the estimate from monthly turnover. */
export function registerTaxSchema(builder: Builder, LedgerRef: LedgerRef) {
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
    setTaxSettings: t.field({
      type: TaxSettingsRef,
      description: 'Set the final income tax rate and threshold from a year on (manager).',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: TaxInput }) },
      resolve: (_r, { input }, ctx) => setTaxSettings(ctx.core, { ...input, cooperativeId: coopId(input.cooperativeId) }),
    }),
  }));
}
