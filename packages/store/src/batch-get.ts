import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import type { Key } from './keys';

export const BATCH_GET_LIMIT = 100;

/**
 * Strongly consistent reads of many keys with BatchGetItem (100 per call), retrying unprocessed keys.
 * Answers in the order of `keys`, `undefined` where no item exists.
 */
export async function batchGet(db: Db, keys: readonly Key[]): Promise<(Record<string, unknown> | undefined)[]> {
  const found = new Map<string, Record<string, unknown>>();
  // A key over DynamoDB's size limits names no item, and asking for it fails the whole batch.
  const unique = [...new Map(keys.filter(storable).map((k) => [keyId(k), { pk: k.pk, sk: k.sk }])).values()];
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
    let pending: Key[] = unique.slice(i, i + BATCH_GET_LIMIT);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('BatchGetItem kept returning unprocessed keys');
      const res = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending, ConsistentRead: true } } }));
      for (const item of res.Responses?.[db.tableName] ?? []) found.set(keyId(item as Key), item);
      pending = (res.UnprocessedKeys?.[db.tableName]?.Keys as Key[] | undefined) ?? [];
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
  return keys.map((k) => found.get(keyId(k)));
}

/** DynamoDB's key limits: a partition key of at most 2048 bytes, a sort key of at most 1024. */
function storable(k: Key): boolean {
  return Buffer.byteLength(k.pk) <= 2048 && Buffer.byteLength(k.sk) <= 1024;
}

export function keyId(k: Key): string {
  return `${k.pk}\u0000${k.sk}`;
}
