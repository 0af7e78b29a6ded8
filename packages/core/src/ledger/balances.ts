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

/**
 * Debits and credits per account and unit between two dates (inclusive), from the maintained
 * balances: whole months from the monthly items, the partial months at either end from the daily ones.
 * The cost depends on accounts and months, never on how many entries were posted.
 */
export async function movements(ctx: CoreContext, coopId: string, from: string, to: string): Promise<Movement[]> {
  if (from > to) return [];
  const partition = ledgerPartition(coopId);
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
  const totals = new Map<string, Movement>();
  const results = await Promise.all(ranges.map((between) => queryAll(ctx.db, { partition, between }, balanceItem)));
  for (const item of results.flat()) {
    const [, , account, segment] = item.sk.split('#') as [string, string, string, string];
    const key = `${account}|${segment}`;
    const t = totals.get(key) ?? { account, segment, debit: 0, credit: 0 };
    t.debit += item.debit;
    t.credit += item.credit;
    totals.set(key, t);
  }
  return [...totals.values()];
}

/** Everything posted up to and including a date. */
export function movementsUpTo(ctx: CoreContext, coopId: string, date: string) {
  return movements(ctx, coopId, '1900-01-01', date);
}
