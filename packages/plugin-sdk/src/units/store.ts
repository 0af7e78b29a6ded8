import { Transaction, batchGet, deleteAll, getItem, nextNumber, parseItem, pk, putAll, queryAll, queryPage, sk, skPrefix, type Db, type Key, type Page, type PageRequest } from '@kkmp/store';
import type { z } from 'zod';

/**
 * Storage handed to a unit: every key it can name lies in the partition of (its cooperative, itself).
 * The unit passes only sort-key parts; the partition is fixed here, and key parts cannot contain the
 * separator, so no value a plugin passes can reach another tenant's or another unit's items.
 */
export interface UnitStore {
  get<S extends z.ZodType>(schema: S, ...key: string[]): Promise<z.output<S> | undefined>;
  /** Many items by key in one round trip (strongly consistent), in the order asked. */
  getMany<S extends z.ZodType>(schema: S, keys: string[][]): Promise<(z.output<S> | undefined)[]>;
  /** One page of items whose key starts with the given parts. */
  page<S extends z.ZodType>(schema: S, prefix: string[], page?: PageRequest): Promise<Page<z.output<S>>>;
  /** All items under a prefix (for bounded sets). */
  all<S extends z.ZodType>(schema: S, prefix: string[]): Promise<z.output<S>[]>;
  /** Items whose key lies between two keys, inclusive (e.g. ['SALE', '2026-03-01'] .. ['SALE', '2026-03-31~']). */
  range<S extends z.ZodType>(schema: S, from: string[], to: string[], page?: PageRequest): Promise<Page<z.output<S>>>;
}

/** Writes of a unit, added to the mutation's single DynamoDB transaction. */
export interface UnitWrites {
  /** New item; fails the whole mutation with `conflictTag` if it exists. */
  create(key: string[], item: Record<string, unknown>, conflictTag?: string): void;
  put(key: string[], item: Record<string, unknown>): void;
  /** Replace an item read at `version` (optimistic concurrency; a conflict re-runs the mutation). */
  replace(key: string[], item: Record<string, unknown>, version: number): void;
  /** Atomic update; `condition` failing re-runs the mutation (or fails it with `conflictTag`). */
  update(
    key: string[],
    update: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
    condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
    conflictTag?: string,
  ): void;
  /** Deletes an item (derived or temporary data; business records are reversed, not deleted). */
  delete(key: string[], condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> }, conflictTag?: string): void;
  /** Requires a condition on an item without changing it (e.g. a setting still as read). */
  check(key: string[], condition: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> }, conflictTag?: string): void;
}

/**
 * Writes outside any transaction, for derived data only (a stock card line materialised from a
 * committed sale, a cached total): each write must be one a re-run repeats identically, so a crash
 * half-way is repaired by running it again.
 */
export interface UnitDerivedWrites {
  putAll(entries: { key: string[]; item: Record<string, unknown> }[]): Promise<void>;
  deleteAll(keys: string[][]): Promise<void>;
  /**
   * Takes the next number of a counter (1, 2, 3, ...) atomically and at once, outside the mutation's
   * transaction: concurrent takers never wait, and a number taken by a refused request is a gap.
   */
  nextNumber(...counter: string[]): Promise<number>;
}

export function unitPartition(coopId: string, unitId: string): string {
  return pk({ kind: 'coop', coopId }, 'U', unitId);
}

export function createUnitStore(db: Db, coopId: string, unitId: string): UnitStore {
  const partition = unitPartition(coopId, unitId);
  const key = (parts: string[]): Key => ({ pk: partition, sk: sk(...parts) });
  return {
    get: (schema, ...parts) => getItem(db, key(parts), schema),
    getMany: async (schema, keys) => (await batchGet(db, keys.map(key))).map((item) => (item ? parseItem(schema, item) : undefined)),
    page: (schema, prefix, page) => queryPage(db, { partition, prefix: skPrefix(...prefix) }, schema, page),
    all: (schema, prefix) => queryAll(db, { partition, prefix: skPrefix(...prefix) }, schema),
    range: (schema, from, to, page) => queryPage(db, { partition, between: [sk(...from), sk(...to)] }, schema, page),
  };
}

export function createUnitDerivedWrites(db: Db, coopId: string, unitId: string): UnitDerivedWrites {
  const partition = unitPartition(coopId, unitId);
  const key = (parts: string[]): Key => ({ pk: partition, sk: sk(...parts) });
  return {
    putAll: (entries) => putAll(db, entries.map(({ key: parts, item }) => {
      const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
      return { ...rest, ...key(parts), unit: unitId };
    })),
    deleteAll: (keys) => deleteAll(db, keys.map(key)),
    nextNumber: (...counter) => nextNumber(db, key(['COUNTER', ...counter])),
  };
}

/** Attributes the SDK owns on every item; a unit's expressions may not name them. */
const RESERVED = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'unit', 'type', 'expiresAt'];

function checkExpression(parts: { expression: string; names?: Record<string, string> } | undefined) {
  if (!parts) return;
  const named = Object.values(parts.names ?? {});
  const bare = parts.expression.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  const hit = [...named, ...bare].find((n) => RESERVED.includes(n));
  if (hit) throw new Error(`a unit may not touch the attribute "${hit}" (keys and bookkeeping are the SDK's)`);
}

export function createUnitWrites(tx: Transaction, coopId: string, unitId: string, retryTag: string): UnitWrites {
  const partition = unitPartition(coopId, unitId);
  const key = (parts: string[]): Key => ({ pk: partition, sk: sk(...parts) });
  const clean = (item: Record<string, unknown>) => {
    // A unit cannot smuggle its own keys or index keys in: they are set here only.
    const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
    return rest;
  };
  return {
    create: (parts, item, tag) => tx.create({ ...clean(item), ...key(parts), unit: unitId }, tag),
    put: (parts, item) => tx.put({ ...clean(item), ...key(parts), unit: unitId }),
    replace: (parts, item, version) => tx.replace({ ...clean(item), ...key(parts), unit: unitId }, version, retryTag),
    update: (parts, update, condition, tag) => {
      checkExpression(update);
      checkExpression(condition);
      // Items an update creates carry the unit mark too, like every other write of the unit.
      const expression = /\bSET\b/i.test(update.expression)
        ? update.expression.replace(/\bSET\b/i, 'SET #kkmpUnit = :kkmpUnit,')
        : `${update.expression} SET #kkmpUnit = :kkmpUnit`;
      tx.update(
        key(parts),
        { expression, names: { ...update.names, '#kkmpUnit': 'unit' }, values: { ...update.values, ':kkmpUnit': unitId } },
        condition,
        tag ?? retryTag,
      );
    },
    delete: (parts, condition, tag) => {
      checkExpression(condition);
      tx.delete(key(parts), condition, tag ?? retryTag);
    },
    check: (parts, condition, tag) => {
      checkExpression(condition);
      tx.check(key(parts), condition, tag ?? retryTag);
    },
  };
}

export { Transaction };
