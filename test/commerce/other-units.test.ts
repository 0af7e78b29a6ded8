import { describeUnitConformance, startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import outlet from './fixture-outlet';

describeUnitConformance(outlet);

describe('commerce kit: the rules of an LPG-like outlet', () => {
  let host: UnitTestHost;
  let cylinder: string;
  const ok = async (field: string, input: Record<string, unknown>, token = host.a.manager) => {
    const type = field[0]!.toUpperCase() + field.slice(1);
    const r = await host.gql(`mutation($input: ${type}Input!) { ${field}(input: $input) { __typename ... on ${type}Success { data { id } } ... on Error { code messageEn } } }`, { input: { cooperativeId: host.a.id, ...input } }, token);
    if (r.data[field].__typename !== `${type}Success`) throw new Error(JSON.stringify(r.data));
    return r.data[field].data.id as string;
  };
  const sell = (input: Record<string, unknown>) =>
    host
      .gql(
        `mutation($input: OutletSellInput!) { outletSell(input: $input) { __typename ... on OutletSellSuccess { data { id total buyerNikMasked } }
          ... on BusinessRuleError { rule details } ... on ValidationError { fields { field } } ... on Error { code messageId } } }`,
        { input: { cooperativeId: host.a.id, lines: [{ productId: cylinder, quantity: 1 }], paymentMethod: 'CASH', buyerNik: '3205010101800001', buyerType: 'RUMAH_TANGGA', ...input } },
        host.a.staff,
      )
      .then((r) => r.data.outletSell);

  beforeAll(async () => {
    host = await startUnitTestHost([outlet]);
    await host.enable(host.a, 'outlet', {});
    cylinder = await ok('outletCreateProduct', { sku: 'LPG-3KG', name: 'LPG 3 kg', unitOfMeasure: 'PIECE', packSize: 1, packName: 'tabung', nonMemberPrice: 19_500 });
    // Garut: Rp19,500 within 60 km, Rp20,500 beyond; this outlet is in the first tier.
    await ok('outletSetCeilingPrice', { productId: cylinder, region: 'GARUT-60KM', amount: 19_500, perQuantity: 1, effectiveFrom: '2025-06-01', reference: 'Kepbup Garut 2025' });
    await ok('outletSetCeilingPrice', { productId: cylinder, region: 'GARUT-LUAR-60KM', amount: 20_500, perQuantity: 1, effectiveFrom: '2025-06-01', reference: 'Kepbup Garut 2025' });
    const agent = await ok('outletCreateSupplier', { name: 'Agen LPG PT Sumber Gas', kind: 'PERTAMINA' });
    await ok('outletReceiveGoods', { supplierId: agent, payment: 'BANK_TRANSFER', lines: [{ productId: cylinder, quantity: 20, unitCost: 16_000 }] });
  });
  afterAll(() => host.close());

  it("records every sale with the buyer's NIK and type, and holds each NIK to its monthly limit", async () => {
    expect((await sell({ buyerNik: null })).fields[0].field).toBe('input.buyerNik');
    for (let i = 0; i < 3; i++) expect(await sell({})).toMatchObject({ __typename: 'OutletSellSuccess', data: { total: 19_500 } });
    expect(await sell({})).toMatchObject({ __typename: 'BusinessRuleError', rule: 'BUYER_QUOTA', details: { limit: 3, remaining: 0 } });
    // Another type has its own limit and counter.
    expect((await sell({ buyerType: 'USAHA_MIKRO' })).__typename).toBe('OutletSellSuccess');
    host.clock.set('2026-04-01T02:00:00Z');
    expect((await sell({})).__typename).toBe('OutletSellSuccess');
  });

  it('sells what is made at the counter (a water refill) without stock or cost of goods', async () => {
    const refill = await ok('outletCreateProduct', { sku: 'ISI-ULANG-19L', name: 'Isi ulang galon 19 L', unitOfMeasure: 'MILLILITRE', packSize: 19_000, packName: 'galon', stocked: false, nonMemberPrice: 5_000 });
    const r = await host.gql(
      `mutation($input: OutletSellInput!) { outletSell(input: $input) { __typename ... on OutletSellSuccess { data { total cost lines { quantity cost } } } } }
      `,
      { input: { cooperativeId: host.a.id, lines: [{ productId: refill, quantity: 3 }], paymentMethod: 'QRIS', buyerNik: '3205010101800003', buyerType: 'USAHA_MIKRO' } },
      host.a.staff,
    );
    expect(r.data.outletSell).toEqual({ __typename: 'OutletSellSuccess', data: { total: 15_000, cost: 0, lines: [{ quantity: 3, cost: 0 }] } });
    const p = await host.gql(`query($c: ID!, $p: ID!) { outletProduct(cooperativeId: $c, id: $p) { stocked stock { quantity } } }`, { c: host.a.id, p: refill }, host.a.manager);
    expect(p.data.outletProduct).toEqual({ stocked: false, stock: null });
  });

  it('stops every sale while its gate is closed', async () => {
    await host.gql(
      `mutation($input: UnitSettingsInput!) { updateUnitSettings(input: $input) { __typename } }`,
      { input: { cooperativeId: host.a.id, unitId: 'outlet', settings: { suspended: true } } },
      host.a.manager,
    );
    expect(await sell({ buyerNik: '3205010101800002' })).toMatchObject({ code: 'INVALID_STATE', messageId: 'pasokan dihentikan: tidak boleh menjual' });
    await host.gql(
      `mutation($input: UnitSettingsInput!) { updateUnitSettings(input: $input) { __typename } }`,
      { input: { cooperativeId: host.a.id, unitId: 'outlet', settings: { suspended: false, hetRegion: 'GARUT-LUAR-60KM' } } },
      host.a.manager,
    );
    expect((await sell({ buyerNik: '3205010101800002' })).__typename).toBe('OutletSellSuccess');
  });
});
