import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/client';
import { ConditionFailed } from '../src/errors';
import {
  IDEMPOTENCY_TAG,
  IDEMPOTENCY_TTL_SECONDS,
  addIdempotencyRecord,
  digest,
  idempotencyKey,
  readIdempotencyRecord,
  stableJson,
} from '../src/idempotency';
import { pk, sk, type Tenant } from '../src/keys';
import { Transaction } from '../src/transaction';
import { freshDb } from './helpers';

describe('stableJson and digest', () => {
  it('do not depend on object key order, at any depth', () => {
    const a = { name: 'Ani', nik: '3201', address: { rt: '01', rw: '02', city: { id: 'c1', name: 'Bogor' } }, tags: [{ x: 1, y: 2 }, 'z'] };
    const b = { tags: [{ y: 2, x: 1 }, 'z'], address: { city: { name: 'Bogor', id: 'c1' }, rw: '02', rt: '01' }, nik: '3201', name: 'Ani' };
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(stableJson(a)).toBe(stableJson(b));
    expect(stableJson(a)).toBe(
      '{"address":{"city":{"id":"c1","name":"Bogor"},"rt":"01","rw":"02"},"name":"Ani","nik":"3201","tags":[{"x":1,"y":2},"z"]}',
    );
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('differ when values, array order or nesting differ', () => {
    const base = digest({ a: 1, b: [1, 2] });
    expect(digest({ a: 2, b: [1, 2] })).not.toBe(base);
    expect(digest({ a: 1, b: [2, 1] })).not.toBe(base);
    expect(digest({ a: 1, b: [1, 2], c: null })).not.toBe(base);
    expect(digest({ a: '1', b: [1, 2] })).not.toBe(base);
    expect(digest({ a: { b: 1 } })).not.toBe(digest({ 'a.b': 1 }));
    // undefined members are dropped, as JSON does.
    expect(digest({ a: 1, b: [1, 2], c: undefined })).toBe(base);
  });
});

describe('idempotencyKey', () => {
  const coop: Tenant = { kind: 'coop', coopId: 'k1' };
  it("lives in the tenant's partition and accepts any client string as key", () => {
    const k = idempotencyKey(coop, 'retry#1/ü ñ');
    expect(k.pk).toBe(pk(coop));
    expect(k.sk).toMatch(/^IDEM#[A-Za-z0-9_-]{43}$/);
    expect(idempotencyKey(coop, 'retry#1/ü ñ')).toEqual(k);
    expect(idempotencyKey(coop, 'retry#2').sk).not.toBe(k.sk);
    const other = idempotencyKey({ kind: 'coop', coopId: 'k2' }, 'retry#1/ü ñ');
    expect(other.pk).not.toBe(k.pk);
    expect(other.sk).toBe(k.sk);
  });
});

describe('idempotency records in DynamoDB Local', () => {
  let db: Db;
  const coop: Tenant = { kind: 'coop', coopId: 'idem' };
  beforeAll(async () => {
    db = await freshDb();
  });

  it('is written with the mutation; a second use of the key fails with IDEMPOTENCY_TAG and writes nothing', async () => {
    const key = idempotencyKey(coop, 'client-key-1');
    const now = new Date();
    const input = { name: 'Ani', nik: '3201' };
    const tx1 = new Transaction(db).create({ pk: pk(coop), sk: sk('MEMBER', 'm1'), name: 'Ani' });
    addIdempotencyRecord(tx1, key, { operation: 'registerMember', inputDigest: digest(input), result: { id: 'm1' } }, now);
    expect(tx1.size).toBe(2);
    await tx1.commit();

    const record = await readIdempotencyRecord(db, key);
    expect(record).toEqual({ operation: 'registerMember', inputDigest: digest({ nik: '3201', name: 'Ani' }), result: { id: 'm1' }, createdAt: now.toISOString() });
    const stored = (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }))).Item!;
    expect(stored.type).toBe('Idempotency');
    expect(stored.expiresAt).toBe(Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS);
    const sevenDays = Date.now() / 1000 + 7 * 24 * 3600;
    expect(Math.abs((stored.expiresAt as number) - sevenDays)).toBeLessThan(60);

    const tx2 = new Transaction(db).create({ pk: pk(coop), sk: sk('MEMBER', 'm2'), name: 'Ani again' });
    addIdempotencyRecord(tx2, key, { operation: 'registerMember', inputDigest: digest(input), result: { id: 'm2' } }, new Date());
    const err = await tx2.commit().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConditionFailed);
    expect((err as ConditionFailed).failedTags).toEqual([IDEMPOTENCY_TAG]);
    expect((await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk: pk(coop), sk: sk('MEMBER', 'm2') } }))).Item).toBeUndefined();
    // The first record is untouched.
    expect((await readIdempotencyRecord(db, key))?.result).toEqual({ id: 'm1' });
  });

  it('the same client key in another tenant is another record', async () => {
    const other: Tenant = { kind: 'coop', coopId: 'idem-other' };
    const tx = new Transaction(db);
    addIdempotencyRecord(tx, idempotencyKey(other, 'client-key-1'), { operation: 'registerMember', inputDigest: 'd', result: null }, new Date());
    await tx.commit();
    expect((await readIdempotencyRecord(db, idempotencyKey(other, 'client-key-1')))?.inputDigest).toBe('d');
  });

  it('reading an unknown key gives undefined', async () => {
    expect(await readIdempotencyRecord(db, idempotencyKey(coop, 'never-used'))).toBeUndefined();
  });
});
