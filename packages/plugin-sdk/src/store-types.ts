import type { Condition, Update } from '@kkmp/store/expressions';
import type { Page, PageRequest } from './connection';
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
  /**
   * One page of items whose key starts with the given parts; with a filter (`cond.eq('active', true)`)
   * only matching items, and the page is still full when more match further on.
   */
  page<S extends z.ZodType>(schema: S, prefix: string[], page?: PageRequest, filter?: Condition): Promise<Page<z.output<S>>>;
  /** How many items lie under a prefix (matching the filter): a list's totalCount, counted by DynamoDB. */
  count(prefix: string[], filter?: Condition): Promise<number>;
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
  /**
   * Atomic update built with `update()` (e.g. `update().add('quantity', -2)`); `condition` (built with
   * `cond`) failing re-runs the mutation, or fails it with `conflictTag`. Keys, index keys and the SDK's
   * bookkeeping attributes (pk, sk, gsi1pk, gsi1sk, unit, type, expiresAt) cannot be named.
   */
  update(key: string[], update: Update, condition?: Condition, conflictTag?: string): void;
  /** Deletes an item (derived or temporary data; business records are reversed, not deleted). */
  delete(key: string[], condition?: Condition, conflictTag?: string): void;
  /** Requires a condition on an item without changing it (e.g. a setting still as read). */
  check(key: string[], condition: Condition, conflictTag?: string): void;
  /**
   * Actions still free in this transaction (DynamoDB takes 100), counting those already added: lets a
   * unit write derived copies inside the transaction when they fit, and outside it when they do not.
   */
  room?(): number;
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
