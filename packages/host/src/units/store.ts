import { Transaction, batchGet, deleteAll, getItem, nextNumber, parseItem, pk, putAll, queryAll, queryPage, sk, skPrefix, type Db, type Key, MAX_PAGE as STORE_MAX_PAGE } from '@kkmp/store';
import { MAX_PAGE as SDK_MAX_PAGE, type UnitDerivedWrites, type UnitStore, type UnitWrites } from '@kkmp/plugin-sdk';

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

// The SDK tells units the page cap; the store enforces it. They must agree (a compile error if not).
export const samePageCap: typeof STORE_MAX_PAGE extends typeof SDK_MAX_PAGE ? typeof SDK_MAX_PAGE extends typeof STORE_MAX_PAGE ? true : never : never = true;
