import { BusinessRuleError, z, update, cond } from '@kkmp/plugin-sdk';
import type { WriteCtx } from '../context';
import { keys } from '../model/keys';

/** One use of a limited amount: a buyer's packs of SPHP rice this week, a farmer's urea this season. */
export interface QuotaUse {
  /** Key of the counter inside the unit, e.g. ['SPHP', '2026-W12', nik]. */
  key: string[];
  amount: number;
  limit: number;
  /** Stable rule code for the typed error, e.g. "BUYER_LIMIT". */
  rule: string;
  field: string;
  /** What is limited, for the messages ("SPHP rice, 5 kg packs, this week"). */
  what: { en: string; id: string };
  /**
   * The counter's `used` as the unit already read it in this attempt (strongly consistent), to spare a
   * second read: the write's condition still guards the race. Absent: consumeQuotas reads it.
   */
  used?: number;
}

/** What a sale took from a counter: keep it with the sale (hook data) and give it back on a void. */
export interface QuotaTaken {
  key: string[];
  amount: number;
}

const counterSchema = z.object({ used: z.number().int() });

/** The unit item key of a quota counter (QuotaUse.key), for a sale's prefetch to name in the first wave. */
export const quotaItemKey = (key: string[]): string[] => keys.quota(key);

/** Uses of one key are summed: a transaction may touch an item only once. */
function merge<T extends QuotaTaken>(uses: T[]): T[] {
  const merged = new Map<string, T>();
  for (const q of uses) {
    const id = q.key.join('\u0000');
    const m = merged.get(id);
    merged.set(id, m ? { ...m, amount: m.amount + q.amount } : { ...q });
  }
  return [...merged.values()];
}

/**
 * Takes amounts from per-key limits inside the sale's transaction: refuses with a typed error when a
 * use would pass its limit, and writes `ADD used` under a condition so two cashiers serving one buyer
 * at once cannot pass it together (the loser re-runs and is refused). Returns what it took, for the
 * sale to keep and a void to give back exactly (even if the limits have changed since).
 */
export async function consumeQuotas(u: WriteCtx, uses: QuotaUse[]): Promise<QuotaTaken[]> {
  const list = merge(uses);
  const unread = list.filter((q) => q.used === undefined);
  const counters = unread.length > 0 ? await u.store.getMany(counterSchema, unread.map((q) => keys.quota(q.key))) : [];
  const read = new Map(unread.map((q, i) => [q, counters[i]?.used ?? 0]));
  list.forEach((q) => {
    const used = q.used ?? read.get(q) ?? 0;
    const left = Math.max(0, q.limit - used);
    if (q.amount > left) {
      throw new BusinessRuleError(q.rule, `limit reached for ${q.what.en}: ${left} of ${q.limit} left`, `batas ${q.what.id} tercapai: sisa ${left} dari ${q.limit}`, {
        field: q.field,
        details: { limit: q.limit, used, remaining: left, requested: q.amount },
      });
    }
    u.writes.update(
      keys.quota(q.key),
      update().add('used', q.amount),
      cond.or(cond.notExists('used'), cond.le('used', q.limit - q.amount)),
    );
  });
  return list.map((q) => ({ key: q.key, amount: q.amount }));
}

/** Gives amounts back (a voided sale). */
export function releaseQuotas(u: WriteCtx, taken: QuotaTaken[]): void {
  for (const q of merge(taken)) u.writes.update(keys.quota(q.key), update().add('used', -q.amount));
}
