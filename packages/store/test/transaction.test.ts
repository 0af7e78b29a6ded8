import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Db } from '../src/client';
import { totalCalls } from '../src/client';
import { ConditionFailed, TransactionTooLarge } from '../src/errors';
import { pk, sk, skPrefix, type Tenant } from '../src/keys';
import { getItem, queryAll } from '../src/repository';
import { MAX_TRANSACTION_ACTIONS, Transaction } from '../src/transaction';
import { callsOf, countCalls, freshDb, pad, seed } from './helpers';

const anyItem = z.object({ pk: z.string(), sk: z.string() }).loose();
const versioned = z.object({ pk: z.string(), sk: z.string(), version: z.number(), name: z.string() });

let db: Db;
let n = 0;
/** A tenant of its own per test, so tests cannot see each other's writes. */
function tenant(): Tenant {
  return { kind: 'coop', coopId: `tx${++n}` };
}
async function all(t: Tenant) {
  return queryAll(db, { partition: pk(t) }, anyItem);
}
async function raw(key: { pk: string; sk: string }) {
  return (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }))).Item;
}
async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  db = await freshDb();
});

describe('Transaction size limit', () => {
  it('more than 100 actions throws TransactionTooLarge before anything is sent', async () => {
    const t = tenant();
    const tx = new Transaction(db);
    for (let i = 0; i < MAX_TRANSACTION_ACTIONS + 1; i++) tx.create({ pk: pk(t), sk: sk('ITEM', pad(i)) });
    expect(tx.size).toBe(101);
    const before = totalCalls(db);
    const err = await rejection(tx.commit());
    expect(err).toBeInstanceOf(TransactionTooLarge);
    expect((err as TransactionTooLarge).actions).toBe(101);
    expect(totalCalls(db)).toBe(before);
    expect(await all(t)).toEqual([]);
  });

  it('exactly 100 actions commit in one TransactWriteItems call, all of them', async () => {
    const t = tenant();
    const tx = new Transaction(db);
    for (let i = 0; i < 100; i++) tx.create({ pk: pk(t), sk: sk('ITEM', pad(i)), i });
    const { total, byName } = await countCalls(db, () => tx.commit());
    expect(total).toBe(1);
    expect(byName).toEqual({ TransactWriteItemsCommand: 1 });
    const items = await all(t);
    expect(items).toHaveLength(100);
    expect(items.map((x) => x.i)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('an empty transaction sends nothing', async () => {
    const before = totalCalls(db);
    await new Transaction(db).commit();
    expect(totalCalls(db)).toBe(before);
  });
});

describe('Transaction atomicity and tagged conditions', () => {
  it('a failed create condition throws ConditionFailed with its tag and writes none of the other 99 actions', async () => {
    const t = tenant();
    await seed(db, [{ pk: pk(t), sk: sk('NIK', '3201'), owner: 'first' }]);
    const tx = new Transaction(db);
    for (let i = 0; i < 50; i++) tx.create({ pk: pk(t), sk: sk('ITEM', pad(i)) });
    tx.create({ pk: pk(t), sk: sk('NIK', '3201'), owner: 'second' }, 'nik-taken');
    for (let i = 50; i < 99; i++) tx.create({ pk: pk(t), sk: sk('ITEM', pad(i)) });
    expect(tx.size).toBe(100);
    const err = await rejection(tx.commit());
    expect(err).toBeInstanceOf(ConditionFailed);
    expect((err as ConditionFailed).failedTags).toEqual(['nik-taken']);
    const items = await all(t);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ sk: 'NIK#3201', owner: 'first' });
  });

  it('reports the tag of a failing check / put / update condition, and only the failing one', async () => {
    const t = tenant();
    await seed(db, [
      { pk: pk(t), sk: sk('COOP'), status: 'FORMED' },
      { pk: pk(t), sk: sk('COUNTER'), n: 5 },
    ]);
    const attempt = (status: string, counterAtMost: number) =>
      new Transaction(db)
        .check({ pk: pk(t), sk: sk('COOP') }, { expression: '#s = :s', names: { '#s': 'status' }, values: { ':s': status } }, 'coop-status')
        .update(
          { pk: pk(t), sk: sk('COUNTER') },
          { expression: 'SET n = n + :one', values: { ':one': 1 } },
          { expression: 'n < :max', values: { ':max': counterAtMost } },
          'counter-limit',
        )
        .put({ pk: pk(t), sk: sk('LOG', 'a') }, { expression: 'attribute_not_exists(pk)' }, 'log')
        .commit();

    const e1 = await rejection(attempt('OPERATING', 100));
    expect((e1 as ConditionFailed).failedTags).toEqual(['coop-status']);
    const e2 = await rejection(attempt('FORMED', 5));
    expect((e2 as ConditionFailed).failedTags).toEqual(['counter-limit']);
    const e3 = await rejection(attempt('OPERATING', 5));
    expect((e3 as ConditionFailed).failedTags.sort()).toEqual(['coop-status', 'counter-limit']);
    // Nothing of the failed attempts landed.
    expect((await raw({ pk: pk(t), sk: sk('COUNTER') }))?.n).toBe(5);
    expect(await raw({ pk: pk(t), sk: sk('LOG', 'a') })).toBeUndefined();

    await attempt('FORMED', 100);
    expect((await raw({ pk: pk(t), sk: sk('COUNTER') }))?.n).toBe(6);
    expect(await raw({ pk: pk(t), sk: sk('LOG', 'a') })).toBeDefined();
    // Now the put's own condition fails.
    const e4 = await rejection(attempt('FORMED', 100));
    expect((e4 as ConditionFailed).failedTags).toEqual(['log']);
    expect((await raw({ pk: pk(t), sk: sk('COUNTER') }))?.n).toBe(6);
  });

  it('an untagged failing action is reported by its position', async () => {
    const t = tenant();
    await seed(db, [{ pk: pk(t), sk: sk('A') }]);
    const tx = new Transaction(db).create({ pk: pk(t), sk: sk('B') }).create({ pk: pk(t), sk: sk('A') });
    const err = await rejection(tx.commit());
    expect((err as ConditionFailed).failedTags).toEqual(['action1']);
    expect(await raw({ pk: pk(t), sk: sk('B') })).toBeUndefined();
  });

  it('touching one item twice throws at once, naming the item, and sends nothing', async () => {
    const t = tenant();
    const key = { pk: pk(t), sk: sk('ITEM', '1') };
    const before = totalCalls(db);
    const tx = new Transaction(db).create({ ...key, a: 1 });
    expect(() => tx.update(key, { expression: 'SET a = :a', values: { ':a': 2 } })).toThrow(/touches COOP#tx\d+ \/ ITEM#1 twice/);
    expect(() => tx.put({ ...key })).toThrow(/twice/);
    expect(() => tx.check(key, { expression: 'attribute_exists(pk)' })).toThrow(/twice/);
    expect(() => tx.replace({ ...key }, 1)).toThrow(/twice/);
    expect(() => tx.create({ ...key })).toThrow(/twice/);
    // Same partition, other sort key; and same sort key, other partition: both are different items.
    tx.create({ pk: pk(t), sk: sk('ITEM', '2') }).create({ pk: pk(tenant()), sk: sk('ITEM', '1') });
    expect(tx.size).toBe(3);
    expect(totalCalls(db)).toBe(before);
  });
});

describe('optimistic versioning with replace', () => {
  it('a stale version fails with its tag and changes nothing; the current one succeeds and increments the version', async () => {
    const t = tenant();
    const key = { pk: pk(t), sk: sk('MEMBER', 'm1') };
    await new Transaction(db).create({ ...key, version: 1, name: 'Ani' }).commit();

    const stale = await rejection(new Transaction(db).replace({ ...key, name: 'Budi' }, 0, 'member-version').commit());
    expect(stale).toBeInstanceOf(ConditionFailed);
    expect((stale as ConditionFailed).failedTags).toEqual(['member-version']);
    expect(await getItem(db, key, versioned)).toEqual({ ...key, version: 1, name: 'Ani' });

    await new Transaction(db).replace({ ...key, name: 'Budi' }, 1, 'member-version').commit();
    expect(await getItem(db, key, versioned)).toEqual({ ...key, version: 2, name: 'Budi' });

    // The version read before the last write is now stale too.
    const again = await rejection(new Transaction(db).replace({ ...key, name: 'Citra' }, 1, 'member-version').commit());
    expect((again as ConditionFailed).failedTags).toEqual(['member-version']);
    await new Transaction(db).replace({ ...key, name: 'Citra', version: 999 }, 2).commit();
    // The version comes from expectedVersion, never from the item passed in.
    expect(await getItem(db, key, versioned)).toEqual({ ...key, version: 3, name: 'Citra' });
  });

  it('replace of a missing item fails (it never creates)', async () => {
    const t = tenant();
    const key = { pk: pk(t), sk: sk('MEMBER', 'ghost') };
    const err = await rejection(new Transaction(db).replace({ ...key, name: 'x' }, 0, 'ghost').commit());
    expect((err as ConditionFailed).failedTags).toEqual(['ghost']);
    expect(await raw(key)).toBeUndefined();
  });

  it('10 concurrent replaces of the same version: exactly one wins, the rest get ConditionFailed', async () => {
    const t = tenant();
    const key = { pk: pk(t), sk: sk('MEMBER', 'hot') };
    await new Transaction(db).create({ ...key, version: 1, name: 'start' }).commit();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        new Transaction(db)
          .replace({ ...key, name: `writer-${i}` }, 1, 'hot-version')
          // Each writer also creates its own audit item: it must land only for the winner.
          .create({ pk: pk(t), sk: sk('AUDIT', `w${i}`) })
          .commit(),
      ),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') {
        expect(r.reason).toBeInstanceOf(ConditionFailed);
        expect((r.reason as ConditionFailed).failedTags).toEqual(['hot-version']);
      }
    }
    expect(await getItem(db, key, versioned)).toEqual({ ...key, version: 2, name: `writer-${won[0]}` });
    const audits = await queryAll(db, { partition: pk(t), prefix: skPrefix('AUDIT') }, anyItem);
    expect(audits.map((a) => a.sk)).toEqual([`AUDIT#w${won[0]}`]);
    expect(callsOf(db, 'TransactWriteItemsCommand')).toBeGreaterThanOrEqual(11);
  });
});
