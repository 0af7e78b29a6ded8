import type { CoreContext } from '../context';
import { loadCooperative } from '../cooperative';
import { localDate } from '../time';
import { positionKey, totalsFromPosition, type PositionTotals } from './position';
import { financialPosition, type Scope } from './statements';

export type FinancialPositionStatement = Awaited<ReturnType<typeof financialPosition>>;

/**
 * A financial position answered as lazily as it is asked: `totals` (the figures a city page shows) come
 * from the cooperative's position item, read by key with the request's other reads, when the date is
 * today or later (no business date may be after today, so every posting is in) and the item is complete;
 * otherwise, and for the account lines, from the balance items (`statement`, computed once).
 */
export interface PositionView {
  asOf: string;
  totals(): Promise<PositionTotals>;
  statement(): Promise<FinancialPositionStatement>;
}

const once = <T>(f: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
};

/** `lines`: the account lines will be asked for, so the totals come from the same statement (one read, consistent). */
export function positionView(ctx: CoreContext, scope: Scope, asOf: string, opts: { lines?: boolean } = {}): PositionView {
  const statement = once(() => financialPosition(ctx, scope, asOf));
  const totals = once(async () => (opts.lines ? undefined : await totalsByKey(ctx, scope, asOf)) ?? (await statement()));
  return { asOf, totals, statement };
}

/** The totals from the position item, or undefined when they may not hold (a past date, no complete item). */
export async function totalsByKey(ctx: CoreContext, scope: Scope, asOf: string): Promise<PositionTotals | undefined> {
  const [coop, item] = await Promise.all([loadCooperative(ctx, scope.coopId), ctx.items.load(positionKey(scope.coopId))]);
  if (!coop || asOf < localDate(ctx.clock.now(), coop.timeZone)) return undefined;
  return totalsFromPosition(item, asOf, scope.unitId);
}
