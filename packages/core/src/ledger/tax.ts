import { queryPage, sk } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from '../authorize';
import type { CoreContext } from '../context';
import { getCooperative } from '../cooperative';
import { audited, coopOf, runMutation } from '../mutation';
import { idempotencyKeyField, msg, parseInput } from '../validation';
import { ACCOUNTS } from './accounts';
import { ledgerPartition } from './keys';
import { checkYear, monthOf, monthlyMovements, yearField } from './year';

/**
 * Final income tax (PPh final) on gross turnover: the rate and threshold in force per year (settings a
 * manager sets from a year on), and the year's estimate month by month from the maintained monthly
 * balances, never the journal.
 */

const taxSettingsKey = (coopId: string, fromYear: number) => ({ pk: ledgerPartition(coopId), sk: sk('TAXSET', String(fromYear)) });
const tenant = (coopId: string) => ({ kind: 'coop', coopId }) as const;

/** Final income tax on gross turnover: 0.5% while the year's turnover stays within Rp4.8 billion. */
export const DEFAULT_TAX_SETTINGS = { rateBp: 50, threshold: 4_800_000_000 } as const;
/** Gross turnover (peredaran bruto): business revenue from members and non-members. */
export const TURNOVER_ACCOUNTS = [ACCOUNTS.revenueMember, ACCOUNTS.revenueNonMember] as const;

const taxSettingsSchema = z.object({
  effectiveFromYear: z.number().int(),
  rateBp: z.number().int(),
  threshold: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export interface TaxSettings {
  /** Rate in basis points of gross turnover (50 = 0.5%). */
  rateBp: number;
  /** Annual gross turnover up to which the final regime applies, in rupiah. */
  threshold: number;
  /** First year these settings apply to; null for the defaults (nothing set for that year or before). */
  effectiveFromYear: number | null;
}

export const setTaxSettingsInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  effectiveFromYear: yearField('effectiveFromYear'),
  rateBp: z
    .number()
    .int(msg('must be whole basis points', 'harus basis poin bulat'))
    .min(0, msg('must be 0 to 10000 basis points', 'harus 0 sampai 10000 basis poin'))
    .max(10_000, msg('must be 0 to 10000 basis points', 'harus 0 sampai 10000 basis poin')),
  threshold: z
    .number()
    .int(msg('must be whole rupiah', 'harus rupiah bulat'))
    .min(1, msg('must be more than zero', 'harus lebih dari nol'))
    .max(Number.MAX_SAFE_INTEGER),
});

async function loadTaxSettings(ctx: CoreContext, coopId: string, year: number): Promise<TaxSettings> {
  const page = await queryPage(
    ctx.db,
    { partition: ledgerPartition(coopId), between: [sk('TAXSET', '0000'), sk('TAXSET', String(year))] },
    taxSettingsSchema,
    { first: 1, descending: true },
  );
  const s = page.items[0];
  return s ? { rateBp: s.rateBp, threshold: s.threshold, effectiveFromYear: s.effectiveFromYear } : { ...DEFAULT_TAX_SETTINGS, effectiveFromYear: null };
}

/** Tax settings in force for a year: the latest set from that year or before, else the defaults. */
export async function getTaxSettings(ctx: CoreContext, coopId: string, year: number): Promise<TaxSettings> {
  await authorize(ctx, 'ledger:read', { coopId });
  checkYear(year);
  return loadTaxSettings(ctx, coopId, year);
}

/** Sets the rate and threshold from a year on (manager); later years keep them until set again. */
async function setTaxSettingsUnaudited(ctx: CoreContext, raw: unknown): Promise<TaxSettings> {
  const input = parseInput(setTaxSettingsInput, raw);
  const p = await authorize(ctx, 'ledger:write', { coopId: input.cooperativeId });
  return runMutation(
    ctx,
    { operation: 'setTaxSettings', tenant: tenant(input.cooperativeId), idempotencyKey: input.idempotencyKey, input, targetId: String(input.effectiveFromYear) },
    async (tx) => {
      await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
      const item = { effectiveFromYear: input.effectiveFromYear, rateBp: input.rateBp, threshold: input.threshold, updatedAt: ctx.clock.now().toISOString(), updatedBy: p.userId };
      tx.put({ ...taxSettingsKey(input.cooperativeId, input.effectiveFromYear), type: 'TaxSettings', ...item });
      return { rateBp: item.rateBp, threshold: item.threshold, effectiveFromYear: item.effectiveFromYear };
    },
  );
}

export const setTaxSettings = audited('setTaxSettings', coopOf(), setTaxSettingsUnaudited);

export interface TaxMonth {
  /** YYYY-MM. */
  month: string;
  /** Gross turnover of the month (revenue accounts in their normal direction: credits - debits). */
  turnover: number;
  /** Turnover from January through this month. */
  cumulativeTurnover: number;
  /** floor(turnover x rate / 10,000) while the final regime applies (0 for a month without turnover); else null. */
  taxDue: number | null;
  /** False from the month the cumulative turnover passes the threshold. */
  finalRegime: boolean;
}

export interface TaxEstimate extends TaxSettings {
  year: number;
  turnoverAccounts: string[];
  months: TaxMonth[];
  totalTurnover: number;
  /** Sum of the months' tax due under the final regime. */
  totalTaxDue: number;
  /** Month (YYYY-MM) the cumulative turnover passed the threshold; null while within it. */
  thresholdExceededIn: string | null;
}

/**
 * Final income tax estimate for a year: rate x each month's gross turnover, in integers (floored), until
 * the month the year's cumulative turnover passes the threshold; from that month on the final regime no
 * longer applies (tax due null). Reads the maintained monthly balances only.
 */
export async function taxEstimate(ctx: CoreContext, coopId: string, year: number): Promise<TaxEstimate> {
  await authorize(ctx, 'ledger:read', { coopId });
  checkYear(year);
  const [settings, monthly] = await Promise.all([loadTaxSettings(ctx, coopId, year), monthlyMovements(ctx, coopId, year)]);
  const turnoverCodes = new Set<string>(TURNOVER_ACCOUNTS);
  let cumulative = 0;
  let exceededIn: string | null = null;
  const months = monthly.map((ms, i): TaxMonth => {
    const month = monthOf(year, i);
    const turnover = ms.filter((m) => turnoverCodes.has(m.account)).reduce((s, m) => s + (m.debit - m.credit) * ctx.chart.sign(m.account), 0);
    cumulative += turnover;
    if (exceededIn === null && cumulative > settings.threshold) exceededIn = month;
    const finalRegime = exceededIn === null;
    const taxDue = !finalRegime ? null : turnover > 0 ? Number((BigInt(turnover) * BigInt(settings.rateBp)) / 10_000n) : 0;
    return { month, turnover, cumulativeTurnover: cumulative, taxDue, finalRegime };
  });
  return {
    year,
    ...settings,
    turnoverAccounts: [...TURNOVER_ACCOUNTS],
    months,
    totalTurnover: cumulative,
    totalTaxDue: months.reduce((s, m) => s + (m.taxDue ?? 0), 0),
    thresholdExceededIn: exceededIn,
  };
}
