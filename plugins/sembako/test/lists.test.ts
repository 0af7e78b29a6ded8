import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type Shop } from './support';

// Lists a shop's front end shows: full pages whatever is filtered out, and totalCount for "3 of 12".
let shop: Shop;
const products: string[] = [];

const catalog = async (args: Record<string, unknown>) => {
  const r = await shop.host.gql(
    `query($c: ID!, $first: Int, $after: String, $all: Boolean) { sembakoProducts(cooperativeId: $c, first: $first, after: $after, includeInactive: $all) {
      totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
    { c: shop.coop.id, ...args },
    shop.coop.manager,
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.sembakoProducts;
};
const names = (page: { edges: { node: { name: string } }[] }) => page.edges.map((e) => e.node.name);

beforeAll(async () => {
  shop = await startShop();
  for (const name of ['Beras', 'Gula', 'Minyak', 'Telur', 'Terigu']) products.push(await shop.product({ name, memberPrice: 10_000, nonMemberPrice: 11_000 }));
  // Gula and Telur are taken off sale: they lie between products still on sale.
  for (const i of [1, 3]) await shop.ok('sembakoUpdateProduct', { productId: products[i], active: false });
  await shop.receive(await shop.supplier(), [{ productId: products[0]!, quantity: 10, unitCost: 9_000 }]);
  for (let i = 0; i < 3; i++) await shop.ok('sembakoSell', { lines: [{ productId: products[0], quantity: 1 }], paymentMethod: 'CASH' });
}, 60_000);
afterAll(() => shop?.close());

describe('sembakoProducts and sembakoSales: full pages and totalCount', () => {
  it('pages of products on sale are full (inactive ones are filtered by the store, not dropped from a page)', async () => {
    const first = await catalog({ first: 2 });
    expect([names(first), first.totalCount, first.pageInfo.hasNextPage]).toEqual([['Beras', 'Minyak'], 3, true]);
    const second = await catalog({ first: 2, after: first.pageInfo.endCursor });
    expect([names(second), second.pageInfo.hasNextPage]).toEqual([['Terigu'], false]);
    const all = await catalog({ first: 2, all: true });
    expect([names(all), all.totalCount]).toEqual([['Beras', 'Gula'], 5]);
  });

  it("a day's sales count all of them, whatever the page size", async () => {
    const r = await shop.host.gql(`query($c: ID!) { sembakoSales(cooperativeId: $c, first: 1) { totalCount edges { node { number } } } }`, { c: shop.coop.id }, shop.coop.manager);
    expect(r.data.sembakoSales.edges).toHaveLength(1);
    expect(r.data.sembakoSales.totalCount).toBe(3);
  });
});
