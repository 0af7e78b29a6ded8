import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { itAppliesTheBusinessDateRules, unitCalls, journalCount, type BusinessEvent } from '../support/business-date';
import { cityWithCoop } from '../support/fixtures';

// The depot opens on Monday 2 March 2026 (first financial year 2026) with its SLHS, a passing water test
// and a working UV lamp; the tests run on Tuesday 17 March, 10:00 WIB, so yesterday is 16 March.
const OPENING = '2026-03-02T03:00:00Z';
const TODAY = '2026-03-17';
const CLEAN = [['E_COLI', '0'], ['TOTAL_COLIFORM', '0'], ['TDS', '90'], ['TURBIDITY', '0.5'], ['PH', '7.1'], ['COLOUR', '2'], ['FE', '0.03'], ['MN', '0.01']].map(([parameter, value]) => ({ parameter, value }));

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let staff: string;
const ids = { refill: '', filter: '', voidable: '' };

const { mutate, ok, read } = unitCalls(() => ({ api, coopId: f.coopId, manager: f.manager }), '__typename');

const salesOn = async (d: string) => (await read(`query($c: ID!, $d: Date) { airminumSales(cooperativeId: $c, date: $d, first: 100) { edges { node { id } } } }`, { d })).airminumSales.edges.length;
const litresOn = async (d: string) => (await read(`query($c: ID!, $d: Date) { airminumDailySummary(cooperativeId: $c, date: $d) { litres } }`, { d })).airminumDailySummary.litres / 19;
const maintenanceOn = async (d: string) =>
  (await read(`query($c: ID!, $e: ID!) { airminumMaintenanceLog(cooperativeId: $c, equipmentId: $e) { date } }`, { e: ids.filter })).airminumMaintenanceLog.filter((m: { date: string }) => m.date === d).length;

async function openDepot() {
  const enabled = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'airminum', settings: {} } }, f.manager);
  expect(enabled.data.enableUnit.__typename).toBe('EnableUnitSuccess');
  const products = await read(`query($c: ID!) { airminumProducts(cooperativeId: $c, first: 10) { edges { node { id sku } } } }`, {});
  ids.refill = products.airminumProducts.edges.find((e: any) => e.node.sku === 'AIR-ISI-ULANG').node.id;
  await ok('airminumRecordSlhs', { number: 'SLHS/1/2026', issuer: 'Dinas Kesehatan', issuedOn: '2026-03-02', expiresOn: '2029-03-01', inspectionScore: 80 });
  await ok('airminumRecordWaterTest', { sampledOn: '2026-02-27', reportedOn: '2026-03-02', lab: 'Labkesda', results: CLEAN });
  await ok('airminumInstallEquipment', { kind: 'UV_LAMP', name: 'Lampu UV', installedOn: '2026-03-02', intervalMonths: 12 });
  ids.filter = (await ok('airminumInstallEquipment', { kind: 'CARBON_FILTER', name: 'Filter karbon', installedOn: '2026-03-02', intervalMonths: 6 }, f.manager, 'id')).id;
  ids.voidable = (await ok('airminumSell', { lines: [{ productId: ids.refill, quantity: 1 }], paymentMethod: 'CASH' }, f.manager, 'id')).id;
}

beforeAll(async () => {
  api = await startTestApi({ now: OPENING });
  f = await cityWithCoop(api, 'Kota Depot Tanggal');
  staff = await api.token({ userId: 'operator', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['airminum'] });
  await openDepot();
  api.clock.set(`${TODAY}T03:00:00Z`);
}, 60_000);
afterAll(() => api?.close());

describe('businessDate on the water depot business events', () => {
  let events: BusinessEvent[];
  beforeAll(() => {
    const journal = (d: string) => journalCount(api, f.coopId, f.manager, d);
    events = [
      {
        field: 'airminumSell',
        record: (d, t) => mutate('airminumSell', { businessDate: d, lines: [{ productId: ids.refill, quantity: 1 }], paymentMethod: 'CASH' }, t),
        reportedOn: journal,
        unitReports: { 'sales of the day': salesOn, 'litres of the day (in gallons)': litresOn },
      },
      { field: 'airminumVoidSale', record: (d, t) => mutate('airminumVoidSale', { businessDate: d, saleId: ids.voidable, reason: 'Salah input' }, t), reportedOn: journal },
      {
        field: 'airminumRecordMaintenance',
        record: (d, t) => mutate('airminumRecordMaintenance', { businessDate: d, equipmentId: ids.filter, action: 'REPLACED', note: 'Cartridge baru', cost: 75_000 }, t),
        reportedOn: journal,
        unitReports: { 'maintenance log of the day': maintenanceOn },
      },
    ];
  });

  itAppliesTheBusinessDateRules('airminum', () => ({ api, coopId: f.coopId, manager: f.manager, staff, events }));
});
