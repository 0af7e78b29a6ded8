import DataLoader from 'dataloader';
import type { Db } from './client';
import type { Key } from './keys';
import { BATCH_GET_LIMIT, batchGet, keyId } from './batch-get';

/**
 * Per-request loader of raw items by key over BatchGetItem: every `load` made in one tick becomes one
 * call (per 100 keys). Create one per request so a cached item never outlives the request.
 */
export function createItemLoader(db: Db): DataLoader<Key, Record<string, unknown> | undefined, string> {
  return new DataLoader<Key, Record<string, unknown> | undefined, string>((keys) => batchGet(db, keys), {
    maxBatchSize: BATCH_GET_LIMIT,
    cacheKeyFn: keyId,
  });
}
