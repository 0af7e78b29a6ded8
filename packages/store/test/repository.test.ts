import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Db } from '../src/client';
import { pk, sk, skPrefix, type Tenant } from '../src/keys';
import { InvalidCursor, MAX_PAGE, decodeCursor, encodeCursor, getItem, queryAll, queryPage, type PageRequest, type QuerySpec } from '../src/repository';
import { callsOf, countCalls, freshDb, pad, seed, shuffled } from './helpers';

const COUNT = 250;
const mine: Tenant = { kind: 'coop', coopId: 'mine' };
const theirs: Tenant = { kind: 'coop', coopId: 'theirs' };
const P = pk(mine);
const BY_NAME = pk(mine, 'BYNAME');
const itemSchema = z.object({ pk: z.string(), sk: z.string(), n: z.number() });

let db: Db;
const ids = Array.from({ length: COUNT }, (_, i) => sk('ITEM', pad(i)));

beforeAll(async () => {
  db = await freshDb();
  const items = [
    // gsi1 sorts the items in the reverse order of the table (NAME#249 … first).
    ...ids.map((id, i) => ({ pk: P, sk: id, n: i, gsi1pk: BY_NAME, gsi1sk: sk('NAME', pad(COUNT - 1 - i)) })),
    // Other item types in the same partition, before and after ITEM in sort order.
    { pk: P, sk: sk('AAA', '1'), n: -1 },
    { pk: P, sk: sk('ZZZ', '1'), n: -2 },
    // Another tenant with the very same sort keys.
    ...ids.slice(0, 120).map((id, i) => ({ pk: pk(theirs), sk: id, n: 1000 + i, gsi1pk: pk(theirs, 'BYNAME'), gsi1sk: sk('NAME', pad(i)) })),
  ];
  await seed(db, shuffled(items));
});

/** Walks every page; returns the items in order, each page's size and hasNextPage. */
async function walk(spec: QuerySpec, req: Omit<PageRequest, 'after'>) {
  const seen: z.output<typeof itemSchema>[] = [];
  const pages: { size: number; hasNextPage: boolean }[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await queryPage(db, spec, itemSchema, { ...req, ...(after ? { after } : {}) });
    expect(page.cursors).toHaveLength(page.items.length);
    expect(page.endCursor).toBe(page.cursors.at(-1));
    seen.push(...page.items);
    pages.push({ size: page.items.length, hasNextPage: page.hasNextPage });
    if (!page.hasNextPage) return { seen, pages };
    after = page.endCursor;
  }
  throw new Error('pagination did not end');
}

describe('queryPage over the table', () => {
  it('first=100 walks 250 items exactly once, in sort order, with hasNextPage right on every page', async () => {
    const { seen, pages } = await walk({ partition: P, prefix: skPrefix('ITEM') }, { first: 100 });
    expect(pages).toEqual([
      { size: 100, hasNextPage: true },
      { size: 100, hasNextPage: true },
      { size: 50, hasNextPage: false },
    ]);
    expect(seen.map((i) => i.sk)).toEqual(ids);
    expect(new Set(seen.map((i) => i.sk)).size).toBe(COUNT);
  });

  it('a last page that is exactly full says hasNextPage: false (250 = 5 x 50)', async () => {
    const { seen, pages } = await walk({ partition: P, prefix: skPrefix('ITEM') }, { first: 50 });
    expect(pages.map((p) => p.size)).toEqual([50, 50, 50, 50, 50]);
    expect(pages.map((p) => p.hasNextPage)).toEqual([true, true, true, true, false]);
    expect(seen.map((i) => i.n)).toEqual(ids.map((_, i) => i));
  });

  it('descending walks the same items in reverse', async () => {
    const { seen, pages } = await walk({ partition: P, prefix: skPrefix('ITEM') }, { first: 100, descending: true });
    expect(pages.map((p) => p.size)).toEqual([100, 100, 50]);
    expect(seen.map((i) => i.sk)).toEqual([...ids].reverse());
  });

  it('without a prefix, the whole partition (other item types included) in sort order', async () => {
    const { seen } = await walk({ partition: P }, { first: 100 });
    expect(seen.map((i) => i.sk)).toEqual(['AAA#1', ...ids, 'ZZZ#1']);
  });

  it('first is capped at MAX_PAGE and defaults to 20', async () => {
    const big = await queryPage(db, { partition: P, prefix: skPrefix('ITEM') }, itemSchema, { first: 1000 });
    expect(big.items).toHaveLength(MAX_PAGE);
    expect(big.hasNextPage).toBe(true);
    const dflt = await queryPage(db, { partition: P, prefix: skPrefix('ITEM') }, itemSchema);
    expect(dflt.items.map((i) => i.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('each page is one Query call', async () => {
    const { byName } = await countCalls(db, () => walk({ partition: P, prefix: skPrefix('ITEM') }, { first: 100 }));
    expect(byName).toEqual({ QueryCommand: 3 });
  });

  it('a cursor resumes right after its item, even if that item was deleted in between (cursor = keys)', async () => {
    const part = pk({ kind: 'coop', coopId: 'resume' });
    await seed(db, Array.from({ length: 10 }, (_, i) => ({ pk: part, sk: sk('ITEM', pad(i)), n: i })));
    const first = await queryPage(db, { partition: part }, itemSchema, { first: 5 });
    expect(decodeCursor(first.endCursor!)).toEqual({ pk: part, sk: 'ITEM#004' });
    await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: { pk: part, sk: 'ITEM#004' } }));
    await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: { pk: part, sk: 'ITEM#005' } }));
    const next = await queryPage(db, { partition: part }, itemSchema, { first: 3, after: first.endCursor! });
    expect(next.items.map((i) => i.n)).toEqual([6, 7, 8]);
    expect(next.hasNextPage).toBe(true);
    const mid = await queryPage(db, { partition: part }, itemSchema, { first: 3, after: first.cursors[1]! });
    expect(mid.items.map((i) => i.n)).toEqual([2, 3, 6]);
  });
});

