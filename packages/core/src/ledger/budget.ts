import { getItem, queryAll, sk, skPrefix } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from '../authorize';
import type { CoreContext } from '../context';
import { getCooperative } from '../cooperative';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors';
import { RETRY_TAG, audited, coopOf, runMutation } from '../mutation';
import { localDate } from '../time';
import { idempotencyKeyField, isoDate, msg, parseInput, text } from '../validation';
import type { AccountKind, Chart } from './accounts';
import { isCashFlowAccount, ledgerPartition } from './keys';
import { checkYear, monthOf, monthlyMovements, yearField } from './year';

/**
 * RAPBK (Rencana Anggaran Pendapatan dan Belanja Koperasi): the year's budget per account and unit, in
 * twelve monthly amounts, approved by the members' meeting (RAT). A budget is a DRAFT the managers may
 * replace until the meeting's approval is recorded; an approved version is read-only, and a revision is
 * a new version (the old one stays as it was approved). Budget against actual reads the maintained
 * monthly balances only, never the journal. The final income tax estimate is in ./tax.
 */

export const BUDGET_STATUSES = ['DRAFT', 'APPROVED'] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

/** One item per version holds every line: 500 lines of 12 amounts stay far below DynamoDB's 400 KB. */
export const MAX_BUDGET_LINES = 500;
/** Rp1 trillion per line per month: every total of a budget (500 x 12 amounts) stays a safe integer. */
export const MAX_MONTHLY_BUDGET = 1_000_000_000_000;
/** Same shape as a unit id (see the plugin SDK). */
const UNIT_ID = /^[a-z][a-z0-9]{1,23}$/;

const budgetKey = (coopId: string, year: number, version: number) => ({
  pk: ledgerPartition(coopId),
  sk: sk('BUDGET', String(year), String(version).padStart(4, '0')),
});
const budgetYearPrefix = (year: number) => skPrefix('BUDGET', String(year));
const tenant = (coopId: string) => ({ kind: 'coop', coopId }) as const;

