import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type Shop } from './support';

// The printable receipt: the same lines as receiptText, as ESC/POS commands a 58 mm printer takes.
let shop: Shop;
let saleId = '';

beforeAll(async () => {
  shop = await startShop();
  const product = await shop.product({ name: 'Gula Pasir 1 kg', memberPrice: 17_000, nonMemberPrice: 17_500 });
  await shop.receive(await shop.supplier(), [{ productId: product, quantity: 10, unitCost: 16_000 }]);
  saleId = (await shop.ok('sembakoSell', { lines: [{ productId: product, quantity: 2 }], paymentMethod: 'CASH', tendered: 50_000 })).id;
}, 60_000);
afterAll(() => shop?.close());

describe('CommerceSale.receiptEscPos', () => {
  it('initialises the printer, prints every line of the text receipt in order, feeds and cuts', async () => {
    const r = await shop.host.gql(`query($c: ID!, $id: ID!) { sembakoSale(cooperativeId: $c, id: $id) { number receiptText receiptEscPos } }`, { c: shop.coop.id, id: saleId }, shop.coop.manager);
    const { number, receiptText, receiptEscPos } = r.data.sembakoSale;
    const bytes = Buffer.from(receiptEscPos, 'base64');
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]); // ESC @: initialise
    expect(bytes.includes(Buffer.from([0x1d, 0x56]))).toBe(true); // GS V: cut
    const printed = bytes.toString('latin1');
    let from = 0;
    for (const line of receiptText.split('\n')) {
      const at = printed.indexOf(line, from);
      expect(at, `"${line}" printed after the lines before it`).toBeGreaterThanOrEqual(from);
      from = at + line.length;
    }
    expect(printed).toContain(number);
    expect(receiptText).toContain('TOTAL');
    expect(printed.indexOf('\x1dV')).toBeGreaterThan(printed.lastIndexOf('Terima kasih'));
  });
});