describe('cursors cannot cross partitions (tenancy)', () => {
  it("a cursor from another tenant's partition is rejected with InvalidCursor, before any query is sent", async () => {
    const theirPage = await queryPage(db, { partition: pk(theirs), prefix: skPrefix('ITEM') }, itemSchema, { first: 10 });
    expect(theirPage.endCursor).toBeDefined();
    const before = callsOf(db, 'QueryCommand');
    await expect(queryPage(db, { partition: P, prefix: skPrefix('ITEM') }, itemSchema, { after: theirPage.endCursor! })).rejects.toBeInstanceOf(InvalidCursor);
    expect(callsOf(db, 'QueryCommand')).toBe(before);
  });

  it('a forged cursor naming another partition is rejected the other way round too', async () => {
    const forged = encodeCursor({ pk: P, sk: 'ITEM#100' });
    await expect(queryPage(db, { partition: pk(theirs) }, itemSchema, { after: forged })).rejects.toBeInstanceOf(InvalidCursor);
    // The same cursor is fine in its own partition.
    const ok = await queryPage(db, { partition: P, prefix: skPrefix('ITEM') }, itemSchema, { first: 2, after: forged });
    expect(ok.items.map((i) => i.n)).toEqual([101, 102]);
  });

  it('garbage cursors are rejected with InvalidCursor', async () => {
    const garbage = [
      'not-a-cursor',
      '!!!!',
      Buffer.from('null').toString('base64url'),
      Buffer.from('[]').toString('base64url'),
      Buffer.from('"COOP#mine"').toString('base64url'),
      Buffer.from('{}').toString('base64url'),
      Buffer.from('{"pk":1,"sk":2}').toString('base64url'),
      Buffer.from('{"pk":"COOP#mine","sk":{"S":"x"}}').toString('base64url'),
      Buffer.from('{"pk":"COOP#mine"').toString('base64url'),
    ];
    for (const after of garbage) {
      await expect(queryPage(db, { partition: P }, itemSchema, { after }), after).rejects.toBeInstanceOf(InvalidCursor);
    }
  });

  it('a well-formed cursor of the right partition that is not a valid start key is rejected with InvalidCursor, not a DynamoDB ValidationException', async () => {
    // Each of these passes the partition check in startKey() and reaches DynamoDB, which answers with a
    // ValidationException; the GraphQL layer maps only InvalidCursor to a user error on `after`.
    const cases: [string, QuerySpec, Record<string, unknown>][] = [
      ['missing sk', { partition: P }, { pk: P }],
      ['extra attribute', { partition: P }, { pk: P, sk: 'ITEM#001', n: 'x' }],
      ['outside the prefix', { partition: P, prefix: skPrefix('ITEM') }, { pk: P, sk: 'ZZZ#1' }],
      ['gsi1 cursor without gsi1sk', { index: 'gsi1', partition: BY_NAME }, { pk: P, sk: 'ITEM#001', gsi1pk: BY_NAME }],
    ];
    const wrong: string[] = [];
    for (const [label, spec, key] of cases) {
      const err = await queryPage(db, spec, itemSchema, { after: encodeCursor(key) }).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(err instanceof InvalidCursor)) wrong.push(`${label}: ${err instanceof Error ? `${err.name}: ${err.message}` : 'no error'}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('queryPage over gsi1', () => {
  it('walks all 250 items once in gsi1 order, 100 per page', async () => {
    const { seen, pages } = await walk({ index: 'gsi1', partition: BY_NAME, prefix: skPrefix('NAME') }, { first: 100 });
    expect(pages).toEqual([
      { size: 100, hasNextPage: true },
      { size: 100, hasNextPage: true },
      { size: 50, hasNextPage: false },
    ]);
    expect(seen.map((i) => i.sk)).toEqual([...ids].reverse());
  });

  it('descending on gsi1 is table order', async () => {
    const { seen } = await walk({ index: 'gsi1', partition: BY_NAME }, { first: 100, descending: true });
    expect(seen.map((i) => i.sk)).toEqual(ids);
  });

  it('gsi1 cursors carry the index keys and stay in their index partition', async () => {
    const page = await queryPage(db, { index: 'gsi1', partition: BY_NAME }, itemSchema, { first: 1 });
    expect(decodeCursor(page.endCursor!)).toEqual({ pk: P, sk: 'ITEM#249', gsi1pk: BY_NAME, gsi1sk: 'NAME#000' });
    // Another tenant's index partition.
    const theirPage = await queryPage(db, { index: 'gsi1', partition: pk(theirs, 'BYNAME') }, itemSchema, { first: 5 });
    expect(theirPage.items.every((i) => i.n >= 1000)).toBe(true);
    await expect(queryPage(db, { index: 'gsi1', partition: BY_NAME }, itemSchema, { after: theirPage.endCursor! })).rejects.toBeInstanceOf(InvalidCursor);
    // A table cursor has no gsi1pk: not valid for the index, even of the same tenant.
    const tablePage = await queryPage(db, { partition: P }, itemSchema, { first: 1 });
    await expect(queryPage(db, { index: 'gsi1', partition: BY_NAME }, itemSchema, { after: tablePage.endCursor! })).rejects.toBeInstanceOf(InvalidCursor);
    // And an index cursor is not valid for the table partition named by its gsi1pk.
    await expect(queryPage(db, { partition: BY_NAME }, itemSchema, { after: page.endCursor! })).rejects.toBeInstanceOf(InvalidCursor);
  });
});

describe('queryAll and getItem', () => {
  it('queryAll returns every item of a prefix in order, in DynamoDB-sized (1 MB) pages', async () => {
    const { result, byName } = await countCalls(db, () => queryAll(db, { partition: P, prefix: skPrefix('ITEM') }, itemSchema));
    expect(result.map((i) => i.sk)).toEqual(ids);
    // 250 small items fit one 1 MB page: the call count follows the data size, not a page size of 100.
    expect(byName).toEqual({ QueryCommand: 1 });
  });

  it('queryAll over gsi1 and over an empty partition', async () => {
    const viaIndex = await queryAll(db, { index: 'gsi1', partition: BY_NAME }, itemSchema);
    expect(viaIndex.map((i) => i.n)).toEqual(ids.map((_, i) => COUNT - 1 - i));
    expect(await queryAll(db, { partition: pk({ kind: 'coop', coopId: 'empty' }) }, itemSchema)).toEqual([]);
  });

  it('parses every item with the schema and throws on an item that does not match', async () => {
    const strict = z.object({ pk: z.string(), sk: z.string(), n: z.number().nonnegative() });
    // AAA#1 has n = -1.
    await expect(queryAll(db, { partition: P }, strict)).rejects.toThrow(/AAA#1 does not match its schema/);
    const stripped = await queryPage(db, { partition: P, prefix: skPrefix('ITEM') }, z.object({ n: z.number() }), { first: 1 });
    expect(stripped.items).toEqual([{ n: 0 }]);
  });

  it('getItem reads one item, undefined when absent', async () => {
    expect(await getItem(db, { pk: P, sk: 'ITEM#007' }, itemSchema)).toEqual({ pk: P, sk: 'ITEM#007', n: 7 });
    expect(await getItem(db, { pk: pk(theirs), sk: 'ITEM#007' }, itemSchema)).toEqual({ pk: pk(theirs), sk: 'ITEM#007', n: 1007 });
    expect(await getItem(db, { pk: P, sk: 'ITEM#999' }, itemSchema)).toBeUndefined();
    await expect(getItem(db, { pk: P, sk: 'ZZZ#1' }, z.object({ n: z.string() }))).rejects.toThrow(/does not match its schema/);
  });
});
