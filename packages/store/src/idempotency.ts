import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './client';
import { pk, sk, type Key, type Tenant } from './keys';
import { getItem, parseItem } from './repository';
import type { Transaction } from './transaction';

/** How long a key is remembered: long enough for any client retry, short enough to keep the table small. */
export const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;

const recordSchema = z.object({
  operation: z.string(),
  inputDigest: z.string(),
  result: z.unknown(),
  createdAt: z.string(),
});
export type IdempotencyRecord = z.infer<typeof recordSchema>;

export function idempotencyKey(tenant: Tenant, key: string): Key {
  // The client's key is hashed so any string is a safe key part, whatever characters it holds.
  return { pk: pk(tenant), sk: sk('IDEM', createHash('sha256').update(key).digest('base64url')) };
}

export function digest(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('base64url');
}

/** JSON with sorted object keys, so equal inputs digest equally whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export async function readIdempotencyRecord(db: Db, key: Key): Promise<IdempotencyRecord | undefined> {
  return getItem(db, key, recordSchema);
}

/** The record from an item read some other way (e.g. in a request's first batch of reads). */
export function parseIdempotencyRecord(item: Record<string, unknown> | undefined): IdempotencyRecord | undefined {
  return item ? parseItem(recordSchema, item) : undefined;
}

/** Adds the record to the transaction that performs the mutation, so the write and the record land together. */
export function addIdempotencyRecord(
  tx: Transaction,
  key: Key,
  record: Omit<IdempotencyRecord, 'createdAt'>,
  now: Date,
): void {
  tx.create(
    {
      ...key,
      type: 'Idempotency',
      ...record,
      createdAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
    },
    IDEMPOTENCY_TAG,
  );
}

export const IDEMPOTENCY_TAG = 'idempotency';
