import { queryAll } from '@kkmp/store';
import { z } from 'zod';
import type { CoreContext } from '../context';
import { addMonths } from '../time';
import { ledgerPartition } from './keys';

const balanceItem = z.object({ sk: z.string(), debit: z.number().int(), credit: z.number().int() });

export interface Movement {
  account: string;
  segment: string;
  debit: number;
  credit: number;
}

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** The sort-key ranges of the balance items covering two dates: whole months monthly, partial months daily. */
function rangesOf(from: string, to: string): [string, string][] {
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  const ranges: [string, string][] = [];
  const dayRange = (a: string, b: string) => ranges.push([`BD#${a}`, `BD#${b}~`]);
  const monthRange = (a: string, b: string) => a <= b && ranges.push([`BM#${a}`, `BM#${b}~`]);
  if (fromMonth === toMonth) {
    if (from.endsWith('-01') && to === lastDay(toMonth)) monthRange(fromMonth, toMonth);
    else dayRange(from, to);
  } else {
    let firstFull = fromMonth;
    if (!from.endsWith('-01')) {
      dayRange(from, lastDay(fromMonth));
      firstFull = addMonths(fromMonth, 1);
    }
    let lastFull = toMonth;
    if (to !== lastDay(toMonth)) {
      dayRange(`${toMonth}-01`, to);
      lastFull = addMonths(toMonth, -1);
    }
    monthRange(firstFull, lastFull);
  }
  return ranges;
}

const contains = (outer: [string, string], inner: [string, string]) => outer[0] <= inner[0] && inner[1] <= outer[1];

/**
 * Debits and credits per account and unit between two dates (inclusive), from the maintained
 * balances: whole months from the monthly items, the partial months at either end from the daily ones.
 * The cost depends on accounts and months, never on how many entries were posted.
 */
export async function movements(ctx: CoreContext, coopId: string, from: string, to: string): Promise<Movement[]> {
  return (await movementsOver(ctx, coopId, [[from, to]]))[0]!;
}

/**
 * The movements of several periods at once, each range of balance items queried once: a range another
 * one holds (this year's months inside all months so far; today's days twice) is taken from its items.
 */
export async function movementsOver(ctx: CoreContext, coopId: string, periods: readonly [string, string][]): Promise<Movement[][]> {
  const partition = ledgerPartition(coopId);
  const wanted = periods.map(([from, to]) => (from > to ? [] : rangesOf(from, to)));
  const unique = [...new Map(wanted.flat().map((r) => [r.join('|'), r])).values()];
  const queried = unique.filter((r) => !unique.some((o) => o !== r && contains(o, r)));
  const results = await Promise.all(queried.map((between) => queryAll(ctx.db, { partition, between }, balanceItem)));
  const itemsIn = (r: [string, string]) => results[queried.findIndex((q) => contains(q, r))]!.filter((i) => i.sk >= r[0] && i.sk <= r[1]);
  return wanted.map((ranges) => sum(ranges.flatMap(itemsIn)));
}

function sum(items: z.output<typeof balanceItem>[]): Movement[] {
  const totals = new Map<string, Movement>();
  for (const item of items) {
    const [, , account, segment] = item.sk.split('#') as [string, string, string, string];
    const key = `${account}|${segment}`;
    const t = totals.get(key) ?? { account, segment, debit: 0, credit: 0 };
    t.debit += item.debit;
    t.credit += item.credit;
    totals.set(key, t);
  }
  return [...totals.values()];
}

/** Before any cooperative's books: "everything so far" starts here. */
export const EARLIEST = '1900-01-01';

/** Everything posted up to and including a date. */
export function movementsUpTo(ctx: CoreContext, coopId: string, date: string) {
  return movements(ctx, coopId, EARLIEST, date);
}
