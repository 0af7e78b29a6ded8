import lpg from '@kkmp/unit-lpg';
import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok as okOn, run } from './support';

const BUYER = '3205014501900001';

/** One operation of the outlet's month, on a day of it. */
const op = fc.oneof(
  fc.record({ kind: fc.constant('deliver' as const), day: fc.integer({ min: 1, max: 28 }), full: fc.integer({ min: 1, max: 15 }), returnShare: fc.integer({ min: 0, max: 100 }), unitCost: fc.integer({ min: 15_500, max: 16_500 }) }),
  fc.record({ kind: fc.constant('exchange' as const), day: fc.integer({ min: 1, max: 28 }), quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('newCylinder' as const), day: fc.integer({ min: 1, max: 28 }), quantity: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('void' as const), day: fc.integer({ min: 1, max: 28 }) }),
);

/**
 * A month of random deliveries, exchanges, new-cylinder sales and voids: after it, full + empty
 * cylinders moved by exactly deliveries − empties returned − cylinders that left without an empty,
 * nothing ever went negative, and the books' LPG inventory equals the value of the full cylinders.
 */
describe('lpg: a month of random operations reconciles', () => {
  let host: UnitTestHost;
  let refill: string;
  let deposit: string;
  let agent: string;
  let runs = 0;
  const ok = (field: string, input: Record<string, unknown>, selection = 'id') => okOn(host, field, input, selection);
  const cylinders = async () => (await host.gql(`query($c: ID!) { lpgCylinders(cooperativeId: $c) { full empty fullValue } }`, { c: host.a.id }, host.a.manager)).data.lpgCylinders;
  const inventory = async (to: string) => {
    const r = await host.gql(
      `query($c: ID!, $to: Date!) { cooperative(id: $c) { ... on Cooperative { ledger { trialBalance(from: "2026-01-01", to: $to) { lines { account closingDebit closingCredit } } } } } }`,
      { c: host.a.id, to },
      host.a.manager,
    );
    const line = r.data.cooperative.ledger.trialBalance.lines.find((l: { account: string }) => l.account === '1140');
    return line ? line.closingDebit - line.closingCredit : 0;
  };

  beforeAll(async () => {
    host = await startUnitTestHost([lpg]);
    host.clock.set('2026-02-02T02:00:00Z');
    await host.enable(host.a, 'lpg', { hetRegion: 'GARUT-60KM' });
    refill = (await ok('lpgCreateProduct', { sku: 'LPG-3KG', name: 'LPG 3 kg', unitOfMeasure: 'PIECE', packSize: 1, packName: 'tabung', nonMemberPrice: 19_500 })).id;
    deposit = (await ok('lpgCreateProduct', { sku: 'TABUNG-3KG', name: 'Tabung 3 kg', unitOfMeasure: 'PIECE', packSize: 1, packName: 'tabung', stocked: false, nonMemberPrice: 150_000 })).id;
    agent = (await ok('lpgCreateSupplier', { name: 'PT Agen Gas', kind: 'PERTAMINA' })).id;
    await ok('lpgRegisterBeneficiary', { nik: BUYER, name: 'Bu Siti', buyerType: 'RUMAH_TANGGA' }, 'status');
    await ok('lpgVerifyBeneficiary', { nik: BUYER, reference: 'KTP + KK' }, 'status');
  });
  afterAll(() => host.close());

  it('full + empty = delivered − returned − left without an empty; books = stock value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 40 }), async (ops) => {
        // Each run is a month of its own (March, April, ...), so the clock only moves forward.
        const month = `2026-${String(3 + runs++).padStart(2, '0')}`;
        await ok('lpgSetAllocation', { month, cylinders: 10_000, reference: 'SA' }, 'month');
        const start = await cylinders();
        let delivered = 0;
        let returned = 0;
        let leftWithoutEmpty = 0;
        let full = start.full;
        let empty = start.empty;
        const completed: { id: string; quantity: number; emptiesIn: number }[] = [];
        for (const o of [...ops].sort((a, b) => a.day - b.day)) {
          host.clock.set(`${month}-${String(o.day).padStart(2, '0')}T02:00:00Z`);
          if (o.kind === 'deliver') {
            const back = Math.floor((empty * o.returnShare) / 100);
            await ok('lpgReceiveDelivery', { supplierId: agent, fullCylinders: o.full, emptiesReturned: back, unitCost: o.unitCost, paymentReference: `TRF-${month}-${o.day}` });
            delivered += o.full;
            returned += back;
            full += o.full;
            empty -= back;
          } else if (o.kind === 'void') {
            const last = completed.pop();
            if (!last || empty < last.emptiesIn) continue;
            await ok('lpgVoidSale', { saleId: last.id, reason: 'uji' });
            full += last.quantity;
            empty -= last.emptiesIn;
            leftWithoutEmpty -= last.quantity - last.emptiesIn;
          } else {
            const lines = [{ productId: refill, quantity: o.quantity }, ...(o.kind === 'newCylinder' ? [{ productId: deposit, quantity: o.quantity }] : [])];
            const r = await run(host, 'lpgSell', { lines, paymentMethod: 'CASH', buyerNik: BUYER }, 'id ... on LpgSale { emptiesIn }', host.a.staff);
            if (o.quantity > full) {
              expect(r).toMatchObject({ rule: 'OUT_OF_STOCK' });
              continue;
            }
            expect(r.__typename).toBe('LpgSellSuccess');
            const emptiesIn = o.kind === 'exchange' ? o.quantity : 0;
            expect(r.data.emptiesIn).toBe(emptiesIn);
            completed.push({ id: r.data.id, quantity: o.quantity, emptiesIn });
            full -= o.quantity;
            empty += emptiesIn;
            leftWithoutEmpty += o.quantity - emptiesIn;
          }
        }
        const end = await cylinders();
        expect(end).toMatchObject({ full, empty });
        expect(end.full + end.empty - (start.full + start.empty)).toBe(delivered - returned - leftWithoutEmpty);
        expect(await inventory(`${month}-28`)).toBe(end.fullValue);
      }),
      { numRuns: 6, endOnFailure: true, seed: 20261201 },
    );
  }, 60_000);
});
