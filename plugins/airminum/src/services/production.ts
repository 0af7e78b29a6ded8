import { update, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import { addDays } from './dates';

/**
 * Litres produced: a running total (what maintenance by litres counts against) and one counter per
 * business date, both added to in each sale's transaction.
 */
export const LITRES_TOTAL = ['LITRES', 'TOTAL'];
export const litresOfDay = (date: string) => ['LITRES', 'DAY', date];
export const litresSchema = z.object({ litres: z.number().int().default(0) });

export async function litresTotal(u: UnitContext<unknown>): Promise<number> {
  return (await u.store.get(litresSchema, ...LITRES_TOTAL))?.litres ?? 0;
}

/** Adds (or, for a void, takes back) litres to the total and to the day's counter. */
export function addLitres(u: UnitMutationContext<unknown>, date: string, litres: number): void {
  if (litres === 0) return;
  u.writes.update(LITRES_TOTAL, update().add('litres', litres));
  u.writes.update(litresOfDay(date), update().add('litres', litres));
}

/** The total as it stood at the end of a date: today's total less what later business dates produced (bounded by the backdating window). */
export async function litresAsOf(u: UnitContext<unknown>, date: string, total?: number): Promise<number> {
  const now = total ?? (await litresTotal(u));
  if (date >= u.today()) return now;
  let later = 0;
  let after: string | undefined;
  for (;;) {
    const page = await u.store.range(litresSchema, litresOfDay(addDays(date, 1)), litresOfDay(`${u.today()}~`), { first: 100, ...(after ? { after } : {}) });
    later += page.items.reduce((n, d) => n + d.litres, 0);
    if (!page.hasNextPage || !page.endCursor) return now - later;
    after = page.endCursor;
  }
}
