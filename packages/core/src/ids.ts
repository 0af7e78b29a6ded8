import { monotonicFactory } from 'ulidx';

const ulid = monotonicFactory();

/** Sortable unique id (ULID): items listed by id come out in creation order. */
export function newId(now: Date = new Date()): string {
  return ulid(now.getTime());
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
