import { describeUnitConformance, startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import depot from './fixture-depot';
import outlet from './fixture-outlet';
import { ok as okOn, run } from './support';

describeUnitConformance(outlet);
describeUnitConformance(depot);

const HOUSEHOLD = '3205010101800001';
const MICRO = '3205010101800003';
const OTHER = '3205010101800002';

describe('commerce kit: the rules of an LPG-like outlet', () => {
  let host: UnitTestHost;
  let cylinder: string;
  const ok = (field: string, input: Record<string, unknown>) => okOn(host, field, input);
  const sell = (input: Record<string, unknown>) =>
    run(host, 'outletSell', { lines: [{ productId: cylinder, quantity: 1 }], paymentMethod: 'CASH', buyerNik: HOUSEHOLD, ...input }, 'id total buyerNikMasked', host.a.staff);

  beforeAll(async () => {
    host = await startUnitTestHost([outlet]);
    await host.enable(host.a, 'outlet', {});
    cylinder = (await ok('outletCreateProduct', { sku: 'LPG-3KG', name: 'LPG 3 kg', unitOfMeasure: 'PIECE', packSize: 1, packName: 'tabung', nonMemberPrice: 19_500 })).id;
    // Garut: Rp19,500 within 60 km, Rp20,500 beyond; this outlet is in the first tier.
    await ok('outletSetCeilingPrice', { productId: cylinder, region: 'GARUT-60KM', amount: 19_500, perQuantity: 1, effectiveFrom: '2025-06-01', reference: 'Kepbup Garut 2025' });
    await ok('outletSetCeilingPrice', { productId: cylinder, region: 'GARUT-LUAR-60KM', amount: 20_500, perQuantity: 1, effectiveFrom: '2025-06-01', reference: 'Kepbup Garut 2025' });
    const agent = (await ok('outletCreateSupplier', { name: 'Agen LPG PT Sumber Gas', kind: 'PERTAMINA' })).id;
    await ok('outletReceiveGoods', { supplierId: agent, payment: 'BANK_TRANSFER', lines: [{ productId: cylinder, quantity: 20, unitCost: 16_000 }] });
    for (const [nik, buyerType] of [[HOUSEHOLD, 'RUMAH_TANGGA'], [MICRO, 'USAHA_MIKRO'], [OTHER, 'RUMAH_TANGGA']] as const) {
      await ok('outletRegisterBeneficiary', { nik, name: `Pembeli ${nik.slice(-1)}`, buyerType });
      await ok('outletVerifyBeneficiary', { nik, reference: 'KTP dan KK diperiksa' });
    }
  });
  afterAll(() => host.close());

  it("records every sale with the buyer's NIK, and holds each NIK to the monthly limit of its registered type", async () => {
    expect((await sell({ buyerNik: null })).fields[0].field).toBe('input.buyerNik');
    for (let i = 0; i < 3; i++) expect(await sell({})).toMatchObject({ __typename: 'OutletSellSuccess', data: { total: 19_500, buyerNikMasked: '3205**********01' } });
    expect(await sell({})).toMatchObject({ __typename: 'BusinessRuleError', rule: 'BUYER_QUOTA', details: { limit: 3, remaining: 0 } });
    // A micro business has its own limit and counter.
    expect((await sell({ buyerNik: MICRO })).__typename).toBe('OutletSellSuccess');
    host.clock.set('2026-04-01T02:00:00Z');
    expect((await sell({})).__typename).toBe('OutletSellSuccess');
  });

  it('sells what is made at the counter (a water refill) without stock or cost of goods', async () => {
    const refill = (await ok('outletCreateProduct', { sku: 'ISI-ULANG-19L', name: 'Isi ulang galon 19 L', unitOfMeasure: 'MILLILITRE', packSize: 19_000, packName: 'galon', stocked: false, nonMemberPrice: 5_000 })).id;
    const r = await run(host, 'outletSell', { lines: [{ productId: refill, quantity: 3 }], paymentMethod: 'QRIS', buyerNik: MICRO }, 'total cost lines { quantity cost }', host.a.staff);
    expect(r).toEqual({ __typename: 'OutletSellSuccess', data: { total: 15_000, cost: 0, lines: [{ quantity: 3, cost: 0 }] } });
    const p = await host.gql(`query($c: ID!, $p: ID!) { outletProduct(cooperativeId: $c, id: $p) { stocked stock { quantity } } }`, { c: host.a.id, p: refill }, host.a.manager);
    expect(p.data.outletProduct).toEqual({ stocked: false, stock: null });
  });

  it('stops every sale while its gate is closed', async () => {
    const settings = (s: Record<string, unknown>) =>
      host.gql(`mutation($input: UnitSettingsInput!) { updateUnitSettings(input: $input) { __typename } }`, { input: { cooperativeId: host.a.id, unitId: 'outlet', settings: s } }, host.a.manager);
    await settings({ suspended: true });
    expect(await sell({ buyerNik: OTHER })).toMatchObject({ code: 'INVALID_STATE', messageId: 'pasokan dihentikan: tidak boleh menjual' });
    await settings({ suspended: false, hetRegion: 'GARUT-LUAR-60KM' });
    expect((await sell({ buyerNik: OTHER })).__typename).toBe('OutletSellSuccess');
  });
});
