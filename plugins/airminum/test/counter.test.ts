import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDepot, type Depot } from './support';

const MEMBER_NIK = '3273014501900001';

/** Refill sales per container type, priced from the settings; member or walk-in; delivery off by default; the day's summary and the books. */
describe('airminum: the refill counter', () => {
  let d: Depot;
  let memberId: string;
  const books = async () => {
    const r = await d.query(`query($c: ID!) { cooperative(id: $c) { ... on Cooperative { ledger { trialBalance(from: "2026-03-01", to: "2026-03-31") { lines { account closingDebit closingCredit } } } } } }`);
    const lines = r.cooperative.ledger.trialBalance.lines as { account: string; closingDebit: number; closingCredit: number }[];
    return Object.fromEntries(lines.map((l) => [l.account, l.closingDebit - l.closingCredit]));
  };

  beforeAll(async () => {
    d = await startDepot({ refillPrice: 6_000, memberRefillPrice: 5_000, newGallonCharge: 45_000, litresPerGallon: 19 });
    d.host.clock.set('2026-03-16T02:00:00Z');
    await d.open('2026-03-01');
    const r = await d.host.gql(`mutation($input: RegisterMemberInput!) { registerMember(input: $input) { ... on RegisterMemberSuccess { data { id } } } }`, { input: { cooperativeId: d.coop.id, nik: MEMBER_NIK, name: 'Bu Rina', address: 'Jl. Sukamaju No. 1', joinDate: '2026-01-05' } }, d.coop.manager);
    memberId = r.data.registerMember.data.id;
  });
  afterAll(() => d.close());

  it('sells refills into own gallons and new plain gallons with the container charge, at the settings prices, with litres', async () => {
    const walkIn = await d.sell(3, 1);
    expect(walkIn).toMatchObject({ __typename: 'AirminumSellSuccess', data: { total: 3 * 6_000 + 45_000, containers: 3, newGallons: 1, litres: 57, customerClass: 'NON_MEMBER', deliveryAddress: null } });
    expect(walkIn.data.number).toMatch(/^AIR-20260316-/);
    const member = await d.sell(2, 0, { memberId });
    expect(member.data).toMatchObject({ total: 10_000, customerClass: 'MEMBER', litres: 38 });
  });

  it('refuses limits whose minimum is above their maximum, naming the setting', async () => {
    const r = await d.host.gql(`mutation($input: UnitSettingsInput!) { updateUnitSettings(input: $input) { __typename ... on ValidationError { fields { field messageId } } } }`, { input: { cooperativeId: d.coop.id, unitId: 'airminum', settings: { limits: { PH: { min: '8.5', max: '6.5' } } } } }, d.coop.manager);
    expect(r.data.updateUnitSettings).toEqual({ __typename: 'ValidationError', fields: [{ field: 'input.settings.limits.PH.max', messageId: 'tidak boleh di bawah min' }] });
  });

  it('takes a price change in the settings at once', async () => {
    await d.host.gql(`mutation($input: UnitSettingsInput!) { updateUnitSettings(input: $input) { __typename } }`, { input: { cooperativeId: d.coop.id, unitId: 'airminum', settings: { refillPrice: 7_000, memberRefillPrice: 5_000, newGallonCharge: 45_000, litresPerGallon: 19 } } }, d.coop.manager);
    expect((await d.sell(1)).data.total).toBe(7_000);
  });

  it('refuses a new gallon without its refill, and a delivery while delivery orders are off (with the trade rule); nothing changes', async () => {
    const before = await books();
    const empty = await d.sell(1, 2);
    expect(empty).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.lines.1.quantity' }] });
    const delivery = await d.sell(1, 0, { deliveryAddress: 'Jl. Merdeka 1' });
    expect(delivery).toMatchObject({ __typename: 'BusinessRuleError', rule: 'DELIVERY_OFF', field: 'input.deliveryAddress' });
    expect(delivery.messageId).toContain('dijual di depot');
    expect(await books()).toEqual(before);
    const depot = await d.query(`query($c: ID!) { airminumDepot(cooperativeId: $c) { deliveryOrders refillPrice tradeRuleNoteEn tradeRuleNoteId } }`);
    expect(depot.airminumDepot).toMatchObject({ deliveryOrders: false, refillPrice: 7_000, tradeRuleNoteEn: expect.stringContaining('sold at the depot'), tradeRuleNoteId: expect.stringContaining('dijual di depot') });
  });

  it('sums the day: sales, containers, litres, revenue (members apart), due items; the books hold the same revenue', async () => {
    const s = await d.query(`query($c: ID!) { airminumDailySummary(cooperativeId: $c) { date sales containers ownGallons newGallons litres revenue memberRevenue due { subject status } } }`);
    expect(s.airminumDailySummary).toMatchObject({ date: '2026-03-16', sales: 3, containers: 6, ownGallons: 5, newGallons: 1, litres: 114, revenue: 63_000 + 10_000 + 7_000, memberRevenue: 10_000 });
    const b = await books();
    expect(b['1100']).toBe(80_000);
    expect(b['4110']).toBe(-10_000);
    expect(b['4120']).toBe(-70_000);
  });

  it('a void reverses the sale in the books and takes its litres back', async () => {
    const sale = await d.sell(1);
    await d.ok('airminumVoidSale', { saleId: sale.data.id, reason: 'salah input' });
    const s = await d.query(`query($c: ID!) { airminumDailySummary(cooperativeId: $c) { sales litres } airminumDepot(cooperativeId: $c) { litresProduced } }`);
    expect(s.airminumDailySummary).toEqual({ sales: 3, litres: 114 });
    expect(s.airminumDepot.litresProduced).toBe(114);
    expect((await books())['1100']).toBe(80_000);
  });
  it('a sale costs a fixed number of DynamoDB calls: its gate reads with the sale, and adds no transaction of its own', async () => {
    await d.products();
    await d.sell(1, 1); // today's activity is recorded: the measured sale is an ordinary one of the day
    const calls = () => Object.fromEntries(d.host.db.calls);
    const before = calls();
    await d.sell(2, 1);
    const after = calls();
    const diff = Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]).filter(([, n]) => n !== 0));
    // One read wave by key: the kit's (the cooperative, the unit record, the idempotency record, the period
    // lock, the activity summary) with what the sale named ahead (the gate's compliance item, products, stock
    // levels); the receipt number once every check passed (an atomic counter, outside the transaction so
    // cashiers never conflict on it); then one transaction holding everything else the sale writes: the
    // stock-card lines and (only on a day's first sale of the unit) the city's activity summary. Nothing is
    // written after it.
    expect(diff).toEqual({ BatchGetItemCommand: 1, UpdateItemCommand: 1, TransactWriteItemsCommand: 1 });
  });

});

