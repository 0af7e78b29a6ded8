import { MAX_TRANSACTION_ACTIONS, Transaction, Update, batchGet, checkCondition, conditionAttributes, deleteAll, getItem, nextNumber, parseItem, pk, putAll, queryAll, queryCount, queryPage, sk, skPrefix, type Condition, type Db, type Key, MAX_PAGE as STORE_MAX_PAGE } from '@kkmp/store';
import { MAX_PAGE as SDK_MAX_PAGE, type UnitDerivedWrites, type UnitStore, type UnitWrites } from '@kkmp/plugin-sdk';

export function unitPartition(coopId: string, unitId: string): string {
  return pk({ kind: 'coop', coopId }, 'U', unitId);
}

/** The request's item loader (BatchGetItem per tick), when the store serves a request. */
type ItemLoader = { load(key: Key): Promise<Record<string, unknown> | undefined>; clear(key: Key): unknown };

/**
 * Reads by key through the request's loader, so reads a unit starts together (products, stock levels, a
 * counter, the buyer) go in one BatchGetItem, and the kit's first wave can ask for them ahead. Each read is
 * read-once: the key leaves the loader's cache as soon as it is answered, so a later read sees writes made
 * since (e.g. an after-commit copy).
 */
async function readOnce(items: ItemLoader, keys: Key[]): Promise<(Record<string, unknown> | undefined)[]> {
  try {
    return await Promise.all(keys.map((k) => items.load(k)));
  } finally {
    for (const k of keys) items.clear(k);
  }
}

/** Queries a unit's prefetch started (see prefetch.ts), by `${partition}\u0000${prefix}`: each taken once. */
type StartedQueries = Map<string, Promise<Record<string, unknown>[]>>;

export function createUnitStore(db: Db, coopId: string, unitId: string, items?: ItemLoader, queries?: StartedQueries): UnitStore {
  const partition = unitPartition(coopId, unitId);
  const key = (parts: string[]): Key => ({ pk: partition, sk: sk(...parts) });
  const many = (keys: Key[]) => (items ? readOnce(items, keys) : batchGet(db, keys));
  /** The prefetched answer of this query, if one was started: taken once, so a later `all` queries afresh. */
  const takeStarted = (prefix: string) => {
    const id = `${partition}\u0000${prefix}`;
    const found = queries?.get(id);
    queries?.delete(id);
    return found;
  };
  return {
    get: async (schema, ...parts) => {
      if (!items) return getItem(db, key(parts), schema);
      const [item] = await readOnce(items, [key(parts)]);
      return item ? parseItem(schema, item) : undefined;
    },
    getMany: async (schema, keys) => (await many(keys.map(key))).map((item) => (item ? parseItem(schema, item) : undefined)),
    page: (schema, prefix, page, filter) => queryPage(db, { partition, prefix: skPrefix(...prefix), ...(filter ? { filter } : {}) }, schema, page),
    count: (prefix, filter) => queryCount(db, { partition, prefix: skPrefix(...prefix), ...(filter ? { filter } : {}) }),
    all: async (schema, prefix) => {
      const started = takeStarted(skPrefix(...prefix));
      return started ? (await started).map((item) => parseItem(schema, item)) : queryAll(db, { partition, prefix: skPrefix(...prefix) }, schema);
    },
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

/** Attributes the SDK owns on every item; a unit's updates and conditions may not name them. */
const RESERVED: ReadonlySet<string> = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'unit', 'type', 'expiresAt']);

function refuseReserved(attributes: readonly string[]): void {
  const hit = attributes.find((a) => RESERVED.has(a));
  if (hit) throw new Error(`a unit may not touch the attribute "${hit}" (keys and bookkeeping are the SDK's)`);
}

/** The unit's update, copied from its structure (whatever object it handed over) and checked by name. */
function ownUpdate(u: Update): Update {
  const copy = Update.from(u?.actions);
  refuseReserved(copy.attributes);
  return copy;
}

function ownCondition(c: Condition): Condition;
function ownCondition(c: Condition | undefined): Condition | undefined;
function ownCondition(c: Condition | undefined): Condition | undefined {
  if (c === undefined) return undefined;
  const copy = checkCondition(c);
  refuseReserved(conditionAttributes(copy));
  return copy;
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
    // Items an update creates carry the unit mark too, like every other write of the unit.
    update: (parts, u, condition, tag) => tx.update(key(parts), ownUpdate(u).set('unit', unitId), ownCondition(condition), tag ?? retryTag),
    delete: (parts, condition, tag) => tx.delete(key(parts), ownCondition(condition), tag ?? retryTag),
    check: (parts, condition, tag) => tx.check(key(parts), ownCondition(condition), tag ?? retryTag),
    room: () => MAX_TRANSACTION_ACTIONS - tx.size,
  };
}

export { Transaction };

// The SDK tells units the page cap; the store enforces it. They must agree (a compile error if not).
export const samePageCap: typeof STORE_MAX_PAGE extends typeof SDK_MAX_PAGE ? typeof SDK_MAX_PAGE extends typeof STORE_MAX_PAGE ? true : never : never = true;
