import { cond, update, z } from '@kkmp/plugin-sdk';
import type { WriteCtx } from './context';

const counterSchema = z.object({ value: z.number().int() });

/**
 * Human document numbers: PREFIX-YYYYMMDD-0001, counted per kind and local day. The counter is read by
 * key (in the document's first read wave when the caller starts this early) and taken in the document's
 * own transaction: no round trip of its own, and no gap when the document is refused. Two cashiers taking
 * the same number at once: one transaction fails its condition and re-runs from fresh reads with the next.
 */
export async function documentNumber(u: WriteCtx, prefix: string): Promise<string> {
  const day = u.today().replaceAll('-', '');
  const key = ['COUNTER', prefix, day];
  const current = await u.store.get(counterSchema, ...key);
  const n = (current?.value ?? 0) + 1;
  u.writes.update(key, update().set('value', n), current ? cond.eq('value', current.value) : cond.notExists('value'));
  return `${prefix}-${day}-${String(n).padStart(4, '0')}`;
}