describe('airminum: delivery orders turned on; a ceiling price', () => {
  let d: Depot;
  beforeAll(async () => {
    d = await startDepot({ deliveryOrders: true });
    await d.open('2026-03-01');
  });
  afterAll(() => d.close());

  it('refuses a settings price above a ceiling (HET) set on the refill', async () => {
    const { refill } = await d.products();
    await d.ok('airminumSetCeilingPrice', { productId: refill, amount: 4_000, perQuantity: 1, effectiveFrom: '2026-03-16', reference: 'Perwal tarif air isi ulang' }, d.coop.manager);
    expect(await d.sell(1)).toMatchObject({ __typename: 'BusinessRuleError', rule: 'PRICE_ABOVE_CEILING', details: { price: 5_000, ceiling: 4_000 } });
    await d.ok('airminumSetCeilingPrice', { productId: refill, amount: 8_000, perQuantity: 1, effectiveFrom: '2026-03-16', reference: 'Perwal tarif air isi ulang (ralat)' }, d.coop.manager);
  });

  it('takes the address with the sale', async () => {
    const r = await d.sell(2, 0, { deliveryAddress: ' RT 03/RW 05, Gang Mawar 7 ' });
    expect(r.data).toMatchObject({ deliveryAddress: 'RT 03/RW 05, Gang Mawar 7', total: 10_000 });
  });
});
