import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { net, startShop, type Shop } from './support';

describe('sembako: a 60-line basket, and 100 cashiers racing for 50 packs', () => {
  let shop: Shop;
  let products: string[];
  let rice: string;
  beforeAll(async () => {
    shop = await startShop();
    const supplier = await shop.supplier();
    products = [];
    for (let i = 0; i < 61; i++) products.push(await shop.product({ nonMemberPrice: 1_000 + i }));
    // 60 products with 5 in stock each (two receipts: at most 40 lines each); product 61 has none.
    await shop.receive(supplier, products.slice(0, 30).map((productId) => ({ productId, quantity: 5, unitCost: 900 })));
    await shop.receive(supplier, products.slice(30, 60).map((productId) => ({ productId, quantity: 5, unitCost: 900 })));
    rice = await shop.product({ nonMemberPrice: 62_500 });
    await shop.receive(supplier, [{ productId: rice, quantity: 50, unitCost: 56_500 }]);
  }, 120_000);
  afterAll(() => shop.close());

  it('sells 60 lines in one transaction, all or nothing', async () => {
    const stockOf = async () => Promise.all(products.slice(0, 60).map(async (p) => (await shop.stock(p)).quantity));
    // Line 60 asks for the product with no stock: the whole sale is refused and no stock moves.
    const refused = await shop.run('sembakoSell', { lines: [...products.slice(0, 59), products[60]!].map((productId) => ({ productId, quantity: 2 })), paymentMethod: 'CASH' }, shop.coop.staff);
    expect(refused).toMatchObject({ __typename: 'BusinessRuleError', rule: 'OUT_OF_STOCK', field: 'input.lines.59.quantity' });
    // The product is named as the client knows it: the id it sent, and its name (never the internal id).
    expect(refused.details).toMatchObject({ productId: products[60], available: 0, requested: 2 });
    expect(refused.details.name).toEqual(expect.any(String));
    expect(refused.messageId).toContain(refused.details.name);
    expect(await stockOf()).toEqual(Array(60).fill(5));

    const sale = await shop.ok('sembakoSell', { lines: products.slice(0, 60).map((productId) => ({ productId, quantity: 2 })), paymentMethod: 'CASH' }, shop.coop.staff);
    expect(sale.lines).toHaveLength(60);
    // Σ 2 × (1,000 + i) for i = 0..59 = 2 × (60,000 + 1,770) = 123,540
    expect(sale.total).toBe(123_540);
    expect(sale.cost).toBe(60 * 2 * 900);
    expect(await stockOf()).toEqual(Array(60).fill(3));
    const card = await shop.host.gql(`query($c: ID!, $p: ID!) { sembakoStockCard(cooperativeId: $c, productId: $p, from: "2026-03-16", to: "2026-03-16") { kind quantity } }`, { c: shop.coop.id, p: products[59] }, shop.coop.manager);
    expect(card.data.sembakoStockCard).toEqual([{ kind: 'RECEIPT', quantity: 5 }, { kind: 'SALE', quantity: -2 }]);

    const tooLong = await shop.run('sembakoSell', { lines: Array.from({ length: 81 }, () => ({ productId: products[0], quantity: 1 })), paymentMethod: 'CASH' }, shop.coop.staff);
    expect(tooLong.fields[0].field).toBe('input.lines');
  }, 60_000);

  it('lets exactly 50 of 100 concurrent sales through, refuses the rest as OUT_OF_STOCK, and balances the books', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => shop.run('sembakoSell', { lines: [{ productId: rice, quantity: 1 }], paymentMethod: i % 2 ? 'CASH' : 'QRIS' }, shop.coop.staff)),
    );
    const sold = results.filter((r) => r.__typename === 'SembakoSellSuccess');
    const refused = results.filter((r) => r.__typename !== 'SembakoSellSuccess');
    expect(sold).toHaveLength(50);
    expect(refused).toHaveLength(50);
    for (const r of refused) expect(r).toMatchObject({ __typename: 'BusinessRuleError', rule: 'OUT_OF_STOCK', field: 'input.lines.0.quantity' });
    expect(new Set(sold.map((r) => r.data.number)).size).toBe(50);
    expect(await shop.stock(rice)).toEqual({ quantity: 0, value: 0, averageCost: 0 });

    const tb = await shop.trialBalance('2026-03-01', '2026-03-31');
    expect(tb.totalDebit).toBe(tb.totalCredit);
    expect(net(tb, '4120')).toBe(-(50 * 62_500 + 123_540));
    expect(net(tb, '5110')).toBe(50 * 56_500 + 60 * 2 * 900);
    expect(net(tb, '1140')).toBe(60 * 3 * 900); // only the 60 small products' remaining stock
  }, 120_000);
});
