import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutlet, type Outlet } from './support';

const HOUSEHOLD = '3205014501900001'; // verified household
const UNVERIFIED = '3205010101800002';
const BLOCKED = '3205010101800003';
const STRANGER = '3205010101800004'; // not registered
const WARUNG = '3205010101800005'; // verified micro business, no limit set for its type

describe('lpg: the 3 kg counter', () => {
  let o: Outlet;
  let refill: string;
  let deposit: string;
  let big: string;
  const sell = (nik: string | null, lines: { productId: string; quantity: number }[], extra: Record<string, unknown> = {}) =>
    o.run('lpgSell', { lines, paymentMethod: 'CASH', ...(nik ? { buyerNik: nik } : {}), ...extra }, o.coop.staff);
  /** What a refused sale must leave untouched: the cylinders, the day's sales and the books. */
  const snapshot = async () => ({ cylinders: await o.cylinders(), sales: await o.sales(), books: await o.inventory('2026-03-01', '2026-03-31') });

  beforeAll(async () => {
    o = await startOutlet({ hetRegion: 'GARUT-60KM', purchaseLimits: [{ buyerType: 'RUMAH_TANGGA', period: 'MONTH', maxCylinders: 3 }] });
    o.host.clock.set('2026-03-16T02:00:00Z'); // Monday 09:00 WIB
    // Garut: Rp19,500 within 60 km, Rp20,500 beyond; this outlet is within.
    refill = await o.product('LPG-3KG', 'LPG 3 kg isi ulang', 19_500);
    await o.ok('lpgSetCeilingPrice', { productId: refill, region: 'GARUT-60KM', amount: 19_500, perQuantity: 1, effectiveFrom: '2026-01-01', reference: 'Kepbup Garut 2025 (<= 60 km)' });
    await o.ok('lpgSetCeilingPrice', { productId: refill, region: 'GARUT-LUAR-60KM', amount: 20_500, perQuantity: 1, effectiveFrom: '2026-01-01', reference: 'Kepbup Garut 2025 (> 60 km)' });
    deposit = await o.product('TABUNG-3KG', 'Tabung 3 kg (deposit)', 150_000, false);
    big = await o.product('LPG-12KG', 'LPG 12 kg', 210_000);
    const agent = (await o.ok('lpgCreateSupplier', { name: 'PT Agen Gas Garut', kind: 'PERTAMINA' })).id;
    await o.ok('lpgReceiveGoods', { supplierId: agent, payment: 'BANK_TRANSFER', lines: [{ productId: refill, quantity: 6, unitCost: 16_000 }, { productId: big, quantity: 2, unitCost: 190_000 }] });
    await o.buyer(HOUSEHOLD, 'Bu Siti', 'RUMAH_TANGGA');
    await o.buyer(WARUNG, 'Warung Pak Dedi', 'USAHA_MIKRO');
    await o.buyer(UNVERIFIED, 'Pak Asep', 'RUMAH_TANGGA', false);
    await o.buyer(BLOCKED, 'Pak Ujang', 'RUMAH_TANGGA');
    await o.ok('lpgBlockBeneficiary', { nik: BLOCKED, reason: 'menjual ke pengecer' });
  });
  afterAll(() => o.close());

  it('sells a refill as an exchange, with the NIK and buyer type; a new cylinder with its deposit takes no empty', async () => {
    const sale = await sell(HOUSEHOLD, [{ productId: refill, quantity: 1 }]);
    expect(sale).toMatchObject({ __typename: 'LpgSellSuccess', data: { total: 19_500, buyerNikMasked: '3205**********01', buyerType: 'RUMAH_TANGGA', subsidizedCylinders: 1, emptiesIn: 1 } });
    expect(await o.cylinders()).toEqual({ full: 5, empty: 1, fullValue: 80_000 });
    const fresh = await sell(HOUSEHOLD, [{ productId: refill, quantity: 1 }, { productId: deposit, quantity: 1 }]);
    expect(fresh.data).toMatchObject({ total: 169_500, emptiesIn: 0, subsidizedCylinders: 1 });
    expect(await o.cylinders()).toMatchObject({ full: 4, empty: 1 });
    // 12 kg is an ordinary good: no NIK, no registry.
    expect((await sell(null, [{ productId: big, quantity: 1 }])).data).toMatchObject({ total: 210_000, buyerType: null, subsidizedCylinders: 0 });
  });

  it('refuses the unregistered, unverified, blocked, a missing NIK and a deposit without a refill; nothing changes', async () => {
    const before = await snapshot();
    const one = [{ productId: refill, quantity: 1 }];
    expect(await sell(STRANGER, one)).toMatchObject({ __typename: 'BusinessRuleError', rule: 'NOT_REGISTERED', field: 'input.buyerNik' });
    expect(await sell(UNVERIFIED, one)).toMatchObject({ rule: 'NOT_VERIFIED', field: 'input.buyerNik' });
    const blocked = await sell(BLOCKED, one);
    expect(blocked).toMatchObject({ rule: 'BENEFICIARY_BLOCKED', field: 'input.buyerNik' });
    expect(blocked.messageId).toContain('menjual ke pengecer');
    expect(await sell(null, one)).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.buyerNik' }] });
    expect(await sell(HOUSEHOLD, [{ productId: deposit, quantity: 1 }])).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.lines.0.quantity' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses beyond the monthly limit, saying the limit and what is left; nothing changes', async () => {
    const before = await snapshot();
    const r = await sell(HOUSEHOLD, [{ productId: refill, quantity: 2 }]);
    expect(r).toMatchObject({ rule: 'BUYER_LIMIT', field: 'input.lines.0.quantity', details: { limit: 3, used: 2, remaining: 1, requested: 2 } });
    expect(r.messageId).toMatch(/3 tabung per bulan/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses beyond the full cylinders on hand; nothing changes', async () => {
    const before = await snapshot();
    expect(await sell(WARUNG, [{ productId: refill, quantity: 5 }])).toMatchObject({ rule: 'OUT_OF_STOCK', field: 'input.lines.0.quantity' });
    expect(await snapshot()).toEqual(before);
  });

  it('two cashiers selling to one NIK at once: only one sale within the limit succeeds', async () => {
    // Bu Siti has 1 cylinder left this month; two sales of 1 race.
    const results = await Promise.all([sell(HOUSEHOLD, [{ productId: refill, quantity: 1 }]), sell(HOUSEHOLD, [{ productId: refill, quantity: 1 }])]);
    expect(results.filter((r) => r.__typename === 'LpgSellSuccess')).toHaveLength(1);
    expect(results.filter((r) => r.rule === 'BUYER_LIMIT')).toHaveLength(1);
    expect(await o.cylinders()).toMatchObject({ full: 3, empty: 2 });
  });

  it('a HET change effective tomorrow leaves today alone; a sale back-dated into the old HET is priced by it; above the HET is refused', async () => {
    // The regent lowers the HET to Rp19,000 from tomorrow; the outlet lowers its price from tomorrow too.
    await o.ok('lpgSetCeilingPrice', { productId: refill, region: 'GARUT-60KM', amount: 19_000, perQuantity: 1, effectiveFrom: '2026-03-17', reference: 'Kepbup Garut 2026' });
    expect((await sell(WARUNG, [{ productId: refill, quantity: 1 }])).data).toMatchObject({ date: '2026-03-16', total: 19_500 });
    o.host.clock.set('2026-03-17T02:00:00Z');
    // Tomorrow the listed Rp19,500 is above the HET: refused, nothing changes.
    const before = await snapshot();
    const above = await sell(WARUNG, [{ productId: refill, quantity: 1 }]);
    expect(above).toMatchObject({ rule: 'PRICE_ABOVE_CEILING', field: 'input.lines.0.productId', details: { price: 19_500, ceiling: 19_000, reference: 'Kepbup Garut 2026' } });
    expect(await snapshot()).toEqual(before);
    await o.ok('lpgSetPrice', { productId: refill, customerClass: 'NON_MEMBER', amount: 19_000, effectiveFrom: '2026-03-17' });
    expect((await sell(WARUNG, [{ productId: refill, quantity: 1 }])).data).toMatchObject({ date: '2026-03-17', total: 19_000 });
    // Yesterday's paper note entered today: the old HET and price of the 16th apply.
    const backDated = await o.run('lpgSell', { lines: [{ productId: refill, quantity: 1 }], paymentMethod: 'CASH', buyerNik: WARUNG, businessDate: '2026-03-16' }, o.coop.manager);
    expect(backDated.data).toMatchObject({ date: '2026-03-16', total: 19_500 });
  });

  it('counts the refused attempts by reason (input errors are not attempts)', async () => {
    const r = await o.host.gql(`query($c: ID!) { lpgRefusalsByReason(cooperativeId: $c, from: "2026-03-01", to: "2026-03-31") { rule count } }`, { c: o.coop.id }, o.coop.supervisor);
    expect(r.data.lpgRefusalsByReason).toEqual([
      { rule: 'BENEFICIARY_BLOCKED', count: 1 },
      { rule: 'BUYER_LIMIT', count: 2 },
      { rule: 'NOT_REGISTERED', count: 1 },
      { rule: 'NOT_VERIFIED', count: 1 },
      { rule: 'OUT_OF_STOCK', count: 1 },
      { rule: 'PRICE_ABOVE_CEILING', count: 1 },
    ]);
  });
});
