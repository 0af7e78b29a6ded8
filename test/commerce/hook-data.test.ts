import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { commerce, commercePermissionNames, commercePermissions } from '@kkmp/commerce';
import { unitPartition } from '@kkmp/host';
import { defineUnit, z } from '@kkmp/plugin-sdk';
import { skPrefix } from '@kkmp/store';
import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import outlet from './fixture-outlet';
import { ok as okOn, run } from './support';

/**
 * A unit whose rule edits the draft it is given, the way units once stored data (`sale.extra.x = ...`),
 * and returns data of its own. Only the returned data may reach the sale.
 */
const kiosk = defineUnit({
  id: 'kiosk',
  name: { id: 'Kios uji', en: 'Test kiosk' },
  description: { id: 'Unit uji untuk data kait.', en: 'A test unit for hook data.' },
  version: '1.0.0',
  compatibility: '^1',
  settings: z.object({}),
  sampleSettings: {},
  permissions: commercePermissions('kiosk', 'test kiosk'),
  schema(b, unit) {
    commerce<unknown, { note: string }>(b, unit, {
      permissions: commercePermissionNames('kiosk'),
      sales: {
        receiptPrefix: 'KSK',
        saleFields: (t) => ({ note: t.string({ nullable: true, description: 'What the rule returned.', resolve: (s) => s.unitData.note ?? null }) }),
        hooks: {
          beforeSale: async (sale) => {
            sale.lines[0]!.amount = 0;
            sale.total = 0;
            (sale as unknown as { unitData: unknown }).unitData = { note: 'written on the draft' };
            return { note: 'returned' };
          },
        },
      },
    });
  },
});

const HOUSEHOLD = '3205010101800001';

describe('commerce kit: what a sale rule returns is stored with the sale and given back to its void', () => {
  let host: UnitTestHost;
  let cylinder: string;
  const ok = (field: string, input: Record<string, unknown>, selection = 'id') => okOn(host, field, input, selection);
  const sell = (quantity = 1) =>
    run(host, 'outletSell', { lines: [{ productId: cylinder, quantity }], paymentMethod: 'CASH', buyerNik: HOUSEHOLD, emptyReturned: true }, 'id ... on OutletSale { buyerType }', host.a.staff);
  const storedSales = async () =>
    (
      await host.db.doc.send(
        new QueryCommand({ TableName: host.db.tableName, KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)', ExpressionAttributeValues: { ':p': unitPartition(host.a.rawId, 'outlet'), ':s': skPrefix('SALE') } }),
      )
    ).Items ?? [];

  beforeAll(async () => {
    host = await startUnitTestHost([outlet, kiosk]);
    await host.enable(host.a, 'outlet', {});
    await host.enable(host.a, 'kiosk', {});
    cylinder = (await ok('outletCreateProduct', { sku: 'LPG-3KG', name: 'LPG 3 kg', unitOfMeasure: 'PIECE', packSize: 1, packName: 'tabung', nonMemberPrice: 19_500 })).id;
    const agent = (await ok('outletCreateSupplier', { name: 'Agen LPG', kind: 'PERTAMINA' })).id;
    await ok('outletReceiveGoods', { supplierId: agent, payment: 'CASH', lines: [{ productId: cylinder, quantity: 20, unitCost: 16_000 }] });
    await ok('outletRegisterBeneficiary', { nik: HOUSEHOLD, name: 'Ibu Sari', buyerType: 'RUMAH_TANGGA' });
    await ok('outletVerifyBeneficiary', { nik: HOUSEHOLD, reference: 'KTP dan KK' });
  });
  afterAll(() => host.close());

  it('stores only what the rule returned: edits to its copy of the draft reach nothing', async () => {
    const water = (await ok('kioskCreateProduct', { sku: 'AIR-19L', name: 'Air 19 L', unitOfMeasure: 'MILLILITRE', packSize: 19_000, packName: 'galon', nonMemberPrice: 6_000 })).id;
    const sale = await run(host, 'kioskSell', { lines: [{ productId: water, quantity: 2 }], paymentMethod: 'CASH' }, 'id total lines { amount } ... on KioskSale { note }', host.a.staff);
    expect(sale).toMatchObject({ __typename: 'KioskSellSuccess', data: { total: 12_000, lines: [{ amount: 12_000 }], note: 'returned' } });
    const again = await host.gql(`query($c: ID!, $id: ID!) { kioskSale(cooperativeId: $c, id: $id) { __typename total ... on KioskSale { note } } }`, { c: host.a.id, id: sale.data.id }, host.a.manager);
    expect(again.data.kioskSale).toEqual({ __typename: 'KioskSale', total: 12_000, note: 'returned' });
  });

  it('keeps the buyer type and the quota a sale took with the sale', async () => {
    const sale = await sell();
    expect(sale).toMatchObject({ __typename: 'OutletSellSuccess', data: { buyerType: 'RUMAH_TANGGA' } });
    const read = await host.gql(`query($c: ID!, $id: ID!) { outletSale(cooperativeId: $c, id: $id) { ... on OutletSale { buyerType emptyReturned } } }`, { c: host.a.id, id: sale.data.id }, host.a.manager);
    expect(read.data.outletSale).toEqual({ buyerType: 'RUMAH_TANGGA', emptyReturned: true });
    const [item] = await storedSales();
    expect(item!.unitData).toEqual({ buyerType: 'RUMAH_TANGGA', emptyReturned: true, quota: [{ key: ['RUMAH_TANGGA', '2026-03', HOUSEHOLD], amount: 1 }] });
  });

  it("gives back on a void exactly what the sale took, though the buyer's registered type has changed since", async () => {
    const [first] = await storedSales();
    await sell(2); // the household limit (3 a month) is used up
    expect(await sell()).toMatchObject({ rule: 'BUYER_QUOTA', details: { remaining: 0 } });
    await ok('outletUpdateBeneficiary', { nik: HOUSEHOLD, buyerType: 'USAHA_MIKRO' });
    expect(await sell()).toMatchObject({ data: { buyerType: 'USAHA_MIKRO' } });
    const firstId = (await host.gql(`query($c: ID!) { outletSales(cooperativeId: $c) { edges { node { id number } } } }`, { c: host.a.id }, host.a.manager)).data.outletSales.edges.find(
      (e: { node: { number: string } }) => e.node.number === first!.number,
    ).node.id;
    // Recomputed from the registry, the void would give back to USAHA_MIKRO; the stored data says RUMAH_TANGGA.
    await ok('outletVoidSale', { saleId: firstId, reason: 'salah catat' });
    await ok('outletUpdateBeneficiary', { nik: HOUSEHOLD, buyerType: 'RUMAH_TANGGA' });
    expect(await sell()).toMatchObject({ __typename: 'OutletSellSuccess', data: { buyerType: 'RUMAH_TANGGA' } });
    expect(await sell()).toMatchObject({ rule: 'BUYER_QUOTA', details: { remaining: 0 } });
  });
});
