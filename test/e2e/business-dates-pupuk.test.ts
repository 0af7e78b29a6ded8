import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { itAppliesTheBusinessDateRules, unitCalls, journalCount, type BusinessEvent } from '../support/business-date';
import { cityWithCoop } from '../support/fixtures';

// The kiosk opens on Monday 2 March 2026 (first financial year 2026; season 2026-MT2 from 1 February);
// the tests run on Tuesday 17 March, 10:00 WIB, so yesterday is 16 March and the staff window reaches back to 10 March.
const OPENING = '2026-03-02T03:00:00Z';
const TODAY = '2026-03-17';
const FARMER = '3205010101800001';

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let staff: string;
const ids = { urea: '', distributor: '', voidable: '' };

const { mutate, ok, read } = unitCalls(() => ({ api, coopId: f.coopId, manager: f.manager }), '__typename');

const salesOn = async (d: string) => (await read(`query($c: ID!, $d: Date) { pupukSales(cooperativeId: $c, date: $d, first: 100) { edges { node { id } } } }`, { d })).pupukSales.edges.length;
const stockCardOn = (kind: string) => async (d: string) => {
  const card = await read(`query($c: ID!, $p: ID!, $d: Date!) { pupukStockCard(cooperativeId: $c, productId: $p, from: $d, to: $d) { kind date } }`, { p: ids.urea, d });
  return card.pupukStockCard.filter((m: { kind: string; date: string }) => m.kind === kind && m.date === d).length;
};
const ureaOnHand = async () => (await read(`query($c: ID!, $p: ID!) { pupukProduct(cooperativeId: $c, id: $p) { stock { quantity } } }`, { p: ids.urea })).pupukProduct.stock.quantity as number;

async function openKiosk() {
  const enabled = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'pupuk', settings: {} } }, f.manager);
  expect(enabled.data.enableUnit.__typename).toBe('EnableUnitSuccess');
  ids.urea = (await ok('pupukCreateProduct', { sku: 'UREA', name: 'Urea bersubsidi', unitOfMeasure: 'GRAM', packSize: 1000, packName: 'kg', stocked: true, nonMemberPrice: 1_800, memberPrice: 1_800 }, f.manager, 'id')).id;
  ids.distributor = (await ok('pupukCreateSupplier', { name: 'CV Distributor Pupuk', kind: 'PUPUK_INDONESIA' }, f.manager, 'id')).id;
  await ok('pupukReceiveGoods', { supplierId: ids.distributor, payment: 'CREDIT', lines: [{ productId: ids.urea, quantity: 1_000, unitCost: 1_700 }] });
  let job = (await ok('pupukImportAllocations', { season: '2026-MT2', fileName: 'erdkk.csv', csv: `nik,nama,poktan,luas_lahan_ha,komoditas,jenis_pupuk,alokasi_kg\n${FARMER},Pak Ujang,Tani Makmur,1,PADI,UREA,500` }, f.manager, 'import { id status }')).import;
  while (job.status === 'WRITING') job = await ok('pupukContinueAllocationImport', { importId: job.id }, f.manager, 'id status');
  ids.voidable = (await ok('pupukSell', { lines: [{ productId: ids.urea, quantity: 10 }], paymentMethod: 'CASH', buyerNik: FARMER, proofReference: 'FOTO-1' }, f.manager, 'id')).id;
}

beforeAll(async () => {
  api = await startTestApi({ now: OPENING });
  f = await cityWithCoop(api, 'Kota Kios Tanggal');
  staff = await api.token({ userId: 'kasir', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['pupuk'] });
  await openKiosk();
  api.clock.set(`${TODAY}T03:00:00Z`);
}, 60_000);
afterAll(() => api?.close());

describe('businessDate on the fertilizer kiosk business events', () => {
  let events: BusinessEvent[];
  beforeAll(() => {
    const journal = (d: string) => journalCount(api, f.coopId, f.manager, d);
    events = [
      {
        field: 'pupukSell',
        record: (d, t) => mutate('pupukSell', { businessDate: d, lines: [{ productId: ids.urea, quantity: 5 }], paymentMethod: 'CASH', buyerNik: FARMER, proofReference: `FOTO-${d ?? 'today'}` }, t),
        reportedOn: journal,
        unitReports: { 'sales of the day': salesOn, 'stock card SALE': stockCardOn('SALE') },
      },
      { field: 'pupukVoidSale', record: (d, t) => mutate('pupukVoidSale', { businessDate: d, saleId: ids.voidable, reason: 'Salah input' }, t), reportedOn: journal, unitReports: { 'stock card VOID': stockCardOn('VOID') } },
      {
        field: 'pupukReceiveGoods',
        record: (d, t) => mutate('pupukReceiveGoods', { businessDate: d, supplierId: ids.distributor, payment: 'CASH', lines: [{ productId: ids.urea, quantity: 50, unitCost: 1_700 }] }, t),
        reportedOn: journal,
        unitReports: { 'stock card RECEIPT': stockCardOn('RECEIPT') },
      },
      { field: 'pupukPaySupplier', record: (d, t) => mutate('pupukPaySupplier', { businessDate: d, supplierId: ids.distributor, amount: 17_000, method: 'BANK_TRANSFER' }, t), reportedOn: journal },
      {
        field: 'pupukRecordStockCount',
        record: async (d, t) => mutate('pupukRecordStockCount', { businessDate: d, note: 'Opname', lines: [{ productId: ids.urea, countedQuantity: (await ureaOnHand()) - 1 }] }, t),
        reportedOn: journal,
        unitReports: { 'stock card COUNT': stockCardOn('COUNT') },
      },
    ];
  });

  itAppliesTheBusinessDateRules('pupuk', () => ({ api, coopId: f.coopId, manager: f.manager, staff, events }));
});
