import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { injectFaults, seededRandom } from '../src/faults';
import { Transaction, type Db } from '../src/index';
import { freshDb } from './helpers';

describe('injectFaults', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDb();
  });
  const put = (sk: string) => db.doc.send(new PutCommand({ TableName: db.tableName, Item: { pk: 'F', sk } }));
  const get = async (sk: string) => (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk: 'F', sk }, ConsistentRead: true }))).Item;

  it('a seeded generator repeats its sequence', () => {
    const [a, b] = [seededRandom(42), seededRandom(42)];
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(new Set(xs).size).toBe(5);
  });

  it('a fault after the call lets the write land and still fails the caller; before, nothing lands', async () => {
    const faults = injectFaults(db, { seed: 1, rate: 0 });
    try {
      faults.failNext('PutItem', 'timeout-after');
      await expect(put('after')).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(await get('after')).toEqual({ pk: 'F', sk: 'after' });
      faults.failNext('PutItem', 'reset-before');
      await expect(put('before')).rejects.toMatchObject({ code: 'ECONNRESET' });
      expect(await get('before')).toBeUndefined();
      expect(Object.fromEntries(faults.injected)).toEqual({ 'app:timeout-after': 1, 'app:reset-before': 1 });
    } finally {
      faults.remove();
    }
  });

  it('an injected transaction conflict is retried by the store, and a throttle reaches the caller', async () => {
    const faults = injectFaults(db, { seed: 2, rate: 0 });
    try {
      faults.failNext('TransactWriteItems', 'transaction-cancelled');
      await new Transaction(db).create({ pk: 'F', sk: 'tx' }).commit();
      expect(await get('tx')).toMatchObject({ pk: 'F', sk: 'tx' });
      faults.failNext('GetItem', 'throttle');
      await expect(get('tx')).rejects.toMatchObject({ name: expect.stringMatching(/ProvisionedThroughputExceededException|ThrottlingException/) });
    } finally {
      faults.remove();
    }
  });

  it('at a rate, faults both layers while on, none while off', async () => {
    const faults = injectFaults(db, { seed: 3, rate: 0.1 }); // writes: 0.3 a call
    try {
      for (let i = 0; i < 20; i++) await get('tx');
      expect(faults.total()).toBe(0);
      faults.enable(true);
      const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => put(`r${i}`)));
      faults.enable(false);
      expect(faults.total()).toBeGreaterThan(5);
      expect(results.some((r) => r.status === 'rejected'), 'the app layer reached the caller').toBe(true);
      expect([...faults.injected.keys()].some((k) => k.startsWith('sdk:'))).toBe(true);
      // The SDK retries its layer's faults, so most calls still succeed.
      expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(20);
    } finally {
      faults.remove();
    }
  }, 60_000);
});
