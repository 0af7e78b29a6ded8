import { commerce, commercePermissionNames, commercePermissions } from '@kkmp/commerce';
import { defineUnit, z } from '@kkmp/plugin-sdk';
import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok as okOn, run } from './support';

/** A unit whose price list is its settings for one SKU (as the water depot's), the catalog for the rest. */
const listed = defineUnit({
  id: 'listed',
  name: { id: 'Unit harga uji', en: 'Test price-list unit' },
  description: { id: 'Unit uji untuk kait harga.', en: 'A test unit for the price hook.' },
  version: '1.0.0',
  compatibility: '^1',
  settings: z.object({ refill: z.number().int().default(5_000).describe('Refill price'), memberRefill: z.number().int().default(4_000).describe('Member refill price') }),
  sampleSettings: {},
  permissions: commercePermissions('listed', 'test price list'),
  schema(b, unit) {
    commerce<{ refill: number; memberRefill: number }>(b, unit, {
      permissions: commercePermissionNames('listed'),
      sales: {
        receiptPrefix: 'LST',
        hooks: { price: (q, u) => (q.product.sku === 'ISI' ? (q.customerClass === 'MEMBER' ? u.settings.memberRefill : u.settings.refill) : undefined) },
      },
    });
  },
});

describe('commerce kit: a unit may price lines from its own list (the price hook)', () => {
  let host: UnitTestHost;
  let refill: string;
  let cup: string;
  let member: string;
  const ok = (field: string, input: Record<string, unknown>, selection = 'id') => okOn(host, field, input, selection);
  const sell = (productId: string, extra: Record<string, unknown> = {}) => run(host, 'listedSell', { lines: [{ productId, quantity: 2 }], paymentMethod: 'CASH', ...extra }, 'total customerClass lines { unitPrice }', host.a.staff);

  beforeAll(async () => {
    host = await startUnitTestHost([listed]);
    await host.enable(host.a, 'listed', {});
    refill = (await ok('listedCreateProduct', { sku: 'ISI', name: 'Isi ulang', unitOfMeasure: 'PIECE', packSize: 1, packName: 'galon' })).id;
    cup = (await ok('listedCreateProduct', { sku: 'GELAS', name: 'Air gelas', unitOfMeasure: 'PIECE', packSize: 1, packName: 'gelas', nonMemberPrice: 1_000 })).id;
    const r = await host.gql(`mutation($input: RegisterMemberInput!) { registerMember(input: $input) { ... on RegisterMemberSuccess { data { id } } } }`, { input: { cooperativeId: host.a.id, nik: '3273014501900002', name: 'Pak Ade', address: 'Jl. Melati 2', joinDate: '2026-01-05' } }, host.a.manager);
    member = r.data.registerMember.data.id;
  });
  afterAll(() => host.close());

  it('prices by the hook (by customer class) where it answers, by the catalog where it does not', async () => {
    expect(await sell(refill)).toMatchObject({ data: { total: 10_000, lines: [{ unitPrice: 5_000 }] } });
    expect(await sell(refill, { memberId: member })).toMatchObject({ data: { total: 8_000, customerClass: 'MEMBER' } });
    expect(await sell(cup)).toMatchObject({ data: { total: 2_000 } });
  });

  it('still holds the price to the ceiling (HET)', async () => {
    await ok('listedSetCeilingPrice', { productId: refill, amount: 4_500, perQuantity: 1, effectiveFrom: '2026-03-01', reference: 'Perwal' });
    expect(await sell(refill)).toMatchObject({ rule: 'PRICE_ABOVE_CEILING', details: { price: 5_000, ceiling: 4_500 } });
    expect(await sell(refill, { memberId: member })).toMatchObject({ data: { total: 8_000 } });
  });
});
