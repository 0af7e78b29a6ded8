import { ValidationError } from '@kkmp/core/kernel';

/** A page request as a unit passes it to its store (the host's store implements the same shape). */
export interface PageRequest {
  /** At most this many items (capped at MAX_PAGE). */
  first?: number;
  /** Opaque cursor returned by the previous page. */
  after?: string;
  /** Newest/highest sort key first. */
  descending?: boolean;
}

export interface Page<T> {
  items: T[];
  /** Cursor of each item, for Relay edges. */
  cursors: string[];
  hasNextPage: boolean;
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

/** Relay arguments to a store page request. Pages go forward only: lists are ordered for that. */
export function pageRequest(args: RelayArgs): PageRequest {
  if (args.last != null || args.before != null) {
    throw ValidationError.field('last', 'only forward pagination (first/after) is supported', 'hanya paginasi maju (first/after) yang didukung');
  }
  if (args.first != null && (args.first < 1 || args.first > MAX_PAGE)) {
    throw ValidationError.field('first', `must be 1 to ${MAX_PAGE}`, `harus 1 sampai ${MAX_PAGE}`);
  }
  return { ...(args.first != null ? { first: args.first } : {}), ...(args.after ? { after: args.after } : {}) };
}

export function toConnection<T>(page: Page<T>) {
  return {
    edges: page.items.map((node, i) => ({ node, cursor: page.cursors[i]! })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.endCursor ?? null,
    },
  };
}
