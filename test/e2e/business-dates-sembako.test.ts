import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { unitCalls, expectAcceptedYesterday, expectRefusedBeyondWindow, expectRefusedDate, journalCount, staffMay, unitBusinessEvents, type BusinessEvent } from '../support/business-date';
import { cityWithCoop, nextNik } from '../support/fixtures';
import { businessItems } from '../support/outcome';

// The shop opens on Monday 2 March 2026 (the cooperative's first financial year is 2026). The tests run on
// Tuesday 17 March, 10:00 WIB: yesterday is the Monday of ISO week 12; the staff window reaches back to 10 March.
const OPENING = '2026-03-02T03:00:00Z';
const TODAY = '2026-03-17';
const YESTERDAY = '2026-03-16';
const PRICE_CHANGE = '2026-03-12';

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let staff: string;
const ids: Record<'sugar' | 'rice' | 'oil' | 'supplier' | 'voidable', string> = { sugar: '', rice: '', oil: '', supplier: '', voidable: '' };

const { mutate, ok, read } = unitCalls(() => ({ api, coopId: f.coopId, manager: f.manager }), 'id');

const salesOn = async (d: string) => (await read(`query($c: ID!, $d: Date) { sembakoSales(cooperativeId: $c, date: $d, first: 100) { edges { node { id } } } }`, { d })).sembakoSales.edges.length;
const summaryOn = async (d: string) => (await read(`query($c: ID!, $d: Date) { sembakoDailySummary(cooperativeId: $c, date: $d) { salesCount } }`, { d })).sembakoDailySummary.salesCount;
const stockCardOn = (kind: string) => async (d: string) => {
  const card = await read(`query($c: ID!, $p: ID!, $d: Date!) { sembakoStockCard(cooperativeId: $c, productId: $p, from: $d, to: $d) { kind date } }`, { p: ids.sugar, d });
  return card.sembakoStockCard.filter((m: { kind: string; date: string }) => m.kind === kind && m.date === d).length;
};
const sugarStock = async () => (await read(`query($c: ID!, $p: ID!) { sembakoProduct(cooperativeId: $c, id: $p) { stock { quantity } } }`, { p: ids.sugar })).sembakoProduct.stock.quantity as number;

async function openShop() {
  const enabled = await api.gql(
    `mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`,
    { input: { cooperativeId: f.coopId, unitId: 'sembako', settings: { hetRegion: 'ZONA-1', buyerLimits: [{ sku: 'BERAS-SPHP-5KG', maxQuantity: 2, period: 'WEEK' }] } } },
    f.manager,
  );
  expect(enabled.data.enableUnit.__typename).toBe('EnableUnitSuccess');
  const product = async (sku: string, name: string, unitOfMeasure: string, packSize: number, price: number) =>
    (await ok('sembakoCreateProduct', { sku, name, unitOfMeasure, packSize, packName: 'pak', nonMemberPrice: price })).id as string;
  ids.sugar = await product('GULA-1KG', 'Gula 1 kg', 'GRAM', 1000, 17_500);
  ids.rice = await product('BERAS-SPHP-5KG', 'Beras SPHP 5 kg', 'GRAM', 5000, 62_500);
  ids.oil = await product('MINYAKITA-1L', 'Minyakita 1 L', 'MILLILITRE', 1000, 15_700);
  ids.supplier = (await ok('sembakoCreateSupplier', { name: 'Perum Bulog', kind: 'BULOG' })).id;
  const lines = [{ productId: ids.sugar, quantity: 100, unitCost: 16_000 }, { productId: ids.rice, quantity: 40, unitCost: 56_500 }, { productId: ids.oil, quantity: 40, unitCost: 14_000 }];
  await ok('sembakoReceiveGoods', { supplierId: ids.supplier, payment: 'CREDIT', lines });
  // Ceilings (HET) from January; a decree lowers them from 12 March, and the rice price follows it from that day.
  const het = (productId: string, amount: number, effectiveFrom: string, reference: string) => ok('sembakoSetCeilingPrice', { productId, amount, perQuantity: 1000, effectiveFrom, reference });
  await het(ids.rice, 12_500, '2026-01-01', 'Kepbadan 2026 Zona 1');
  await het(ids.rice, 12_000, PRICE_CHANGE, 'Kepbadan 2026/II');
  await het(ids.oil, 15_700, '2026-01-01', 'Permendag HET Minyakita');
  await het(ids.oil, 15_000, PRICE_CHANGE, 'Permendag HET Minyakita II');
  await ok('sembakoSetPrice', { productId: ids.rice, customerClass: 'NON_MEMBER', amount: 60_000, effectiveFrom: PRICE_CHANGE });
  ids.voidable = (await ok('sembakoSell', { lines: [{ productId: ids.sugar, quantity: 1 }], paymentMethod: 'CASH' })).id;
}

