import { authorize } from '../authorize';
import type { CoreContext } from '../context';
import { ValidationError } from '../errors';
import { isoDate } from '../validation';
import { positionView } from './position-view';
import * as s from './statements';

/** Statements behind the ledger:read permission, with their date arguments checked. */
function dates(...pairs: [string, string][]) {
  for (const [field, value] of pairs) {
    if (!isoDate.safeParse(value).success) throw ValidationError.field(field, 'must be a date YYYY-MM-DD', 'harus tanggal TTTT-BB-HH');
  }
  if (pairs.length === 2 && pairs[0]![1] > pairs[1]![1]) throw ValidationError.field(pairs[1]![0], 'must not be before the start date', 'tidak boleh sebelum tanggal awal');
}

export async function getTrialBalance(ctx: CoreContext, scope: s.Scope, from: string, to: string) {
  await authorize(ctx, 'ledger:read', { coopId: scope.coopId });
  dates(['from', from], ['to', to]);
  return s.trialBalance(ctx, scope, from, to);
}

export async function getFinancialPosition(ctx: CoreContext, scope: s.Scope, asOf: string) {
  await authorize(ctx, 'ledger:read', { coopId: scope.coopId });
  dates(['asOf', asOf]);
  return s.financialPosition(ctx, scope, asOf);
}

/** The financial position as the API serves it: totals by key when they hold, lines only when asked (position-view.ts). */
export async function getPositionView(ctx: CoreContext, scope: s.Scope, asOf: string, opts: { lines?: boolean } = {}) {
  await authorize(ctx, 'ledger:read', { coopId: scope.coopId });
  dates(['asOf', asOf]);
  return positionView(ctx, scope, asOf, opts);
}

export async function getResults(ctx: CoreContext, scope: s.Scope, from: string, to: string) {
  await authorize(ctx, 'ledger:read', { coopId: scope.coopId });
  dates(['from', from], ['to', to]);
  return s.results(ctx, scope, from, to);
}

export async function getCashFlow(ctx: CoreContext, scope: s.Scope, from: string, to: string) {
  await authorize(ctx, 'ledger:read', { coopId: scope.coopId });
  dates(['from', from], ['to', to]);
  return s.cashFlow(ctx, scope, from, to);
}

export async function getChangesInEquity(ctx: CoreContext, scope: s.Scope, from: string, to: string) {
  await authorize(ctx, 'ledger:read', { coopId: scope.coopId });
  dates(['from', from], ['to', to]);
  return s.changesInEquity(ctx, scope, from, to);
}
