import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import type { StoredItem } from './transaction';
import type { Key } from './keys';

/**
 * Puts many items, 25 per BatchWriteItem, retrying unprocessed ones. Not atomic: for derived data that
 * a re-run rewrites identically (so a crash half-way is repaired by running again).
 */
export async function putAll(db: Db, items: StoredItem[]): Promise<void> {
  await writeAll(db, items.map((Item) => ({ PutRequest: { Item } })));
}

/** Deletes many items, 25 per BatchWriteItem; like putAll, for derived or temporary data only. */
export async function deleteAll(db: Db, keys: Key[]): Promise<void> {
  await writeAll(db, keys.map((k) => ({ DeleteRequest: { Key: { pk: k.pk, sk: k.sk } } })));
}

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

async function writeAll(db: Db, requests: WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: WriteRequest[] = requests.slice(i, i + 25);
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt > 8) throw new Error('BatchWriteItem kept returning unprocessed items');
      const res = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: pending } }));
      pending = (res.UnprocessedItems?.[db.tableName] as typeof pending | undefined) ?? [];
      if (pending.length) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
}
