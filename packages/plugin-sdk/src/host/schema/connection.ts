import { MAX_PAGE, type Page, type PageRequest } from '@kkmp/store';
import { ValidationError } from '@kkmp/core';

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
