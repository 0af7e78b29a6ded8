import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import { ConditionFailed, TransactionContention, TransactionTooLarge } from './errors';
import { Update, checkCondition, renderCondition, renderUpdate, type Condition as Typed, type Expression } from './expressions';
import type { Key } from './keys';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export const MAX_TRANSACTION_ACTIONS = 100;

export interface StoredItem extends Key {
  [attr: string]: unknown;
}

/** A condition: built with `cond` (rendered here) or a hand-written expression (the core's own writes). */
export type ConditionInput = Typed | { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };
/** An update: built with `update()` (rendered here) or a hand-written expression (the core's own writes). */
export type UpdateInput = Update | { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };

type Rendered = Partial<Expression> & { expression: string };
const renderedCondition = (c: ConditionInput): Rendered => ('expression' in c ? c : renderCondition(checkCondition(c)));
const renderedUpdate = (u: UpdateInput): Rendered => (u instanceof Update ? renderUpdate(u) : u);

/**
 * Collects writes that must land together and commits them as one TransactWriteItems call. Each action
 * may carry a tag so a failed condition can be reported as a domain error ("NIK already registered")
 * instead of a bare cancellation.
 */
export class Transaction {
  private readonly items: TransactItem[] = [];
  private readonly tags: (string | undefined)[] = [];
  private readonly touched = new Set<string>();
  private readonly committed: (() => Promise<void>)[] = [];

  constructor(private readonly db: Db) {}

  /**
   * Work to do only once this transaction has committed (derived data written outside it). It runs
   * after a successful commit and never after a failed one; its errors are the caller's to catch.
   */
  afterCommit(fn: () => Promise<void>): this {
    this.committed.push(fn);
    return this;
  }

  get size(): number {
    return this.items.length;
  }

  /** Put a new item; fails (with the tag) if an item with that key exists. */
  create(item: StoredItem, tag?: string): this {
    return this.add(
      { Put: { TableName: this.db.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
      item,
      tag,
    );
  }

  /** Put an item unconditionally (derived data that is safe to overwrite, e.g. an index item). */
  put(item: StoredItem, condition?: ConditionInput, tag?: string): this {
    return this.add(
      {
        Put: {
          TableName: this.db.tableName,
          Item: item,
          ...(condition ? conditionParams(condition) : {}),
        },
      },
      item,
      tag,
    );
  }

  /**
   * Optimistic versioned replace: the stored item must still have `expectedVersion`; the new one gets
   * expectedVersion + 1. A concurrent writer makes the whole transaction fail with the tag.
   */
  replace(item: StoredItem, expectedVersion: number, tag?: string): this {
    return this.add(
      {
        Put: {
          TableName: this.db.tableName,
          Item: { ...item, version: expectedVersion + 1 },
          ConditionExpression: '#v = :expectedVersion',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':expectedVersion': expectedVersion },
        },
      },
      item,
      tag,
    );
  }

  update(key: Key, change: UpdateInput, condition?: ConditionInput, tag?: string): this {
    const u = renderedUpdate(change);
    const c = condition && renderedCondition(condition);
    const names = merged(u.names, c?.names);
    const values = merged(u.values, c?.values);
    return this.add(
      {
        Update: {
          TableName: this.db.tableName,
          Key: { pk: key.pk, sk: key.sk },
          UpdateExpression: u.expression,
          ...(c ? { ConditionExpression: c.expression } : {}),
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        },
      },
      key,
      tag,
    );
  }

  delete(key: Key, condition?: ConditionInput, tag?: string): this {
    return this.add({ Delete: { TableName: this.db.tableName, Key: { pk: key.pk, sk: key.sk }, ...(condition ? conditionParams(condition) : {}) } }, key, tag);
  }

  check(key: Key, condition: ConditionInput, tag?: string): this {
    return this.add({ ConditionCheck: { TableName: this.db.tableName, Key: { pk: key.pk, sk: key.sk }, ...conditionParams(condition) } }, key, tag);
  }

  private add(action: TransactItem, key: Key, tag?: string): this {
    const id = `${key.pk}\u0000${key.sk}`;
    // DynamoDB refuses two actions on one item in a transaction; say which item instead of a vague error.
    if (this.touched.has(id)) throw new Error(`transaction touches ${key.pk} / ${key.sk} twice`);
    this.touched.add(id);
    this.items.push(action);
    this.tags.push(tag);
    return this;
  }

  /**
   * Commit all actions atomically. Throws TransactionTooLarge before sending when over DynamoDB's limit,
   * ConditionFailed with the failed tags when a condition does not hold. Pure write-write conflicts with
   * another transaction are retried a few times, since nothing was written.
   */
  async commit(clientRequestToken?: string): Promise<void> {
    if (this.items.length === 0) return this.runAfterCommit();
    if (this.items.length > MAX_TRANSACTION_ACTIONS) throw new TransactionTooLarge(this.items.length);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.doc.send(
          new TransactWriteCommand({
            TransactItems: this.items,
            ...(clientRequestToken ? { ClientRequestToken: clientRequestToken } : {}),
          }),
        );
        return this.runAfterCommit();
      } catch (err) {
        if (!(err instanceof TransactionCanceledException)) throw err;
        const reasons = err.CancellationReasons ?? [];
        const failed = reasons.flatMap((r, i) =>
          r.Code === 'ConditionalCheckFailed' ? [this.tags[i] ?? `action${i}`] : [],
        );
        if (failed.length > 0) throw new ConditionFailed(failed);
        const onlyConflicts = reasons.every((r) => r.Code === 'None' || r.Code === 'TransactionConflict');
        if (onlyConflicts && attempt < 6) {
          await sleep(10 * 2 ** attempt * (0.5 + Math.random()));
          continue;
        }
        if (onlyConflicts) throw new TransactionContention();
        throw err;
      }
    }
  }

  private async runAfterCommit(): Promise<void> {
    for (const fn of this.committed) await fn();
  }
}

function conditionParams(condition: ConditionInput) {
  const c = renderedCondition(condition);
  return {
    ConditionExpression: c.expression,
    ...(c.names && Object.keys(c.names).length ? { ExpressionAttributeNames: c.names } : {}),
    ...(c.values && Object.keys(c.values).length ? { ExpressionAttributeValues: c.values } : {}),
  };
}

/** Placeholders of an update and its condition together; one placeholder meaning two things is a bug. */
function merged<T>(a: Record<string, T> = {}, b: Record<string, T> = {}): Record<string, T> {
  for (const k of Object.keys(b)) if (k in a && a[k] !== b[k]) throw new Error(`placeholder ${k} means two things in one write`);
  return { ...a, ...b };
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
