import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { net, startShop, type Shop } from './support';

/**
 * Purchase -> sale -> void -> stock count on one product, every figure computed by hand:
 *
 *   receive 100 @ 56,500 (order, on credit)  qty 100  value 5,650,000
 *   receive  50 @ 59,000 (cash)              qty 150  value 8,600,000   average 57,333.33
 *   sell 3 to the public @ 62,500 = 187,500  cost 8,600,000 × 3 / 150 = 172,000       qty 147  value 8,428,000
 *   sell 2 to a member  @ 61,000 = 122,000   cost 8,428,000 × 2 / 147 = 114,666.67 -> 114,667   qty 145  value 8,313,333
 *   void the first sale: back at its cost    qty 148  value 8,485,333
 *   count 146: 2 short at 8,485,333 × 2 / 148 = 114,666.66 -> 114,667   qty 146  value 8,370,666
 */
describe('sembako: purchase, sale, void and count, against hand-computed figures', () => {
  let shop: Shop;
  let rice: string;
  let bulog: string;
  let memberId: string;
  let firstSale: any;
  beforeAll(async () => {
    shop = await startShop();
    rice = await shop.product({ sku: 'BERAS-SPHP-5KG', name: 'Beras SPHP 5 kg', unitOfMeasure: 'GRAM', packSize: 5000, packName: 'pak 5 kg', nonMemberPrice: 62_500, memberPrice: 61_000, reorderLevel: 20 });
    bulog = await shop.supplier('Perum Bulog Kanwil Jabar');
    memberId = await shop.member('Siti Aminah', '3273214501900001');
  });
  afterAll(() => shop.close());

  it('receives against an order, then without one, at moving-average cost', async () => {
    const po = await shop.ok('sembakoCreatePurchaseOrder', { supplierId: bulog, lines: [{ productId: rice, quantity: 100, unitCost: 56_500 }] });
    expect(po).toMatchObject({ status: 'OPEN', total: 5_650_000 });
    const over = await shop.run('sembakoReceiveGoods', { purchaseOrderId: po.id, payment: 'CREDIT', lines: [{ productId: rice, quantity: 101, unitCost: 56_500 }] });
    expect(over).toMatchObject({ __typename: 'BusinessRuleError', rule: 'OVER_RECEIPT', field: 'input.lines.0.quantity' });
    await shop.ok('sembakoReceiveGoods', { purchaseOrderId: po.id, payment: 'CREDIT', invoiceNumber: 'BLG-001', lines: [{ productId: rice, quantity: 100, unitCost: 56_500 }] });
    const orders = await shop.host.gql(`query($c: ID!) { sembakoPurchaseOrders(cooperativeId: $c) { status lines { received } } }`, { c: shop.coop.id }, shop.coop.manager);
    expect(orders.data.sembakoPurchaseOrders).toEqual([{ status: 'RECEIVED', lines: [{ received: 100 }] }]);
    shop.host.clock.set('2026-03-16T02:30:00Z');
    await shop.receive(bulog, [{ productId: rice, quantity: 50, unitCost: 59_000 }], 'CASH');
    expect(await shop.stock(rice)).toEqual({ quantity: 150, value: 8_600_000, averageCost: 57_333 });
  });

  it('sells to the public and to a member at their prices, cost at the moving average', async () => {
    shop.host.clock.set('2026-03-16T03:00:00Z');
    firstSale = await shop.ok('sembakoSell', { lines: [{ productId: rice, quantity: 3 }], paymentMethod: 'CASH', tendered: 200_000 }, shop.coop.staff);
    expect(firstSale).toMatchObject({ total: 187_500, cost: 172_000, customerClass: 'NON_MEMBER', change: 12_500, status: 'COMPLETED' });
    expect(firstSale.number).toMatch(/^SBK-20260316-\d{4}$/);
    expect(firstSale.receiptText).toContain('TOTAL');
    expect(firstSale.receiptText).toContain('187.500');
    shop.host.clock.set('2026-03-16T03:05:00Z');
    // The member is named by the number on her card (nomor anggota 1); the sale carries her member id.
    const second = await shop.ok('sembakoSell', { lines: [{ productId: rice, quantity: 2 }], paymentMethod: 'QRIS', memberNumber: 1 }, shop.coop.staff);
    expect(second).toMatchObject({ total: 122_000, cost: 114_667, customerClass: 'MEMBER', memberId, lines: [{ unitPrice: 61_000, quantity: 2, amount: 122_000 }] });
    expect(await shop.stock(rice)).toEqual({ quantity: 145, value: 8_313_333, averageCost: 57_333 });
  });

  it('voids by reversal only: goods back at their cost, the sale kept as VOIDED', async () => {
    shop.host.clock.set('2026-03-16T03:10:00Z');
    const cashier = await shop.run('sembakoVoidSale', { saleId: firstSale.id, reason: 'salah input' }, shop.coop.staff);
    expect(cashier.code).toBe('FORBIDDEN');
    const voided = await shop.ok('sembakoVoidSale', { saleId: firstSale.id, reason: 'pembeli batal' });
    expect(voided).toMatchObject({ status: 'VOIDED', voidReason: 'pembeli batal', number: firstSale.number });
    expect((await shop.run('sembakoVoidSale', { saleId: firstSale.id, reason: 'lagi' })).code).toBe('INVALID_STATE');
    expect(await shop.stock(rice)).toEqual({ quantity: 148, value: 8_485_333, averageCost: 57_333 });
  });

  it('counts stock (opname): the shortage leaves at the moving average', async () => {
    shop.host.clock.set('2026-03-16T09:00:00Z'); // 16:00 WIB, same business day
    const count = await shop.ok('sembakoRecordStockCount', { note: 'opname akhir bulan', lines: [{ productId: rice, countedQuantity: 146 }] });
    expect(count).toMatchObject({ valueDifference: -114_667, lines: [{ systemQuantity: 148, countedQuantity: 146, difference: -2, valueDifference: -114_667 }] });
    expect(await shop.stock(rice)).toEqual({ quantity: 146, value: 8_370_666, averageCost: 57_333 });
  });

  it('keeps the books: every figure in the trial balance, and stock value = Persediaan', async () => {
    const tb = await shop.trialBalance('2026-03-01', '2026-03-31');
    expect(tb.totalDebit).toBe(tb.totalCredit);
    expect(net(tb, '1140')).toBe(8_370_666); // 5,650,000 + 2,950,000 - 172,000 - 114,667 + 172,000 - 114,667
    expect(net(tb, '2110')).toBe(-5_650_000); // owed to Bulog
    expect(net(tb, '1100')).toBe(-2_950_000); // paid 2,950,000; took 187,500 and gave it back
    expect(net(tb, '1110')).toBe(122_000); // QRIS
    expect(net(tb, '4120')).toBe(0); // public sale voided
    expect(net(tb, '4110')).toBe(-122_000); // member revenue
    expect(net(tb, '5110')).toBe(114_667);
    expect(net(tb, 'sembako.stockDifference')).toBe(114_667);
  });

  it('shows the stock card (kartu stok) line by line', async () => {
    const r = await shop.host.gql(
      `query($c: ID!, $p: ID!) { sembakoStockCard(cooperativeId: $c, productId: $p, from: "2026-03-16", to: "2026-03-16") { kind quantity value revenue } }`,
      { c: shop.coop.id, p: rice },
      shop.coop.supervisor,
    );
    expect(r.data.sembakoStockCard).toEqual([
      { kind: 'RECEIPT', quantity: 100, value: 5_650_000, revenue: null },
      { kind: 'RECEIPT', quantity: 50, value: 2_950_000, revenue: null },
      { kind: 'SALE', quantity: -3, value: -172_000, revenue: 187_500 },
      { kind: 'SALE', quantity: -2, value: -114_667, revenue: 122_000 },
      { kind: 'VOID', quantity: 3, value: 172_000, revenue: null },
      { kind: 'COUNT', quantity: -2, value: -114_667, revenue: null },
    ]);
  });

  it('pays the supplier, never more than owed', async () => {
    const too = await shop.run('sembakoPaySupplier', { supplierId: bulog, amount: 5_650_001, method: 'BANK_TRANSFER' });
    expect(too).toMatchObject({ __typename: 'BusinessRuleError', rule: 'OVERPAYMENT' });
    expect(await shop.ok('sembakoPaySupplier', { supplierId: bulog, amount: 5_000_000, method: 'BANK_TRANSFER' })).toMatchObject({ payable: 650_000 });
    const tb = await shop.trialBalance('2026-03-01', '2026-03-31');
    expect(net(tb, '2110')).toBe(-650_000);
  });

  it('summarises the day and the margins', async () => {
    const r = await shop.host.gql(
      `query($c: ID!) { sembakoDailySummary(cooperativeId: $c) { salesCount total memberTotal nonMemberTotal cost margin voidedCount voidedTotal
        byPaymentMethod { method count total } byProduct { sku quantity revenue cost margin marginBasisPoints } }
        sembakoMargins(cooperativeId: $c, from: "2026-03-01", to: "2026-03-31") { sku revenue cost margin marginBasisPoints } }`,
      { c: shop.coop.id },
      shop.coop.manager,
    );
    expect(r.data.sembakoDailySummary).toEqual({
      salesCount: 1,
      total: 122_000,
      memberTotal: 122_000,
      nonMemberTotal: 0,
      cost: 114_667,
      margin: 7_333,
      voidedCount: 1,
      voidedTotal: 187_500,
      byPaymentMethod: [{ method: 'QRIS', count: 1, total: 122_000 }],
      byProduct: [{ sku: 'BERAS-SPHP-5KG', quantity: 2, revenue: 122_000, cost: 114_667, margin: 7_333, marginBasisPoints: 601 }], // 7,333 / 122,000 = 6.01%
    });
    expect(r.data.sembakoMargins).toEqual([{ sku: 'BERAS-SPHP-5KG', revenue: 122_000, cost: 114_667, margin: 7_333, marginBasisPoints: 601 }]);
  });
});
