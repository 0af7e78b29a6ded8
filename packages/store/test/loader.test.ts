import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/client';
import { pk, sk, type Key } from '../src/keys';
import { createItemLoader } from '../src/loader';
import { callsOf, countCalls, freshDb, pad, seed } from './helpers';

const P = pk({ kind: 'coop', coopId: 'load' });
const Q = pk({ kind: 'city', cityId: 'load' });
let db: Db;

beforeAll(async () => {
  db = await freshDb();
  await seed(db, [
    ...Array.from({ length: 200 }, (_, i) => ({ pk: P, sk: sk('ITEM', pad(i)), n: i })),
    { pk: Q, sk: sk('ITEM', '000'), n: -1 },
  ]);
});

const key = (i: number): Key => ({ pk: P, sk: sk('ITEM', pad(i)) });

describe('createItemLoader', () => {
  it('150 loads in one tick become 2 BatchGetItem calls; results in request order, missing keys undefined', async () => {
    const loader = createItemLoader(db);
    // 140 existing keys in a scrambled order, 10 missing ones (GONE#…) interleaved.
    const keys: Key[] = [];
    for (let i = 0; i < 150; i++) keys.push(i % 15 === 7 ? { pk: P, sk: sk('GONE', pad(i)) } : key((i * 37) % 200));
    expect(new Set(keys.map((k) => k.sk)).size).toBe(150);
    const { result, byName } = await countCalls(db, () => Promise.all(keys.map((k) => loader.load(k))));
    expect(byName).toEqual({ BatchGetItemCommand: 2 });
    expect(result).toHaveLength(150);
    result.forEach((item, i) => {
      const k = keys[i]!;
      if (k.sk.startsWith('GONE#')) expect(item, k.sk).toBeUndefined();
      else expect(item, k.sk).toEqual({ ...k, n: Number(k.sk.slice(5)) });
    });
    expect(result.filter((x) => x === undefined)).toHaveLength(10);
  });

  it('a key beyond DynamoDB\'s key size (a 2 MB value from a caller) names no item: undefined, and the batch still answers', async () => {
    const loader = createItemLoader(db);
    const huge: Key = { pk: P, sk: sk('NIK', '1'.repeat(2_000_000)) };
    const { result, byName } = await countCalls(db, () => Promise.all([loader.load(huge), loader.load(key(3))]));
    expect(result).toEqual([undefined, { ...key(3), n: 3 }]);
    expect(byName).toEqual({ BatchGetItemCommand: 1 });
  });

  it('the same partition/sort key in another tenant is another item', async () => {
    const loader = createItemLoader(db);
    const [a, b] = await Promise.all([loader.load({ pk: P, sk: 'ITEM#000' }), loader.load({ pk: Q, sk: 'ITEM#000' })]);
    expect(a?.n).toBe(0);
    expect(b?.n).toBe(-1);
  });

  it('cache hits (found and missing alike) make no call; duplicates in one tick are fetched once', async () => {
    const loader = createItemLoader(db);
    const before = callsOf(db, 'BatchGetItemCommand');
    const first = await Promise.all([loader.load(key(1)), loader.load(key(1)), loader.load(key(2)), loader.load(key(999))]);
    expect(callsOf(db, 'BatchGetItemCommand')).toBe(before + 1);
    expect(first.map((x) => x?.n)).toEqual([1, 1, 2, undefined]);

    const { result, total } = await countCalls(db, () => loader.loadMany([key(2), key(999), key(1)]));
    expect(total).toBe(0);
    expect(result.map((x) => (x instanceof Error ? 'error' : x?.n))).toEqual([2, undefined, 1]);

    // Keys are compared by value (pk + sk): a full item, or a fresh object, hits the cache too.
    const { total: again } = await countCalls(db, () => loader.load({ ...key(1), n: 1, extra: true } as Key));
    expect(again).toBe(0);
  });

  it('exactly 100 keys fit one call; 101 need two', async () => {
    const l1 = createItemLoader(db);
    const one = await countCalls(db, () => Promise.all(Array.from({ length: 100 }, (_, i) => l1.load(key(i)))));
    expect(one.byName).toEqual({ BatchGetItemCommand: 1 });
    const l2 = createItemLoader(db);
    const two = await countCalls(db, () => Promise.all(Array.from({ length: 101 }, (_, i) => l2.load(key(i)))));
    expect(two.byName).toEqual({ BatchGetItemCommand: 2 });
    expect(two.result.map((x) => x?.n)).toEqual(Array.from({ length: 101 }, (_, i) => i));
  });

  it('a loader caches for its lifetime (one per request); a new loader reads the current item', async () => {
    const old = createItemLoader(db);
    expect((await old.load(key(199)))?.n).toBe(199);
    await db.doc.send(new UpdateCommand({ TableName: db.tableName, Key: key(199), UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': 4242 } }));
    expect((await old.load(key(199)))?.n).toBe(199);
    expect((await createItemLoader(db).load(key(199)))?.n).toBe(4242);
  });
});
