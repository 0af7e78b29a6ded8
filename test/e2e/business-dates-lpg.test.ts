import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { itAppliesTheBusinessDateRules, unitCalls, journalCount, type BusinessEvent } from '../support/business-date';
import { cityWithCoop } from '../support/fixtures';

// The outlet opens on Monday 2 March 2026 (first financial year 2026); the tests run on Tuesday 17 March,
// 10:00 WIB, so yesterday is 16 March and the staff window reaches back to 10 March.
const OPENING = '2026-03-02T03:00:00Z';
const TODAY = '2026-03-17';
const BUYER = '3205014501900001';

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let staff: string;
const ids = { refill: '', agent: '', voidable: '' };

const { mutate, ok, read } = unitCalls(() => ({ api, coopId: f.coopId, manager: f.manager }), '__typename');

const salesOn = async (d: string) => (await read(`query($c: ID!, $d: Date) { lpgSales(cooperativeId: $c, date: $d, first: 100) { edges { node { id } } } }`, { d })).lpgSales.edges.length;
const deliveriesOn = async (d: string) =>
  (await read(`query($c: ID!) { lpgSupplyMonth(cooperativeId: $c, month: "2026-03") { deliveries { date } } }`, {})).lpgSupplyMonth.deliveries.filter((x: { date: string }) => x.date === d).length;
const stockCardOn = (kind: string) => async (d: string) => {
  const card = await read(`query($c: ID!, $p: ID!, $d: Date!) { lpgStockCard(cooperativeId: $c, productId: $p, from: $d, to: $d) { kind date } }`, { p: ids.refill, d });
  return card.lpgStockCard.filter((m: { kind: string; date: string }) => m.kind === kind && m.date === d).length;
};
const fullOnHand = async () => (await read(`query($c: ID!) { lpgCylinders(cooperativeId: $c) { full } }`, {})).lpgCylinders.full as number;

async function openOutlet() {
  const enabled = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'lpg', settings: {} } }, f.manager);
  expect(enabled.data.enableUnit.__typename).toBe('EnableUnitSuccess');
  ids.refill = (await ok('lpgCreateProduct', { sku: 'LPG-3KG', name: 'LPG 3 kg isi ulang', unitOfMeasure: 'PIECE', packSize: 1, packName: 'tabung', stocked: true, nonMemberPrice: 18_000, memberPrice: 18_000 }, f.manager, 'id')).id;
  ids.agent = (await ok('lpgCreateSupplier', { name: 'PT Agen Gas', kind: 'PERTAMINA' }, f.manager, 'id')).id;
  await ok('lpgSetAllocation', { month: '2026-03', cylinders: 200, reference: 'SA-2026-03' });
  await ok('lpgReceiveDelivery', { supplierId: ids.agent, fullCylinders: 40, emptiesReturned: 0, unitCost: 16_000, paymentReference: 'TRF-001' });
  // Goods on credit, so there is a payable to pay on the day under test.
  await ok('lpgReceiveGoods', { supplierId: ids.agent, payment: 'CREDIT', lines: [{ productId: ids.refill, quantity: 10, unitCost: 16_000 }] });
  await ok('lpgRegisterBeneficiary', { nik: BUYER, name: 'Bu Siti', buyerType: 'RUMAH_TANGGA' });
  await ok('lpgVerifyBeneficiary', { nik: BUYER, reference: 'KTP + KK' });
  ids.voidable = (await ok('lpgSell', { lines: [{ productId: ids.refill, quantity: 1 }], paymentMethod: 'CASH', buyerNik: BUYER }, f.manager, 'id')).id;
}

beforeAll(async () => {
  api = await startTestApi({ now: OPENING });
  f = await cityWithCoop(api, 'Kota Pangkalan Tanggal');
  staff = await api.token({ userId: 'kasir', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['lpg'] });
  await openOutlet();
  api.clock.set(`${TODAY}T03:00:00Z`);
}, 60_000);
afterAll(() => api?.close());

describe('businessDate on the LPG outlet business events', () => {
  let events: BusinessEvent[];
  beforeAll(() => {
    const journal = (d: string) => journalCount(api, f.coopId, f.manager, d);
    events = [
      {
        field: 'lpgSell',
        record: (d, t) => mutate('lpgSell', { businessDate: d, lines: [{ productId: ids.refill, quantity: 1 }], paymentMethod: 'CASH', buyerNik: BUYER }, t),
        reportedOn: journal,
        unitReports: { 'sales of the day': salesOn, 'stock card SALE': stockCardOn('SALE') },
      },
      { field: 'lpgVoidSale', record: (d, t) => mutate('lpgVoidSale', { businessDate: d, saleId: ids.voidable, reason: 'Salah input' }, t), reportedOn: journal, unitReports: { 'stock card VOID': stockCardOn('VOID') } },
      {
        field: 'lpgReceiveGoods',
        record: (d, t) => mutate('lpgReceiveGoods', { businessDate: d, supplierId: ids.agent, payment: 'CASH', lines: [{ productId: ids.refill, quantity: 2, unitCost: 16_000 }] }, t),
        reportedOn: journal,
        unitReports: { 'stock card RECEIPT': stockCardOn('RECEIPT') },
      },
      { field: 'lpgPaySupplier', record: (d, t) => mutate('lpgPaySupplier', { businessDate: d, supplierId: ids.agent, amount: 16_000, method: 'BANK_TRANSFER' }, t), reportedOn: journal },
      {
        field: 'lpgRecordStockCount',
        record: async (d, t) => mutate('lpgRecordStockCount', { businessDate: d, note: 'Opname', lines: [{ productId: ids.refill, countedQuantity: (await fullOnHand()) - 1 }] }, t),
        reportedOn: journal,
        unitReports: { 'stock card COUNT': stockCardOn('COUNT') },
      },
      {
        field: 'lpgReceiveDelivery',
        record: (d, t) => mutate('lpgReceiveDelivery', { businessDate: d, supplierId: ids.agent, fullCylinders: 5, emptiesReturned: 0, unitCost: 16_000, paymentReference: `TRF-${d ?? 'today'}` }, t),
        reportedOn: journal,
        unitReports: { 'deliveries of the day': deliveriesOn },
      },
    ];
  });

  itAppliesTheBusinessDateRules('lpg', () => ({ api, coopId: f.coopId, manager: f.manager, staff, events }));
});
