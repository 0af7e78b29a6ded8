import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type Shop } from './support';

const NIK_A = '3273214501900001'; // a woman born 5 Jan 1990 (day + 40)
const NIK_B = '3273210507850002';

/** What a refused sale must leave untouched: the stock, the day's sales and the books. */
async function snapshot(shop: Shop, productId: string) {
  const sales = await shop.host.gql(`query($c: ID!) { sembakoSales(cooperativeId: $c) { edges { node { number status } } } }`, { c: shop.coop.id }, shop.coop.manager);
  const tb = await shop.trialBalance('2026-03-01', '2026-03-31');
  return { stock: await shop.stock(productId), sales: sales.data.sembakoSales.edges, debit: tb.totalDebit };
}

describe('sembako: price ceilings (HET) and per-buyer limits', () => {
  let shop: Shop;
  let rice: string;
  let sugar: string;
  beforeAll(async () => {
    shop = await startShop({ hetRegion: 'ZONA-1', buyerLimits: [{ sku: 'BERAS-SPHP-5KG', maxQuantity: 2, period: 'WEEK' }] });
    rice = await shop.product({ sku: 'BERAS-SPHP-5KG', name: 'Beras SPHP 5 kg', unitOfMeasure: 'GRAM', packSize: 5000, packName: 'pak 5 kg', nonMemberPrice: 62_500 });
    sugar = await shop.product({ sku: 'GULA-1KG', name: 'Gula 1 kg', unitOfMeasure: 'GRAM', packSize: 1000, packName: 'kg', nonMemberPrice: 17_500 });
    const bulog = await shop.supplier();
    await shop.receive(bulog, [{ productId: rice, quantity: 40, unitCost: 56_500 }, { productId: sugar, quantity: 40, unitCost: 16_000 }]);
    // HET Zona 1: Rp12,500 per kg = Rp62,500 per 5 kg pack; other regions' ceilings do not apply here.
    await shop.ok('sembakoSetCeilingPrice', { productId: rice, amount: 12_500, perQuantity: 1000, effectiveFrom: '2026-01-01', reference: 'Kepbadan 2026 Zona 1' });
    await shop.ok('sembakoSetCeilingPrice', { productId: rice, region: 'ZONA-3', amount: 11_000, perQuantity: 1000, effectiveFrom: '2026-01-01', reference: 'Zona 3' });
  });
  afterAll(() => shop.close());

  it('refuses to set a price above the ceiling in force', async () => {
    const r = await shop.run('sembakoSetPrice', { productId: rice, customerClass: 'NON_MEMBER', amount: 63_000 });
    expect(r).toMatchObject({ __typename: 'BusinessRuleError', rule: 'PRICE_ABOVE_CEILING', field: 'input.amount', details: { price: 63_000, ceiling: 62_500 } });
    expect(r.messageId).toContain('HET');
  });

  it('refuses a sale above a ceiling that came into force after the price was set; nothing is written', async () => {
    // A decree lowers the ceiling from the 17th to Rp12,000/kg (Rp60,000 a pack): the listed Rp62,500 is now too high.
    await shop.ok('sembakoSetCeilingPrice', { productId: rice, amount: 12_000, perQuantity: 1000, effectiveFrom: '2026-03-17', reference: 'Kepbadan 2026/II' });
    expect((await shop.ok('sembakoSell', { lines: [{ productId: rice, quantity: 1 }], paymentMethod: 'CASH', buyerNik: NIK_B }, shop.coop.staff)).total).toBe(62_500);
    shop.host.clock.set('2026-03-17T02:00:00Z');
    const before = await snapshot(shop, rice);
    const refused = await shop.run('sembakoSell', { lines: [{ productId: sugar, quantity: 1 }, { productId: rice, quantity: 1 }], paymentMethod: 'CASH', buyerNik: NIK_B }, shop.coop.staff);
    // The refused line names the product by the id the client sent and by its name (issue 12, correction 2),
    // and the amounts as people write them.
    expect(refused).toMatchObject({
      __typename: 'BusinessRuleError',
      rule: 'PRICE_ABOVE_CEILING',
      field: 'input.lines.1.productId',
      details: { productId: rice, name: 'Beras SPHP 5 kg', price: 62_500, ceiling: 60_000, reference: 'Kepbadan 2026/II' },
    });
    expect(refused.messageEn).toMatch(/costs Rp62,500, above the ceiling price \(HET\) of Rp60,000/);
    expect(refused.messageId).toMatch(/harga Beras SPHP 5 kg Rp62\.500 melebihi HET Rp60\.000/);
    expect(await snapshot(shop, rice)).toEqual(before);
    expect((await shop.stock(sugar)).quantity).toBe(40);
    // The manager lowers the price; selling goes on.
    await shop.ok('sembakoSetPrice', { productId: rice, customerClass: 'NON_MEMBER', amount: 60_000 });
    expect((await shop.ok('sembakoSell', { lines: [{ productId: rice, quantity: 1 }], paymentMethod: 'CASH', buyerNik: NIK_B }, shop.coop.staff)).total).toBe(60_000);
  });

  it('holds a buyer to 2 packs a week, across cashiers and days, and gives the limit back on a void', async () => {
    shop.host.clock.set('2026-03-18T02:00:00Z'); // Wednesday of ISO week 12; NIK_B bought 2 packs on Mon and Tue
    const noNik = await shop.run('sembakoSell', { lines: [{ productId: rice, quantity: 1 }], paymentMethod: 'CASH' }, shop.coop.staff);
    expect(noNik).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.buyerNik' }] });
    const before = await snapshot(shop, rice);
    const third = await shop.run('sembakoSell', { lines: [{ productId: rice, quantity: 1 }], paymentMethod: 'CASH', buyerNik: NIK_B }, shop.coop.staff);
    expect(third).toMatchObject({ __typename: 'BusinessRuleError', rule: 'BUYER_LIMIT', field: 'input.lines.0.quantity', details: { limit: 2, used: 2, remaining: 0, requested: 1 } });
    expect(third.messageId).toMatch(/per pembeli per minggu/);
    expect(await snapshot(shop, rice)).toEqual(before);

    const a1 = await shop.ok('sembakoSell', { lines: [{ productId: rice, quantity: 1 }, { productId: sugar, quantity: 3 }], paymentMethod: 'CASH', buyerNik: '3273 2145 0190 0001' }, shop.coop.staff);
    expect(a1.buyerNikMasked).toBe('3273**********01');
    const tooMany = await shop.run('sembakoSell', { lines: [{ productId: rice, quantity: 2 }], paymentMethod: 'CASH', buyerNik: NIK_A }, shop.coop.manager);
    expect(tooMany).toMatchObject({ rule: 'BUYER_LIMIT', details: { remaining: 1 } });
    await shop.ok('sembakoVoidSale', { saleId: a1.id, reason: 'salah pembeli' });
    expect((await shop.ok('sembakoSell', { lines: [{ productId: rice, quantity: 2 }], paymentMethod: 'CASH', buyerNik: NIK_A }, shop.coop.manager)).total).toBe(120_000);

    shop.host.clock.set('2026-03-23T02:00:00Z'); // next Monday: a new week
    expect((await shop.ok('sembakoSell', { lines: [{ productId: rice, quantity: 2 }], paymentMethod: 'CASH', buyerNik: NIK_B }, shop.coop.staff)).total).toBe(120_000);
  });

  it('lets two cashiers serving one buyer at the same moment sell no more than the limit', async () => {
    shop.host.clock.set('2026-03-30T02:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => shop.run('sembakoSell', { lines: [{ productId: rice, quantity: 1 }], paymentMethod: 'CASH', buyerNik: NIK_A }, shop.coop.staff)),
    );
    expect(results.filter((r) => r.__typename === 'SembakoSellSuccess')).toHaveLength(2);
    expect(results.filter((r) => r.rule === 'BUYER_LIMIT')).toHaveLength(4);
  });

  it('refuses a bad NIK, an unknown product and an unknown member, naming the field', async () => {
    const nik = await shop.run('sembakoSell', { lines: [{ productId: sugar, quantity: 1 }], paymentMethod: 'CASH', buyerNik: '1234' }, shop.coop.staff);
    expect(nik.fields[0]).toMatchObject({ field: 'input.buyerNik' });
    expect(nik.fields[0].messageId).toBeTruthy();
    const credit = await shop.run('sembakoSell', { lines: [{ productId: sugar, quantity: 1 }], paymentMethod: 'MEMBER_CREDIT' }, shop.coop.staff);
    expect(credit.fields[0].field).toBe('input.paymentMethod');
    const qty = await shop.run('sembakoSell', { lines: [{ productId: sugar, quantity: 0 }], paymentMethod: 'CASH' }, shop.coop.staff);
    expect(qty.fields[0].field).toBe('input.lines.0.quantity');
    const bogus = await shop.run('sembakoSell', { lines: [{ productId: 'bm9wZQ', quantity: 1 }], paymentMethod: 'CASH' }, shop.coop.staff);
    expect(bogus.fields[0].field).toBe('input.lines.0.productId');
    const unknownMember = await shop.run('sembakoSell', { lines: [{ productId: sugar, quantity: 1 }], paymentMethod: 'CASH', memberNumber: 99 }, shop.coop.staff);
    expect(unknownMember.code).toBe('NOT_FOUND');
    const tendered = await shop.run('sembakoSell', { lines: [{ productId: sugar, quantity: 2 }], paymentMethod: 'CASH', tendered: 20_000 }, shop.coop.staff);
    expect(tendered.fields[0]).toMatchObject({ field: 'input.tendered', messageEn: 'is less than the total of Rp35000' });
  });
});
