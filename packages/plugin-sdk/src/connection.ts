import { ValidationError } from '@kkmp/core/kernel';

/** A page request as a unit passes it to its store (the host's store implements the same shape). */
export interface PageRequest {
  /** At most this many items from the start (capped at MAX_PAGE). */
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

/** Most items in one page; the store caps at the same number (the host checks they agree at compile time). */
export const MAX_PAGE = 100;

interface RelayArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Relay arguments to a store page request: forward (first/after) or backward (last/before), not both. */
export function pageRequest(args: RelayArgs): PageRequest {
  if ((args.last != null || args.before != null) && (args.first != null || args.after != null)) {
    throw ValidationError.field('last', 'page forward (first/after) or backward (last/before), not both at once', 'paginasi maju (first/after) atau mundur (last/before), jangan keduanya sekaligus');
  }
  for (const field of ['first', 'last'] as const) {
    const n = args[field];
    if (n != null && (n < 1 || n > MAX_PAGE)) throw ValidationError.field(field, `must be 1 to ${MAX_PAGE}`, `harus 1 sampai ${MAX_PAGE}`);
  }
  return {
    ...(args.first != null ? { first: args.first } : {}),
    ...(args.after ? { after: args.after } : {}),
    ...(args.last != null ? { last: args.last } : {}),
    ...(args.before ? { before: args.before } : {}),
  };
}

/**
 * A Relay connection of a page. `totalCount`, when the list offers it, is a thunk: the count is read
 * only when a client selects the field (see CONNECTION_TOTAL_COUNT).
 */
export function toConnection<T>(page: Page<T>, extra: { totalCount?: () => Promise<number> } = {}) {
  return {
    ...extra,
    edges: page.items.map((node, i) => ({ node, cursor: page.cursors[i]! })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.endCursor ?? null,
    },
  };
}

/** Description of a connection's `totalCount` field (the same on every list that offers it). */
export const CONNECTION_TOTAL_COUNT = 'How many items the whole list holds with these filters (not only this page), counted when asked.';

/** Resolves a connection's `totalCount` from the thunk toConnection kept. */
export function resolveTotalCount(connection: unknown): Promise<number> {
  const count = (connection as { totalCount?: () => Promise<number> }).totalCount;
  if (!count) throw new Error('this connection was built without a totalCount');
  return count();
}
