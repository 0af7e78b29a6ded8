import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import sembako from '@kkmp/unit-sembako';
import { pk, skPrefix, type Db } from '@kkmp/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';

/**
 * A sale too large for its card lines in its own transaction commits its stock updates and an outbox item;
 * the stock-card lines are copied right after. If that copy fails (the process dies, DynamoDB throttles),
 * the sale stands and the next reader of a stock card finishes the copy first. A sale that fits writes its
 * card lines in its own transaction: nothing is left to copy.
 */
describe('commerce kit: stock cards survive a failure after the commit', () => {
  let api: TestApi;
  let failBatchWrites = false;
  let manager: string;
  let coopId: string;
  let rawCoopId: string;
  const wrap = (db: Db): Db => {
    const send = db.doc.send.bind(db.doc);
    const doc = Object.create(db.doc) as typeof db.doc;
    doc.send = ((command: unknown, ...rest: unknown[]) => {
      if (failBatchWrites && command instanceof BatchWriteCommand) return Promise.reject(new Error('injected: BatchWriteItem unavailable'));
      return (send as (...a: unknown[]) => unknown)(command, ...rest);
    }) as typeof doc.send;
    return { ...db, doc };
  };
  beforeAll(async () => {
    api = await startTestApi({ units: [sembako], wrapDb: wrap, now: '2026-03-16T02:00:00Z' });
    ({ manager, coopId, rawCoopId } = await cityWithCoop(api));
  });
  afterAll(() => api.close());

  const run = async (field: string, input: Record<string, unknown>, selection = 'id', inputType?: string) => {
    const type = field[0]!.toUpperCase() + field.slice(1);
    const r = await api.gql(`mutation($input: ${inputType ?? `${type}Input`}!) { ${field}(input: $input) { __typename ... on ${type}Success { data { ${selection} } } ... on Error { messageEn } } }`, { input: { cooperativeId: coopId, ...input } }, manager);
    expect(r.data[field].__typename, JSON.stringify(r)).toBe(`${type}Success`);
    return r.data[field].data;
  };
  const outboxItems = async () =>
    (await api.db.doc.send(new QueryCommand({ TableName: api.db.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :o)', ExpressionAttributeValues: { ':pk': pk({ kind: 'coop', coopId: rawCoopId }, 'U', 'sembako'), ':o': skPrefix('OUTBOX') }, ConsistentRead: true }))).Items ?? [];

  const card = (product: string) =>
    api.gql(
      `query($c: ID!, $p: ID!) { sembakoStockCard(cooperativeId: $c, productId: $p, from: "2026-03-16", to: "2026-03-16") { kind quantity documentNumber } sembakoProduct(cooperativeId: $c, id: $p) { stock { quantity } } }`,
      { c: coopId, p: product },
      manager,
    );
  let products: string[] = [];

  it('keeps a 40-line sale when the copy fails, and the next stock-card read completes it', async () => {
    await run('enableUnit', { unitId: 'sembako', settings: {} }, 'unitId', 'UnitSettingsInput');
    for (let i = 0; i < 40; i++) {
      products.push((await run('sembakoCreateProduct', { sku: `GULA-${i}`, name: `Gula ${i}`, unitOfMeasure: 'GRAM', packSize: 1000, packName: 'kg', nonMemberPrice: 17_500 })).id);
    }
    const supplier = (await run('sembakoCreateSupplier', { name: 'ID Food', kind: 'ID_FOOD' })).id;
    await run('sembakoReceiveGoods', { supplierId: supplier, payment: 'CASH', lines: products.map((productId) => ({ productId, quantity: 10, unitCost: 16_000 })) });

    failBatchWrites = true;
    const sale = await run('sembakoSell', { lines: products.map((productId) => ({ productId, quantity: 4 })), paymentMethod: 'CASH' }, 'number total');
    failBatchWrites = false;
    expect(sale.total).toBe(40 * 70_000);
    expect(await outboxItems()).toHaveLength(1);

    const res = await card(products[7]!);
    expect(res.data.sembakoStockCard).toEqual([
      { kind: 'RECEIPT', quantity: 10, documentNumber: expect.stringMatching(/^GR-/) },
      { kind: 'SALE', quantity: -4, documentNumber: sale.number },
    ]);
    expect(res.data.sembakoProduct.stock.quantity).toBe(6);
    expect(await outboxItems()).toHaveLength(0);
  }, 60_000);

  it('writes a small sale\'s card lines in its own transaction: nothing to copy, even with batch writes down', async () => {
    failBatchWrites = true;
    try {
      const sale = await run('sembakoSell', { lines: [{ productId: products[0]!, quantity: 1 }, { productId: products[1]!, quantity: 2 }], paymentMethod: 'CASH' }, 'number total');
      expect(await outboxItems()).toHaveLength(0);
      const res = await card(products[1]!);
      expect(res.data.sembakoStockCard.at(-1)).toEqual({ kind: 'SALE', quantity: -2, documentNumber: sale.number });
      expect(res.data.sembakoProduct.stock.quantity).toBe(4);
    } finally {
      failBatchWrites = false;
    }
  });
});
