import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutlet, type Outlet } from './support';

const BUYER = '3205014501900001';

describe('lpg: supply from the agent and cylinders on hand', () => {
  let o: Outlet;
  let refill: string;
  let agent: string;
  const month = async (m?: string) =>
    (await o.host.gql(`query($c: ID!, $m: String) { lpgSupplyMonth(cooperativeId: $c, month: $m) { allocation { allocated delivered remaining } deliveries { full emptiesReturned paymentReference receiptNumber } } }`, { c: o.coop.id, m: m ?? null }, o.coop.supervisor)).data.lpgSupplyMonth;
  const deliver = (fullCylinders: number, emptiesReturned: number, paymentReference: string) =>
    o.run('lpgReceiveDelivery', { supplierId: agent, fullCylinders, emptiesReturned, unitCost: 16_000, paymentReference });

  beforeAll(async () => {
    o = await startOutlet({});
    o.host.clock.set('2026-03-02T02:00:00Z');
    refill = await o.product('LPG-3KG', 'LPG 3 kg isi ulang', 18_000);
    agent = (await o.ok('lpgCreateSupplier', { name: 'PT Agen Gas', kind: 'PERTAMINA' })).id;
    await o.buyer(BUYER, 'Bu Siti', 'RUMAH_TANGGA');
  });
  afterAll(() => o.close());

  it('holds deliveries to the month\'s allocation and empties returned to those on hand; nothing changes on a refusal', async () => {
    expect(await deliver(10, 0, 'TRF-001')).toMatchObject({ rule: 'ALLOCATION_EXCEEDED', field: 'input.fullCylinders', details: { allocated: 0, remaining: 0 } });
    expect(await o.ok('lpgSetAllocation', { month: '2026-03', cylinders: 20, reference: 'SA-2026-03' })).toEqual({ month: '2026-03', allocated: 20, delivered: 0, remaining: 20 });
    const first = await deliver(12, 0, 'TRF-001');
    expect(first.data).toMatchObject({ date: '2026-03-02', full: 12, emptiesReturned: 0, paymentReference: 'TRF-001' });
    expect(await o.cylinders()).toEqual({ full: 12, empty: 0, fullValue: 192_000 });
    for (let i = 0; i < 3; i++) await o.ok('lpgSell', { lines: [{ productId: refill, quantity: 1 }], paymentMethod: 'QRIS', buyerNik: BUYER }, o.coop.staff);
    expect(await o.cylinders()).toMatchObject({ full: 9, empty: 3 });

    o.host.clock.set('2026-03-09T02:00:00Z');
    const before = { cylinders: await o.cylinders(), month: await month(), books: await o.inventory('2026-03-01', '2026-03-31') };
    expect(await deliver(9, 0, 'TRF-002')).toMatchObject({ rule: 'ALLOCATION_EXCEEDED', details: { allocated: 20, delivered: 12, remaining: 8, requested: 9 } });
    expect(await deliver(8, 4, 'TRF-002')).toMatchObject({ rule: 'NOT_ENOUGH_EMPTIES', field: 'input.emptiesReturned', details: { available: 3, requested: 4 } });
    expect({ cylinders: await o.cylinders(), month: await month(), books: await o.inventory('2026-03-01', '2026-03-31') }).toEqual(before);
    expect(await o.run('lpgSetAllocation', { month: '2026-03', cylinders: 10, reference: 'revisi' })).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.cylinders' }] });

    await o.ok('lpgReceiveDelivery', { supplierId: agent, fullCylinders: 8, emptiesReturned: 3, unitCost: 16_000, paymentReference: 'TRF-002' });
    // Full + empty on hand = 20 delivered − 3 empties returned (every sale took an empty in).
    expect(await o.cylinders()).toEqual({ full: 17, empty: 0, fullValue: 17 * 16_000 });
    expect(await month()).toEqual({
      allocation: { allocated: 20, delivered: 20, remaining: 0 },
      deliveries: [
        { full: 12, emptiesReturned: 0, paymentReference: 'TRF-001', receiptNumber: expect.stringMatching(/^GR-/) },
        { full: 8, emptiesReturned: 3, paymentReference: 'TRF-002', receiptNumber: expect.stringMatching(/^GR-/) },
      ],
    });
    // The books' LPG inventory equals the value of the full cylinders.
    expect((await o.inventory('2026-03-01', '2026-03-31')).inventory).toBe(17 * 16_000);
  });

  it('voiding an exchange gives the empty back out and the full cylinder back in', async () => {
    const sale = await o.ok('lpgSell', { lines: [{ productId: refill, quantity: 2 }], paymentMethod: 'CASH', buyerNik: BUYER }, o.coop.staff);
    expect(await o.cylinders()).toMatchObject({ full: 15, empty: 2 });
    await o.ok('lpgVoidSale', { saleId: sale.id, reason: 'salah input' });
    expect(await o.cylinders()).toMatchObject({ full: 17, empty: 0 });
  });
});
