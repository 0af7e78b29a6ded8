import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, ensureTable, totalCalls, type Db } from '../src/index';
import { Transaction, type StoredItem } from '../src/transaction';

/** A fresh table of its own in the run's DynamoDB Local. */
export async function freshDb(): Promise<Db> {
  const db = createDb({ tableName: `test-${randomUUID()}`, endpoint: inject('dynamoDbEndpoint') });
  await ensureTable(db);
  return db;
}

/** Writes items through real transactions of at most 100 actions each. */
export async function seed(db: Db, items: StoredItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 100) {
    const tx = new Transaction(db);
    for (const item of items.slice(i, i + 100)) tx.create(item);
    await tx.commit();
  }
}

/** Calls of one command name (e.g. 'QueryCommand') so far. */
export function callsOf(db: Db, command: string): number {
  return db.calls.get(command) ?? 0;
}

/** Runs `fn` and returns how many DynamoDB calls it made, by name and in total. */
export async function countCalls<T>(db: Db, fn: () => Promise<T>): Promise<{ result: T; total: number; byName: Record<string, number> }> {
  const before = new Map(db.calls);
  const totalBefore = totalCalls(db);
  const result = await fn();
  const byName: Record<string, number> = {};
  for (const [name, n] of db.calls) {
    const d = n - (before.get(name) ?? 0);
    if (d > 0) byName[name] = d;
  }
  return { result, total: totalCalls(db) - totalBefore, byName };
}

export function pad(n: number, width = 3): string {
  return String(n).padStart(width, '0');
}

/** Deterministic shuffle (so insertion order is not sort order, yet runs are reproducible). */
export function shuffled<T>(xs: T[], seedValue = 42): T[] {
  const out = [...xs];
  let s = seedValue;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
