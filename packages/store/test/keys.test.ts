import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { part, pk, sk, skPrefix, tenantPrefix, type Tenant } from '../src/keys';
import { queryAll } from '../src/repository';
import type { Db } from '../src/client';
import { z } from 'zod';
import { freshDb, seed } from './helpers';

const tenants: Tenant[] = [{ kind: 'platform' }, { kind: 'city', cityId: 'c-1' }, { kind: 'coop', coopId: 'k-9' }];

describe('key codec', () => {
  it('every partition key starts with its tenant, whatever sub-parts follow', () => {
    expect(tenantPrefix({ kind: 'platform' })).toBe('PLATFORM');
    expect(tenantPrefix({ kind: 'city', cityId: 'c-1' })).toBe('CITY#c-1');
    expect(tenantPrefix({ kind: 'coop', coopId: 'k-9' })).toBe('COOP#k-9');
    for (const t of tenants) {
      expect(pk(t)).toBe(tenantPrefix(t));
      const withParts = pk(t, 'UNIT', 'savings', 'x1');
      expect(withParts.startsWith(`${tenantPrefix(t)}#`)).toBe(true);
      expect(withParts).toBe(`${tenantPrefix(t)}#UNIT#savings#x1`);
    }
  });

  it('tenants with different ids or kinds never share a partition', () => {
    const keys = [
      pk({ kind: 'platform' }),
      pk({ kind: 'city', cityId: 'a' }),
      pk({ kind: 'city', cityId: 'b' }),
      pk({ kind: 'coop', coopId: 'a' }),
      pk({ kind: 'coop', coopId: 'b' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('part() rejects the separator and empty parts, accepts anything else', () => {
    for (const bad of ['', '#', 'a#b', '#a', 'a#', '##']) {
      expect(() => part(bad), JSON.stringify(bad)).toThrow(/invalid key part/);
    }
    for (const ok of ['a', 'MEMBER', '3201012345678901', 'ü-ñ', ' ', 'a:b/c']) expect(part(ok)).toBe(ok);
  });

  it('every builder validates its parts, so a tenant id cannot smuggle in another tenant', () => {
    // 'x#COOP#victim' would otherwise produce a key inside another tenant's namespace.
    expect(() => pk({ kind: 'city', cityId: 'x#COOP#victim' })).toThrow(/invalid key part/);
    expect(() => pk({ kind: 'coop', coopId: '' })).toThrow(/invalid key part/);
    expect(() => tenantPrefix({ kind: 'coop', coopId: 'a#b' })).toThrow(/invalid key part/);
    expect(() => pk({ kind: 'platform' }, 'UNIT', 'a#b')).toThrow(/invalid key part/);
    expect(() => pk({ kind: 'platform' }, '')).toThrow(/invalid key part/);
    expect(() => sk('MEMBER', '')).toThrow(/invalid key part/);
    expect(() => sk('MEMBER', 'x#y')).toThrow(/invalid key part/);
    expect(() => skPrefix('MEMBER#')).toThrow(/invalid key part/);
    expect(() => skPrefix('')).toThrow(/invalid key part/);
  });

  it('sk joins parts; skPrefix ends with the separator', () => {
    expect(sk('MEMBER', 'm1')).toBe('MEMBER#m1');
    expect(sk('MEMBER')).toBe('MEMBER');
    expect(skPrefix('MEMBER')).toBe('MEMBER#');
    expect(skPrefix('PAYMENT', 'm1')).toBe('PAYMENT#m1#');
  });
});

describe('skPrefix against DynamoDB Local', () => {
  let db: Db;
  const tenant: Tenant = { kind: 'coop', coopId: 'k1' };
  const other: Tenant = { kind: 'coop', coopId: 'k2' };
  const schema = z.object({ pk: z.string(), sk: z.string() });

  beforeAll(async () => {
    db = await freshDb();
    const p = pk(tenant);
    await seed(db, [
      { pk: p, sk: sk('MEMBER', 'm1') },
      { pk: p, sk: sk('MEMBER', 'm2') },
      { pk: p, sk: sk('MEMBERX', 'm1') },
      { pk: p, sk: sk('MEMBERSHIP', 'm1') },
      { pk: p, sk: sk('MEMBER') },
      { pk: p, sk: sk('LOAN', 'm1') },
      { pk: pk(other), sk: sk('MEMBER', 'm3') },
    ]);
  });

  it('begins_with(skPrefix(MEMBER)) matches MEMBER#… only, not MEMBERX or MEMBERSHIP', async () => {
    const items = await queryAll(db, { partition: pk(tenant), prefix: skPrefix('MEMBER') }, schema);
    expect(items.map((i) => i.sk)).toEqual(['MEMBER#m1', 'MEMBER#m2']);
  });

  it('the bare type name (without the separator) would have matched the wrong types: the query really discriminates', async () => {
    const res = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':p': pk(tenant), ':s': 'MEMBER' },
      }),
    );
    expect(res.Items?.map((i) => i.sk)).toEqual(['MEMBER', 'MEMBER#m1', 'MEMBER#m2', 'MEMBERSHIP#m1', 'MEMBERX#m1']);
  });

  it("a tenant's partition holds none of another tenant's items", async () => {
    const all = await queryAll(db, { partition: pk(tenant) }, schema);
    expect(all).toHaveLength(6);
    expect(all.every((i) => i.pk === 'COOP#k1')).toBe(true);
    const theirs = await queryAll(db, { partition: pk(other), prefix: skPrefix('MEMBER') }, schema);
    expect(theirs.map((i) => i.sk)).toEqual(['MEMBER#m3']);
  });
});
