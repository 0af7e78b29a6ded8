import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Db } from '../src/client';
import { ConditionFailed } from '../src/errors';
import { cond, update } from '../src/expressions';
import { pk, sk } from '../src/keys';
import { getItem } from '../src/repository';
import { Transaction } from '../src/transaction';
import { freshDb } from './helpers';

const anyItem = z.object({ pk: z.string(), sk: z.string() }).loose();

let db: Db;
let n = 0;
const key = () => ({ pk: pk({ kind: 'coop', coopId: `ex${++n}` }), sk: sk('STOCK', 'p1') });
const read = (k: { pk: string; sk: string }) => getItem(db, k, anyItem);

async function failure(p: Promise<unknown>): Promise<unknown> {
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

describe('typed expressions against DynamoDB Local', () => {
  it('an update creates, adds to, initialises and removes attributes, reserved words and dots included', async () => {
    const k = key();
    await new Transaction(db).update(k, update().set('status', 'OPEN').add('value', 1500).add('quantity', 3).set('a.b', 'dotted').set('hold', true)).commit();
    await new Transaction(db).update(k, update().add('quantity', -1).setIfNotExists('status', 'IGNORED').setIfNotExists('since', '2026-03-01').remove('hold')).commit();
    expect(await read(k)).toEqual({ ...k, status: 'OPEN', value: 1500, quantity: 2, 'a.b': 'dotted', since: '2026-03-01' });
  });

  it('a condition that holds lets the write land; one that fails cancels it with its tag and changes nothing', async () => {
    const k = key();
    await new Transaction(db).update(k, update().add('quantity', 5).set('costEpoch', 1)).commit();
    const enough = (q: number) => cond.and(cond.ge('quantity', q), cond.eq('costEpoch', 1));
    await new Transaction(db).update(k, update().add('quantity', -4), enough(4), 'stock').commit();
    const err = await failure(new Transaction(db).update(k, update().add('quantity', -2), enough(2), 'stock').commit());
    expect(err).toBeInstanceOf(ConditionFailed);
    expect((err as ConditionFailed).failedTags).toEqual(['stock']);
    expect(await read(k)).toMatchObject({ quantity: 1 });
  });

  it('OR and NOT mean what they say (a quota: no usage yet, or room left)', async () => {
    const k = key();
    const take = (amount: number, limit: number) =>
      new Transaction(db).update(k, update().add('used', amount), cond.or(cond.notExists('used'), cond.le('used', limit - amount)), 'quota').commit();
    await take(7, 10);
    await take(3, 10);
    expect(await failure(take(1, 10))).toBeInstanceOf(ConditionFailed);
    expect(await read(k)).toMatchObject({ used: 10 });
    await new Transaction(db).check(k, cond.not(cond.exists('closed'))).commit();
    await new Transaction(db).check(k, cond.not(cond.ne('used', 10))).commit();
    expect(await failure(new Transaction(db).check(k, cond.not(cond.eq('used', 10)), 'not').commit())).toMatchObject({ failedTags: ['not'] });
    await new Transaction(db).delete(k, cond.eq('used', 10)).commit();
    expect(await read(k)).toBeUndefined();
  });
});
