import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import type { Db } from './client';
import type { Key } from './keys';

const BATCH_GET_LIMIT = 100;

/**
 * Per-request loader of raw items by key over BatchGetItem: every `load` made in one tick becomes one
 * call (per 100 keys). Create one per request so a cached item never outlives the request.
 */
export function createItemLoader(db: Db): DataLoader<Key, Record<string, unknown> | undefined, string> {
  return new DataLoader<Key, Record<string, unknown> | undefined, string>(
    async (keys) => {
      const found = new Map<string, Record<string, unknown>>();
      let pending: Key[] = keys.map((k) => ({ pk: k.pk, sk: k.sk }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new Error('BatchGetItem kept returning unprocessed keys');
        const res = await db.doc.send(
          new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending, ConsistentRead: true } } }),
        );
        for (const item of res.Responses?.[db.tableName] ?? []) found.set(keyId(item as Key), item);
        pending = (res.UnprocessedKeys?.[db.tableName]?.Keys as Key[] | undefined) ?? [];
        if (pending.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      }
      return keys.map((k) => found.get(keyId(k)));
    },
    { maxBatchSize: BATCH_GET_LIMIT, cacheKeyFn: keyId },
  );
}

function keyId(k: Key): string {
  return `${k.pk}\u0000${k.sk}`;
}
