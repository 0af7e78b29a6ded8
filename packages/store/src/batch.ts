import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import type { StoredItem } from './transaction';

/**
 * Puts many items, 25 per BatchWriteItem, retrying unprocessed ones. Not atomic: for derived data that
 * a re-run rewrites identically (so a crash half-way is repaired by running again).
 */
export async function putAll(db: Db, items: StoredItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending: { PutRequest: { Item: Record<string, unknown> } }[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt > 8) throw new Error('BatchWriteItem kept returning unprocessed items');
      const res = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: pending } }));
      pending = (res.UnprocessedItems?.[db.tableName] as typeof pending | undefined) ?? [];
      if (pending.length) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
}
