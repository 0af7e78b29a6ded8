import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Db } from '../src/client';
import { pk, sk } from '../src/keys';
import { queryPage, type PageRequest } from '../src/repository';
import { freshDb, pad, seed } from './helpers';

const P = pk({ kind: 'coop', coopId: 'pages' });
const N = 23;
const item = z.object({ n: z.number() });
let db: Db;

beforeAll(async () => {
  db = await freshDb();
  await seed(db, Array.from({ length: N }, (_, i) => ({ pk: P, sk: sk('ITEM', pad(i)), n: i })));
});

/** Every page from one end to the other, following the cursors as a client does. */
async function walk(size: number, backward: boolean, descending: boolean) {
  const pages: number[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const req: PageRequest = backward ? { last: size, ...(cursor ? { before: cursor } : {}), descending } : { first: size, ...(cursor ? { after: cursor } : {}), descending };
    const page = await queryPage(db, { partition: P, prefix: 'ITEM#' }, item, req);
    pages.push(page.items.map((x) => x.n));
    expect(page.hasNextPage, 'hasNextPage').toBe(backward ? !!cursor : pages.flat().length < N);
    expect(page.hasPreviousPage, 'hasPreviousPage').toBe(backward ? pages.flat().length < N : !!cursor);
    if (!(backward ? page.hasPreviousPage : page.hasNextPage)) return pages;
    cursor = backward ? page.cursors[0] : page.endCursor;
  }
}

describe('queryPage, backward (last/before) as well as forward (first/after)', () => {
  it('walking backward from the end yields the list in order, each page in list order, with honest page info', async () => {
    const pages = await walk(10, true, false);
    expect(pages).toEqual([
      [13, 14, 15, 16, 17, 18, 19, 20, 21, 22],
      [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      [0, 1, 2],
    ]);
  });

  it('for any page size and order, backward pages reversed concatenate to the same list as forward pages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }), fc.boolean(), async (size, descending) => {
        const forward = (await walk(size, false, descending)).flat();
        const backward = (await walk(size, true, descending)).reverse().flat();
        const expected = Array.from({ length: N }, (_, i) => (descending ? N - 1 - i : i));
        expect(forward).toEqual(expected);
        expect(backward).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });
});
