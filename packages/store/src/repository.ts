import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { Db } from './client';
import type { GlobalIndexName } from './table';
import type { Key } from './keys';
import { renderCondition, type Condition } from './expressions';

/** Read one item and parse it; undefined when absent. A stored item that fails its schema is a bug: throw. */
export async function getItem<S extends z.ZodType>(
  db: Db,
  key: Key,
  schema: S,
  opts: { consistent?: boolean } = {},
): Promise<z.output<S> | undefined> {
  const res = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: opts.consistent ?? true }),
  );
  return res.Item ? parseItem(schema, res.Item) : undefined;
}

export function parseItem<S extends z.ZodType>(schema: S, item: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(item);
  if (!parsed.success) {
    throw new Error(`stored item ${String(item.pk)} / ${String(item.sk)} does not match its schema: ${parsed.error.message}`);
  }
  return parsed.data;
}

export interface PageRequest {
  /** At most this many items from the start (capped at 100). */
  first?: number;
  /** Opaque cursor: the items after it. */
  after?: string;
  /** At most this many items from the end, or from just before `before` (backward pagination). */
  last?: number;
  /** Opaque cursor: the items before it, in list order. */
  before?: string;
  /** Newest/highest sort key first. */
  descending?: boolean;
}

export interface Page<T> {
  /** In list order, also when paging backward. */
  items: T[];
  /** Cursor of each item, for Relay edges. */
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  endCursor: string | undefined;
}

export interface QuerySpec {
  index?: GlobalIndexName;
  partition: string;
  /** begins_with on the sort key. */
  prefix?: string;
  /** Sort key range, inclusive (instead of a prefix). */
  between?: [string, string];
  /** Only items matching this condition (a list's filter, e.g. status = ACTIVE). */
  filter?: Condition;
}

export const MAX_PAGE = 100;

/**
 * One page of a partition (optionally of an index). Cursors are the item's own keys, base64url-encoded,
 * so a page boundary survives inserts and deletes in between. Backward pages (`last`, `before`) read the
 * partition the other way from the cursor and are turned round, so items always come in list order.
 */
export async function queryPage<S extends z.ZodType>(
  db: Db,
  spec: QuerySpec,
  schema: S,
  page: PageRequest = {},
): Promise<Page<z.output<S>>> {
  const backward = page.last != null || page.before != null;
  const limit = Math.min(Math.max((backward ? page.last : page.first) ?? 20, 1), MAX_PAGE);
  const cursor = backward ? page.before : page.after;
  const input: QueryCommandInput = {
    ...queryInput(db, spec),
    ScanIndexForward: !page.descending !== backward,
    // One extra item tells whether another page exists without a second round trip.
    Limit: limit + 1,
    ...(cursor ? { ExclusiveStartKey: startKey(cursor, spec) } : {}),
  };
  const raw = await readUpTo(db, input, limit + 1);
  const more = raw.length > limit;
  const pageItems = backward ? raw.slice(0, limit).reverse() : raw.slice(0, limit);
  const cursors = pageItems.map((item) => encodeCursor(cursorKey(item, spec.index)));
  return {
    items: pageItems.map((item) => parseItem(schema, item)),
    cursors,
    // Past a cursor there is at least the item the cursor names (Relay: "true if it can do so efficiently").
    hasNextPage: backward ? !!cursor : more,
    hasPreviousPage: backward ? more : !!cursor,
    endCursor: cursors.at(-1),
  };
}

/**
 * Items of a query up to `wanted`. DynamoDB applies Limit before a filter, so a filtered page may come back
 * short with more to read: read on from where it stopped until the page is full or the partition ends.
 */
async function readUpTo(db: Db, input: QueryCommandInput, wanted: number): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start = input.ExclusiveStartKey;
  do {
    const res = await db.doc.send(new QueryCommand({ ...input, ...(start ? { ExclusiveStartKey: start } : {}), Limit: input.FilterExpression ? Math.max(wanted - items.length, 50) : wanted - items.length }));
    items.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start && items.length < wanted);
  return items.slice(0, wanted);
}