const budgetLineSchema = z.object({ account: z.string(), unitId: z.string().optional(), months: z.array(z.number().int()).length(12) });
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const budgetSchema = z.object({
  coopId: z.string(),
  year: z.number().int(),
  /** 1 for the RAPBK as first drafted; each revision after an approval is the next version. */
  version: z.number().int(),
  status: z.enum(BUDGET_STATUSES),
  lines: z.array(budgetLineSchema),
  notes: z.string().optional(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** Optimistic-concurrency counter of the draft's replacements. */
  edits: z.number().int(),
  approval: z
    .object({
      /** Date of the members' meeting (RAT) that approved it. */
      meetingDate: z.string(),
      /** The meeting's reference, e.g. the decision number in its minutes. */
      ratReference: z.string(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    })
    .optional(),
});
export type Budget = z.infer<typeof budgetSchema>;

const monthlyAmount = z
  .number()
  .int(msg('must be whole rupiah', 'harus rupiah bulat'))
  .min(0, msg('must not be negative', 'tidak boleh negatif'))
  .max(MAX_MONTHLY_BUDGET, msg('at most Rp1 trillion a month', 'paling banyak Rp1 triliun per bulan'));

const budgetLineInput = (chart: Chart) =>
  z.object({
    account: z
      .string()
      .trim()
      .min(1, msg('must not be empty', 'tidak boleh kosong'))
      .refine((code) => !!chart.get(code), { error: (iss) => msg(`unknown account ${String(iss.input)}`, `akun ${String(iss.input)} tidak dikenal`) }),
    unitId: z.string().regex(UNIT_ID, msg('is not a unit id', 'bukan id unit')).optional().nullable(),
    months: z.array(monthlyAmount).length(12, msg('needs 12 monthly amounts, January to December', 'perlu 12 angka bulanan, Januari s.d. Desember')),
  });
type BudgetLineInput = z.infer<ReturnType<typeof budgetLineInput>>;

/** Input of setBudget; account codes are checked against the chart of the API serving the request. */
export const setBudgetInput = (chart: Chart) => z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  year: yearField(),
  notes: text(1000).optional().nullable(),
  lines: z
    .array(budgetLineInput(chart))
    .min(1, msg('a budget needs at least one line', 'anggaran perlu minimal satu baris'))
    .max(MAX_BUDGET_LINES, msg(`at most ${MAX_BUDGET_LINES} lines`, `paling banyak ${MAX_BUDGET_LINES} baris`))
    .superRefine((lines, ctx) => {
      const seen = new Map<string, number>();
      lines.forEach((l, i) => {
        const key = `${l.account}|${l.unitId ?? ''}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else
          ctx.addIssue({
            code: 'custom',
            path: [i, 'account'],
            message: msg(`repeats line ${first} (same account and unit)`, `mengulang baris ${first} (akun dan unit sama)`),
          });
      });
    }),
});

export const approveBudgetInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  year: yearField(),
  /** The version the meeting approved: approving what one has read, not whatever the draft is now. */
  version: z.number().int().min(1, msg('must be 1 or more', 'harus 1 atau lebih')),
  meetingDate: isoDate,
  ratReference: text(200),
});

/** Every version of a year's budget, oldest first. */
async function loadVersions(ctx: CoreContext, coopId: string, year: number): Promise<Budget[]> {
  return queryAll(ctx.db, { partition: ledgerPartition(coopId), prefix: budgetYearPrefix(year) }, budgetSchema);
}

const budgetItem = (b: Budget) => ({ ...budgetKey(b.coopId, b.year, b.version), type: 'Budget', ...b });

/** Lines in a stable order (account, then consolidated before units), with empty unit ids dropped. */
function cleanLines(lines: BudgetLineInput[]): BudgetLine[] {
  return lines
    .map((l) => ({ account: l.account, ...(l.unitId ? { unitId: l.unitId } : {}), months: [...l.months] }))
    .sort((a, b) => a.account.localeCompare(b.account) || (a.unitId ?? '').localeCompare(b.unitId ?? ''));
}

/**
 * Sets the year's budget (manager). Replaces the current DRAFT whole; when the latest version is approved
 * (or there is none yet), starts the next version as a DRAFT. An approved version is never changed.
 */
async function setBudgetUnaudited(ctx: CoreContext, raw: unknown): Promise<Budget> {
  const input = parseInput(setBudgetInput(ctx.chart), raw);
  const p = await authorize(ctx, 'ledger:write', { coopId: input.cooperativeId });
  return runMutation(ctx, { operation: 'setBudget', tenant: tenant(input.cooperativeId), idempotencyKey: input.idempotencyKey, input, targetId: String(input.year) }, async (tx) => {
    await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
    const latest = (await loadVersions(ctx, input.cooperativeId, input.year)).at(-1);
    const now = ctx.clock.now().toISOString();
    const lines = cleanLines(input.lines);
    const notes = input.notes ? { notes: input.notes } : {};
    if (latest?.status === 'DRAFT') {
      const { notes: _old, ...rest } = latest;
      const next: Budget = { ...rest, ...notes, lines, updatedAt: now, updatedBy: p.userId, edits: latest.edits + 1 };
      // Another replacement or the approval in between re-runs this from fresh reads.
      tx.put(budgetItem(next), { expression: '#s = :draft AND edits = :e', names: { '#s': 'status' }, values: { ':draft': 'DRAFT', ':e': latest.edits } }, RETRY_TAG);
      return next;
    }
    const next: Budget = {
      coopId: input.cooperativeId,
      year: input.year,
      version: (latest?.version ?? 0) + 1,
      status: 'DRAFT',
      lines,
      ...notes,
      createdAt: now,
      createdBy: p.userId,
      updatedAt: now,
      updatedBy: p.userId,
      edits: 0,
    };
    tx.create(budgetItem(next), RETRY_TAG);
    return next;
  });
}

/** Records the members' meeting (RAT) that approved a draft version; from then on it is read-only. */
async function approveBudgetUnaudited(ctx: CoreContext, raw: unknown): Promise<Budget> {
  const input = parseInput(approveBudgetInput, raw);
  const p = await authorize(ctx, 'ledger:write', { coopId: input.cooperativeId });
  return runMutation(
    ctx,
    { operation: 'approveBudget', tenant: tenant(input.cooperativeId), idempotencyKey: input.idempotencyKey, input, targetId: `${input.year}-v${input.version}` },
    async (tx) => {
      const coop = await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
      if (input.meetingDate > localDate(ctx.clock.now(), coop.timeZone)) {
        throw ValidationError.field('input.meetingDate', 'the meeting cannot be in the future', 'rapat tidak boleh di masa depan');
      }
      const budget = await getItem(ctx.db, budgetKey(coop.id, input.year, input.version), budgetSchema);
      if (!budget) throw new NotFoundError('Budget', `${input.year} v${input.version}`, 'input.version');
      if (budget.status !== 'DRAFT') {
        throw new InvalidStateError(
          `version ${budget.version} of the ${budget.year} budget is already approved and read-only; set the budget again to start a revision`,
          `versi ${budget.version} anggaran ${budget.year} sudah disahkan dan tidak bisa diubah; simpan anggaran lagi untuk memulai revisi`,
        );
      }
      const now = ctx.clock.now().toISOString();
      const approval = { meetingDate: input.meetingDate, ratReference: input.ratReference, recordedBy: p.userId, recordedAt: now };
      tx.update(
        budgetKey(coop.id, budget.year, budget.version),
        { expression: 'SET #s = :approved, approval = :a, updatedAt = :t, updatedBy = :u', names: { '#s': 'status' }, values: { ':approved': 'APPROVED', ':a': approval, ':t': now, ':u': p.userId } },
        { expression: '#s = :draft AND edits = :e', names: { '#s': 'status' }, values: { ':draft': 'DRAFT', ':e': budget.edits } },
        RETRY_TAG,
      );
      return { ...budget, status: 'APPROVED' as const, approval, updatedAt: now, updatedBy: p.userId };
    },
  );
}

export const setBudget = audited('setBudget', coopOf(), setBudgetUnaudited);
export const approveBudget = audited('approveBudget', coopOf(), approveBudgetUnaudited);

/** One version of a year's budget, or the latest one (draft or approved) when no version is given. */
export async function getBudget(ctx: CoreContext, coopId: string, year: number, version?: number | null): Promise<Budget | undefined> {
  await authorize(ctx, 'ledger:read', { coopId });
  checkYear(year);
  if (version != null) {
    if (!Number.isSafeInteger(version) || version < 1) throw ValidationError.field('version', 'must be 1 or more', 'harus 1 atau lebih');
    return getItem(ctx.db, budgetKey(coopId, year, version), budgetSchema);
  }
  return (await loadVersions(ctx, coopId, year)).at(-1);
}

/** Every version of a year's budget, oldest first. */
export async function listBudgetVersions(ctx: CoreContext, coopId: string, year: number): Promise<Budget[]> {
  await authorize(ctx, 'ledger:read', { coopId });
  checkYear(year);
  return loadVersions(ctx, coopId, year);
}

// ---------------------------------------------------------------------------------------------------
// Budget against actual
// ---------------------------------------------------------------------------------------------------

export interface VarianceCell {
  budget: number;
  actual: number;
  /** actual - budget. */
  variance: number;
  /** variance / |budget| in basis points (1% = 100), rounded half away from zero; null when the budget is 0. */
  varianceBp: number | null;
}
export interface MonthVariance extends VarianceCell {
  /** YYYY-MM. */
  month: string;
}
export interface VarianceSeries {
  months: MonthVariance[];
  total: VarianceCell;
}
export interface BudgetVsActualRow extends VarianceSeries {
  account: string;
  name: { id: string; en: string };
  kind: AccountKind;
}
export interface BudgetVsActual {
  year: number;
  /** The unit compared, or null for the whole cooperative (every unit and the unsegmented lines). */
  unitId: string | null;
  /** Version compared against: the latest approved, else the latest draft; null without a budget. */
  budgetVersion: number | null;
  budgetStatus: BudgetStatus | null;
  rows: BudgetVsActualRow[];
  /** Revenue accounts together. */
  revenue: VarianceSeries;
  /** Expense accounts together. */
  expenses: VarianceSeries;
  /** Revenue - expenses (SHU before the year-end items). */
  surplus: VarianceSeries;
}

/** Round-half-away-from-zero of n / d for d > 0, in integers (BigInt: variance x 10,000 may pass 2^53). */
function divRound(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return neg ? -q : q;
}

export function basisPoints(variance: number, budget: number): number | null {
  if (budget === 0) return null;
  return Number(divRound(BigInt(variance) * 10_000n, BigInt(Math.abs(budget))));
}

const cell = (budget: number, actual: number): VarianceCell => ({ budget, actual, variance: actual - budget, varianceBp: basisPoints(actual - budget, budget) });

function series(year: number, budget: number[], actual: number[]): VarianceSeries {
  const months = budget.map((b, i) => ({ month: monthOf(year, i), ...cell(b, actual[i]!) }));
  return { months, total: cell(sum(budget), sum(actual)) };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** Budget that budget-vs-actual compares against: the latest approved version, else the latest draft. */
function budgetInForce(versions: Budget[]): Budget | undefined {
  return [...versions].reverse().find((v) => v.status === 'APPROVED') ?? versions.at(-1);
}

/**
 * Budget against actual per account and month for a year: the whole cooperative, or one unit's segment.
 * Actual amounts are in the account's normal direction (revenue: credits - debits; expenses: debits -
 * credits). Rows are the budgeted accounts plus every revenue or expense account that moved unbudgeted.
 */
export async function budgetVsActual(ctx: CoreContext, coopId: string, year: number, unitId?: string | null): Promise<BudgetVsActual> {
  await authorize(ctx, 'ledger:read', { coopId });
  checkYear(year);
  if (unitId && !UNIT_ID.test(unitId)) throw ValidationError.field('unitId', 'is not a unit id', 'bukan id unit');
  const [versions, monthly] = await Promise.all([loadVersions(ctx, coopId, year), monthlyMovements(ctx, coopId, year)]);
  const budget = budgetInForce(versions);
  const chart = ctx.chart;

  const budgetOf = new Map<string, number[]>();
  for (const line of budget?.lines ?? []) {
    if (unitId && line.unitId !== unitId) continue;
    const acc = budgetOf.get(line.account) ?? Array<number>(12).fill(0);
    line.months.forEach((v, i) => (acc[i]! += v));
    budgetOf.set(line.account, acc);
  }
  const actualOf = new Map<string, number[]>();
  monthly.forEach((ms, i) => {
    for (const m of ms) {
      if (isCashFlowAccount(m.account) || !chart.get(m.account)) continue;
      if (unitId && m.segment !== unitId) continue;
      const acc = actualOf.get(m.account) ?? Array<number>(12).fill(0);
      acc[i]! += (m.debit - m.credit) * chart.sign(m.account);
      actualOf.set(m.account, acc);
    }
  });

  const isResult = (code: string) => ['REVENUE', 'EXPENSE'].includes(chart.get(code)!.kind);
  const accounts = new Set([...budgetOf.keys(), ...[...actualOf.entries()].filter(([code, xs]) => isResult(code) && xs.some((x) => x !== 0)).map(([code]) => code)]);
  const zero = () => Array<number>(12).fill(0);
  const rows: BudgetVsActualRow[] = [...accounts].sort().map((code) => {
    const acc = chart.get(code)!;
    return { account: code, name: acc.name, kind: acc.kind, ...series(year, budgetOf.get(code) ?? zero(), actualOf.get(code) ?? zero()) };
  });

  const kindTotal = (kind: AccountKind, pick: (r: BudgetVsActualRow, i: number) => number) =>
    Array.from({ length: 12 }, (_, i) => rows.filter((r) => r.kind === kind).reduce((s, r) => s + (chart.get(r.account)!.contra ? -1 : 1) * pick(r, i), 0));
  const revBudget = kindTotal('REVENUE', (r, i) => r.months[i]!.budget);
  const revActual = kindTotal('REVENUE', (r, i) => r.months[i]!.actual);
  const expBudget = kindTotal('EXPENSE', (r, i) => r.months[i]!.budget);
  const expActual = kindTotal('EXPENSE', (r, i) => r.months[i]!.actual);
  return {
    year,
    unitId: unitId ?? null,
    budgetVersion: budget?.version ?? null,
    budgetStatus: budget?.status ?? null,
    rows,
    revenue: series(year, revBudget, revActual),
    expenses: series(year, expBudget, expActual),
    surplus: series(
      year,
      revBudget.map((b, i) => b - expBudget[i]!),
      revActual.map((a, i) => a - expActual[i]!),
    ),
  };
}
