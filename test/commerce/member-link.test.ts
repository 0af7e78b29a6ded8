import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';

// Unit records link to the core's Member (a field, not only a bare id), read in one batch per page.
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
const members: { id: string; name: string }[] = [];

const ok = async (field: string, input: Record<string, unknown>) => {
  const type = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  const r = await api.gql(`mutation($input: ${type}Input!) { ${field}(input: $input) { __typename ... on ${type}Success { data { id } } ... on Error { messageEn } } }`, { input: { cooperativeId: f.coopId, ...input } }, f.manager);
  expect(r.data[field].__typename, JSON.stringify(r)).toBe(`${type}Success`);
  return r.data[field].data.id as string;
};

/** DynamoDB calls by command name while `fn` runs (SDK middleware on the real client). */
async function callsDuring(fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const calls: Record<string, number> = {};
  const name = `count-${Math.random()}`;
  api.db.doc.middlewareStack.add((next, context) => (args) => {
    calls[context.commandName as string] = (calls[context.commandName as string] ?? 0) + 1;
    return next(args);
  }, { step: 'initialize', name });
  try {
    await fn();
  } finally {
    api.db.doc.middlewareStack.remove(name);
  }
  return calls;
}

const salesPage = (first: number) =>
  api.gql(`query($c: ID!, $first: Int) { sembakoSales(cooperativeId: $c, first: $first) { edges { node { memberId member { id name memberNumber } } } } }`, { c: f.coopId, first }, f.manager);

beforeAll(async () => {
  api = await startTestApi();
  f = await cityWithCoop(api, 'Kota Tautan');
  for (const name of ['Ani', 'Budi', 'Citra']) {
    const r = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik(), name, address: 'Jl. Anggrek 4' } }, f.manager);
    members.push({ id: r.data.registerMember.data.id, name });
  }
  const enabled = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'sembako', settings: {} } }, f.manager);
  expect(enabled.data.enableUnit.__typename).toBe('EnableUnitSuccess');
  const product = await ok('sembakoCreateProduct', { sku: 'GULA-1KG', name: 'Gula 1 kg', unitOfMeasure: 'PIECE', packSize: 1, packName: 'kg', memberPrice: 17_000, nonMemberPrice: 17_500 });
  const supplier = await ok('sembakoCreateSupplier', { name: 'Bulog', kind: 'BULOG' });
  await ok('sembakoReceiveGoods', { supplierId: supplier, payment: 'CASH', lines: [{ productId: product, quantity: 50, unitCost: 16_000 }] });
  for (let i = 0; i < 6; i++) await ok('sembakoSell', { lines: [{ productId: product, quantity: 1 }], paymentMethod: 'CASH', memberId: members[i % 3]!.id });
  await ok('sembakoSell', { lines: [{ productId: product, quantity: 1 }], paymentMethod: 'CASH' });
}, 60_000);
afterAll(() => api?.close());

describe('CommerceSale.member links the buyer to Member', () => {
  it('each sale to a member carries that member; a walk-in sale has none', async () => {
    const res = await salesPage(10);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.sembakoSales.edges.map((e: { node: any }) => e.node);
    expect(nodes).toHaveLength(7);
    for (const n of nodes) {
      if (n.memberId === null) expect(n.member).toBeNull();
      else expect(n.member).toMatchObject({ id: n.memberId, name: members.find((m) => m.id === n.memberId)!.name });
    }
    expect(nodes.filter((n: { member: unknown }) => n.member).length).toBe(6);
  });

  it('a page reads its members in one batch: the same DynamoDB calls for 2 sales and for 7', async () => {
    const small = await callsDuring(() => salesPage(2));
    const large = await callsDuring(() => salesPage(10));
    expect(large).toEqual(small);
    // The link costs one BatchGetItem more than the same page without it, whatever the page size.
    const without = await callsDuring(() => api.gql(`query($c: ID!) { sembakoSales(cooperativeId: $c, first: 10) { edges { node { memberId } } } }`, { c: f.coopId }, f.manager));
    expect(large).toEqual({ ...without, BatchGetItemCommand: (without.BatchGetItemCommand ?? 0) + 1 });
  });
});