/** How many items a query spec holds (its filter applied): DynamoDB counts them, sending none back. */
export async function queryCount(db: Db, spec: QuerySpec): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.doc.send(new QueryCommand({ ...queryInput(db, spec), Select: 'COUNT', ...(start ? { ExclusiveStartKey: start } : {}) }));
    count += res.Count ?? 0;
    start = res.LastEvaluatedKey;
  } while (start);
  return count;
}

/** Key condition of a query spec. Base-table reads are strongly consistent: decisions are made on them. */
function queryInput(db: Db, spec: QuerySpec): QueryCommandInput {
  const hashKey = spec.index ? `${spec.index}pk` : 'pk';
  const rangeKey = spec.index ? `${spec.index}sk` : 'sk';
  const condition: { expr: string; names: Record<string, string>; values: Record<string, unknown> } = spec.between
    ? { expr: '#h = :h AND #r BETWEEN :a AND :b', names: { '#h': hashKey, '#r': rangeKey }, values: { ':h': spec.partition, ':a': spec.between[0], ':b': spec.between[1] } }
    : spec.prefix
      ? { expr: '#h = :h AND begins_with(#r, :p)', names: { '#h': hashKey, '#r': rangeKey }, values: { ':h': spec.partition, ':p': spec.prefix } }
      : { expr: '#h = :h', names: { '#h': hashKey }, values: { ':h': spec.partition } };
  const filter = spec.filter ? renderCondition(spec.filter) : undefined;
  return {
    TableName: db.tableName,
    ...(spec.index ? { IndexName: spec.index } : { ConsistentRead: true }),
    KeyConditionExpression: condition.expr,
    ...(filter ? { FilterExpression: filter.expression } : {}),
    ExpressionAttributeNames: { ...condition.names, ...filter?.names },
    ExpressionAttributeValues: { ...condition.values, ...filter?.values },
  };
}

/**
 * Every item of a partition prefix or range (for bounded sets: a member's payments, a year of monthly
 * balances). Pages are DynamoDB's own (up to 1 MB), so small items cost one call per megabyte.
 */
export async function queryAll<S extends z.ZodType>(db: Db, spec: QuerySpec, schema: S): Promise<z.output<S>[]> {
  const out: z.output<S>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.doc.send(new QueryCommand({ ...queryInput(db, spec), ...(start ? { ExclusiveStartKey: start } : {}) }));
    for (const item of res.Items ?? []) out.push(parseItem(schema, item));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * A cursor is only valid for the query it came from: same partition (a cursor cannot lead into another
 * tenant), exactly the key attributes of that table or index, and a sort key inside the queried prefix.
 * Anything else is refused here rather than surfacing as a DynamoDB validation failure.
 */
function startKey(cursor: string, spec: QuerySpec): Record<string, unknown> {
  const key = decodeCursor(cursor);
  const hashKey = spec.index ? `${spec.index}pk` : 'pk';
  const rangeKey = spec.index ? `${spec.index}sk` : 'sk';
  const expected = spec.index ? ['pk', 'sk', hashKey, rangeKey] : ['pk', 'sk'];
  const names = Object.keys(key);
  if (names.length !== expected.length || !expected.every((n) => typeof key[n] === 'string')) throw new InvalidCursor();
  if (key[hashKey] !== spec.partition) throw new InvalidCursor();
  if (spec.prefix && !String(key[rangeKey]).startsWith(spec.prefix)) throw new InvalidCursor();
  if (spec.between && (String(key[rangeKey]) < spec.between[0] || String(key[rangeKey]) > spec.between[1])) throw new InvalidCursor();
  return key;
}

function cursorKey(item: Record<string, unknown>, index?: GlobalIndexName): Record<string, unknown> {
  const key: Record<string, unknown> = { pk: item.pk, sk: item.sk };
  if (index) {
    key[`${index}pk`] = item[`${index}pk`];
    key[`${index}sk`] = item[`${index}sk`];
  }
  return key;
}

export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export class InvalidCursor extends Error {
  constructor() {
    super('invalid pagination cursor');
    this.name = 'InvalidCursor';
  }
}

export function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value);
      if (entries.length > 0 && entries.every(([, v]) => typeof v === 'string')) return value as Record<string, unknown>;
    }
  } catch {
    // fall through
  }
  throw new InvalidCursor();
}
