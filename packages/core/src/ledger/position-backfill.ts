import { ConditionFailed, Transaction, getItem, queryAll, skPrefix, type Db } from '@kkmp/store';
import { z } from 'zod';
import type { Chart } from './accounts';
import { ledgerPartition } from './keys';
import { positionDeltas, positionKey } from './position';

const balanceItem = z.object({ sk: z.string(), debit: z.number().int(), credit: z.number().int() });
const anyItem = z.record(z.string(), z.unknown());

/**
 * The position item of a cooperative whose books began before it existed: summed from the monthly balance
 * items (every posting is in one) and marked complete. Safe while the API serves: postings since the
 * deploy ADD to the item and count themselves in `n`; the item is read first and put only if `n` is still
 * what was read, so a posting that lands between the two reads fails the put and the sum is taken again.
 * Idempotent: a complete item is left alone. Answers whether it wrote. Run after every API runs this code
 * (a posting by older code would not count itself).
 */
export async function backfillPosition(db: Db, chart: Chart, coopId: string): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = await getItem(db, positionKey(coopId), anyItem);
    if (current?.complete === true) return false;
    const prefix = skPrefix('BM');
    const items = await queryAll(db, { partition: ledgerPartition(coopId), between: [prefix, `${prefix}~`] }, balanceItem);
    const moves = items.map((i) => {
      const [, month, account, segment] = i.sk.split('#') as [string, string, string, string];
      return { account, segment, date: month, debit: i.debit, credit: i.credit };
    });
    const n = typeof current?.n === 'number' ? current.n : 0;
    const item = { ...positionKey(coopId), type: 'LedgerPosition', coopId, complete: true, n, ...Object.fromEntries(positionDeltas(chart, moves)) };
    const unchanged = current ? { expression: '#n = :n', names: { '#n': 'n' }, values: { ':n': n } } : { expression: 'attribute_not_exists(pk)' };
    try {
      await new Transaction(db).put(item, unchanged).commit();
      return true;
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
    }
  }
  throw new Error(`position backfill of ${coopId}: postings kept landing; run it again`);
}
