import { z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import { maskNik, type SaleRefusal } from '@kkmp/commerce';
import type { LpgSettings } from '../settings';
import { checkPeriod } from './logbook';

/** A refused sale, kept for the report of refused attempts (the NIK masked: the log is for counting, not for tracing). */
export const refusalSchema = z.object({ date: z.string(), at: z.string(), rule: z.string(), nikMasked: z.string().optional() });
export type Refusal = z.output<typeof refusalSchema>;

/** Logs a refused sale at once, outside the sale's discarded transaction. */
export async function logRefusal(refusal: SaleRefusal, u: UnitMutationContext<LpgSettings>): Promise<void> {
  const nik = refusal.buyerNik?.replace(/[\s.-]/g, '');
  const item: Refusal = { date: refusal.date, at: u.now().toISOString(), rule: refusal.rule, ...(nik && /^\d{16}$/.test(nik) ? { nikMasked: maskNik(nik) } : {}) };
  await u.derived.putAll([{ key: ['REFUSAL', refusal.date, u.newId()], item }]);
}

export interface RefusalCount {
  rule: string;
  count: number;
}

/** Refused attempts per reason (NOT_REGISTERED, BENEFICIARY_BLOCKED, BUYER_LIMIT, ...) over a period. */
export async function refusalsByReason(u: UnitContext<LpgSettings>, from: string, to: string): Promise<RefusalCount[]> {
  checkPeriod(from, to);
  const counts = new Map<string, number>();
  let after: string | undefined;
  for (;;) {
    const page = await u.store.range(refusalSchema, ['REFUSAL', from], ['REFUSAL', `${to}~`], { first: 100, ...(after ? { after } : {}) });
    for (const r of page.items) counts.set(r.rule, (counts.get(r.rule) ?? 0) + 1);
    if (!page.hasNextPage || !page.endCursor) break;
    after = page.endCursor;
  }
  return [...counts].map(([rule, count]) => ({ rule, count })).sort((a, b) => a.rule.localeCompare(b.rule));
}
