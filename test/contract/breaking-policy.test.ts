import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkCompatibility } from './breaking-policy';

/** The policy on small schema pairs: each case is one release step a client could meet. */
async function check(released: string, current: string) {
  const verdict = await checkCompatibility(buildSchema(released), buildSchema(current));
  return { refused: verdict.refused.map((c) => `${c.type} ${c.path}`), passed: verdict.afterDeprecation.length + verdict.compatible.length };
}

const base = /* GraphQL */ `
  type Query { products(first: Int): [Product!]! }
  type Product { id: ID! name: String! price: Int! }
  enum Payment { CASH QRIS }
  input SellInput { productId: ID! quantity: Int! payment: Payment! }
  type Mutation { sell(input: SellInput!): Product }
`;

describe('breaking-change policy (graphql-inspector + deprecation first)', () => {
  it('refuses removing a field that was not deprecated', async () => {
    const current = base.replace('price: Int!', '');
    expect((await check(base, current)).refused).toEqual(['FIELD_REMOVED Product.price']);
  });

  it('accepts removing a field that the released schema deprecated', async () => {
    const released = base.replace('price: Int!', 'price: Int! @deprecated(reason: "use priceRupiah")');
    const current = base.replace('price: Int!', '');
    expect(await check(released, current)).toEqual({ refused: [], passed: 1 });
  });

  it('refuses changing a field type, unless it was deprecated', async () => {
    const current = base.replace('price: Int!', 'price: String!');
    expect((await check(base, current)).refused).toEqual(['FIELD_TYPE_CHANGED Product.price']);
    const deprecated = base.replace('price: Int!', 'price: Int! @deprecated(reason: "becomes a string")');
    expect((await check(deprecated, current)).refused).toEqual([]);
  });

  it('accepts adding an optional argument, refuses adding a required one', async () => {
    expect(await check(base, base.replace('products(first: Int)', 'products(first: Int, search: String)'))).toEqual({ refused: [], passed: 1 });
    expect((await check(base, base.replace('products(first: Int)', 'products(first: Int, search: String!)'))).refused).toEqual([
      'FIELD_ARGUMENT_ADDED Query.products.search',
    ]);
  });

  it('refuses making an optional argument required', async () => {
    expect((await check(base, base.replace('products(first: Int)', 'products(first: Int!)'))).refused).toEqual([
      'FIELD_ARGUMENT_TYPE_CHANGED Query.products.first',
    ]);
  });

  it('refuses a new required input field and an enum value removed without deprecation', async () => {
    const current = base.replace('payment: Payment!', 'payment: Payment! memberId: ID!').replace('CASH QRIS', 'CASH');
    expect((await check(base, current)).refused.sort()).toEqual(['ENUM_VALUE_REMOVED Payment.QRIS', 'INPUT_FIELD_ADDED SellInput.memberId']);
    const deprecated = base.replace('QRIS', 'QRIS @deprecated(reason: "not offered")');
    expect((await check(deprecated, base.replace('CASH QRIS', 'CASH'))).refused).toEqual([]);
  });

  it('removes a type only once every released field leading to it was deprecated', async () => {
    const withStock = base.replace('type Query {', 'type Stock { level: Int! } type Query { stock: Stock').replace('type Product {', '"""A product""" type Product {');
    const without = base.replace('type Product {', '"""A product""" type Product {');
    expect((await check(withStock, without)).refused.sort()).toEqual(['FIELD_REMOVED Query.stock', 'TYPE_REMOVED Stock']);
    const deprecated = withStock.replace('stock: Stock', 'stock: Stock @deprecated(reason: "gone")');
    expect((await check(deprecated, without)).refused).toEqual([]);
  });

  it('accepts new types, fields and deprecations', async () => {
    const current = base.replace('price: Int!', 'price: Int! @deprecated(reason: "use priceRupiah") priceRupiah: Int! unit: Unit').concat(' type Unit { name: String! }');
    expect((await check(base, current)).refused).toEqual([]);
  });
});