beforeAll(async () => {
  api = await startTestApi({ now: OPENING });
  f = await cityWithCoop(api, 'Kota Toko Tanggal');
  staff = await api.token({ userId: 'kasir', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['sembako'] });
  await openShop();
  api.clock.set(`${TODAY}T03:00:00Z`);
}, 60_000);
afterAll(() => api?.close());

describe('businessDate on the sembako business events', () => {
  let events: BusinessEvent[];
  beforeAll(() => {
    const journal = (d: string) => journalCount(api, f.coopId, f.manager, d);
    const sugar = (quantity: number) => [{ productId: ids.sugar, quantity }];
    events = [
      {
        field: 'sembakoSell',
        record: (d, t) => mutate('sembakoSell', { businessDate: d, lines: sugar(1), paymentMethod: 'CASH' }, t),
        reportedOn: journal,
        unitReports: { sembakoSales: salesOn, 'sembakoDailySummary.salesCount': summaryOn, 'stock card SALE': stockCardOn('SALE') },
      },
      {
        field: 'sembakoVoidSale',
        record: (d, t) => mutate('sembakoVoidSale', { businessDate: d, saleId: ids.voidable, reason: 'Salah input' }, t),
        reportedOn: journal,
        unitReports: { 'stock card VOID': stockCardOn('VOID') },
      },
      {
        field: 'sembakoReceiveGoods',
        record: (d, t) => mutate('sembakoReceiveGoods', { businessDate: d, supplierId: ids.supplier, payment: 'CASH', lines: [{ productId: ids.sugar, quantity: 10, unitCost: 16_000 }] }, t),
        reportedOn: journal,
        unitReports: { 'stock card RECEIPT': stockCardOn('RECEIPT') },
      },
      { field: 'sembakoPaySupplier', record: (d, t) => mutate('sembakoPaySupplier', { businessDate: d, supplierId: ids.supplier, amount: 100_000, method: 'CASH' }, t), reportedOn: journal },
      {
        field: 'sembakoRecordStockCount',
        // One kg short on the shelf, so the count posts its difference.
        record: async (d, t) => mutate('sembakoRecordStockCount', { businessDate: d, note: 'Opname', lines: [{ productId: ids.sugar, countedQuantity: (await sugarStock()) - 1 }] }, t),
        reportedOn: journal,
        unitReports: { 'stock card COUNT': stockCardOn('COUNT') },
      },
    ];
  });

  it('has a case for every sembako mutation the schema marks a business event, and no unit event is without a file', () => {
    const all = unitBusinessEvents();
    expect(all.filter((n) => n.startsWith('sembako'))).toEqual(events.map((e) => e.field).sort());
    // Each installed unit's events are covered by business-dates-<unit>.test.ts.
    expect(all.filter((n) => !/^(sembako|simpanpinjam|lpg|airminum|kolamretensi|pupuk)[A-Z]/.test(n))).toEqual([]);
  });

  it('refuses a date after today, naming businessDate, with nothing written', async () => {
    for (const e of events) await expectRefusedDate(api, e, '2026-03-18', f.manager, /must not be after today \(2026-03-17\)/);
  });

  it("refuses a date before the cooperative's first financial year", async () => {
    for (const e of events) await expectRefusedDate(api, e, '2025-12-31', f.manager, /first financial year \(2026\)/);
  });

  it("refuses a date beyond the caller's backdating window (the cashier's 7 days; a manager's window when set)", async () => {
    expect(events.filter((e) => staffMay(e.field)).map((e) => e.field)).toEqual(['sembakoSell']);
    await expectRefusedBeyondWindow({ api, coopId: f.coopId, manager: f.manager, staff }, events, TODAY);
  });

  it('refuses a date in a locked period', async () => {
    const lock = await api.gql(`mutation($input: LockPeriodInput!) { lockPeriod(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, through: '2026-02' } }, f.manager);
    expect(lock.data.lockPeriod.__typename).toBe('LockPeriodSuccess');
    for (const e of events) await expectRefusedDate(api, e, '2026-02-27', f.manager, /locked period: the books are locked through 2026-02/);
  });

  it('accepts yesterday within the window and reports it on yesterday (the cashier where staff may record it)', async () => {
    for (const e of events) await expectAcceptedYesterday(e, YESTERDAY, staffMay(e.field) ? staff : f.manager);
  });
});

describe('a back-dated sale follows the rules in force on its business date', () => {
  const sell = (productId: string, quantity: number, businessDate: string | undefined, buyerNik?: string) =>
    mutate('sembakoSell', { ...(businessDate ? { businessDate } : {}), lines: [{ productId, quantity }], paymentMethod: 'CASH', ...(buyerNik ? { buyerNik } : {}) }, staff, 'date total lines { unitPrice }').then(
      (r) => r.data.sembakoSell,
    );

  it('is priced by the price in force on its business date, within the ceiling (HET) of that date', async () => {
    // Rice: Rp62,500 a pack until 11 March, Rp60,000 from the 12th, when the HET fell to Rp12,000/kg.
    expect(await sell(ids.rice, 1, '2026-03-11', nextNik())).toMatchObject({ data: { date: '2026-03-11', total: 62_500, lines: [{ unitPrice: 62_500 }] } });
    expect(await sell(ids.rice, 1, undefined, nextNik())).toMatchObject({ data: { date: TODAY, total: 60_000 } });
    // Oil kept Rp15,700 while its HET fell to Rp15,000 on the 12th: above the ceiling today, within it on the 11th.
    const before = await businessItems(api.db);
    expect(await sell(ids.oil, 1, undefined)).toMatchObject({ __typename: 'BusinessRuleError', rule: 'PRICE_ABOVE_CEILING', details: { price: 15_700, ceiling: 15_000 } });
    expect(await sell(ids.oil, 1, '2026-03-13')).toMatchObject({ __typename: 'BusinessRuleError', rule: 'PRICE_ABOVE_CEILING' });
    expect(await businessItems(api.db)).toEqual(before);
    expect(await sell(ids.oil, 1, '2026-03-11')).toMatchObject({ data: { date: '2026-03-11', total: 15_700 } });
    expect(await salesOn('2026-03-11')).toBe(2);
  });

  it("counts a back-dated sale against the buyer's weekly limit in the week of its business date", async () => {
    const buyer = nextNik();
    // ISO week 12 (16-22 March): two packs today use up this buyer's week.
    expect((await sell(ids.rice, 2, undefined, buyer)).data.total).toBe(120_000);
    // Friday the 13th is in week 11, whose limit is untouched.
    expect((await sell(ids.rice, 1, '2026-03-13', buyer)).data).toMatchObject({ date: '2026-03-13', total: 60_000 });
    const before = await businessItems(api.db);
    // Yesterday is in week 12: nothing left.
    expect(await sell(ids.rice, 1, YESTERDAY, buyer)).toMatchObject({ rule: 'BUYER_LIMIT', details: { limit: 2, used: 2, remaining: 0, requested: 1 } });
    // Week 11 has one pack left.
    expect(await sell(ids.rice, 2, '2026-03-10', buyer)).toMatchObject({ rule: 'BUYER_LIMIT', details: { limit: 2, used: 1, remaining: 1, requested: 2 } });
    expect(await businessItems(api.db)).toEqual(before);
    expect((await sell(ids.rice, 1, '2026-03-10', buyer)).data.date).toBe('2026-03-10');
  });

  it('refuses a void dated before its sale, with nothing written', async () => {
    const sale = (await ok('sembakoSell', { lines: [{ productId: ids.sugar, quantity: 1 }], paymentMethod: 'CASH' }, staff)).id;
    const voiding: BusinessEvent = { field: 'sembakoVoidSale', record: (d, t) => mutate('sembakoVoidSale', { businessDate: d, saleId: sale, reason: 'Salah input' }, t), reportedOn: async () => 0 };
    await expectRefusedDate(api, voiding, YESTERDAY, f.manager, /must not be before the sale \(2026-03-17\)/);
  });
});
