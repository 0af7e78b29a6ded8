import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { itAppliesTheBusinessDateRules, unitCalls, journalCount, type BusinessEvent } from '../support/business-date';
import { cityWithCoop } from '../support/fixtures';

// The cooperative takes on the pond on Monday 2 March 2026 (first financial year 2026); the tests run on
// Tuesday 17 March, 10:00 WIB, so yesterday is 16 March and the staff window reaches back to 10 March.
const OPENING = '2026-03-02T03:00:00Z';
const TODAY = '2026-03-17';

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let staff: string;
const ids = { pond: '', cage: '', bill: '' };

const { mutate, ok, read } = unitCalls(() => ({ api, coopId: f.coopId, manager: f.manager }), '__typename');

const POND = {
  name: 'Kolam Retensi Sirnaraga', location: 'Kota Bandung', capacityM3: 19_473, areaM2: 8_200,
  thresholds: { siaga3Cm: 750, siaga2Cm: 850, siaga1Cm: 950 },
  agreement: { number: 'PKS/012/2026', startDate: '2026-01-01', endDate: '2030-12-31', revenueShareBps: 3_000 },
};
const cageEventsOn = (kind: string) => async (d: string) =>
  (await read(`query($c: ID!, $p: ID!, $d: Date!) { kolamretensiCageEvents(cooperativeId: $c, pondId: $p, from: $d, to: $d) { kind } }`, { p: ids.pond, d })).kolamretensiCageEvents.filter((e: { kind: string }) => e.kind === kind).length;
const ticketsOn = async (d: string) =>
  (await read(`query($c: ID!, $p: ID!, $d: Date!) { kolamretensiTicketDays(cooperativeId: $c, pondId: $p, from: $d, to: $d) { count } }`, { p: ids.pond, d })).kolamretensiTicketDays.reduce((n: number, x: { count: number }) => n + x.count, 0);
const bills = async (month: string) => (await read(`query($c: ID!, $p: ID!, $m: String!) { kolamretensiRentalBills(cooperativeId: $c, pondId: $p, month: $m) { billedOn paidOn } }`, { p: ids.pond, m: month })).kolamretensiRentalBills as { billedOn: string; paidOn: string | null }[];

async function openPond() {
  const enabled = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'kolamretensi', settings: {} } }, f.manager);
  expect(enabled.data.enableUnit.__typename).toBe('EnableUnitSuccess');
  ids.pond = (await ok('kolamretensiCreatePond', POND, f.manager, 'id')).id;
  ids.cage = (await ok('kolamretensiCreateCage', { pondId: ids.pond, name: 'KJA 1', species: 'nila' }, f.manager, 'id')).id;
  await ok('kolamretensiHarvestCage', { cageId: ids.cage, grams: 500_000 });
  // February revenue (before the cooperative took the pond's books over in March), for February's share.
  await ok('kolamretensiSellTickets', { pondId: ids.pond, kind: 'FISHING', quantity: 10, businessDate: '2026-02-27' });
  // A stall billed for March now (to pay under test), and a field whose March bill is the event under test.
  await ok('kolamretensiCreateRental', { pondId: ids.pond, tenantName: 'Bu Nining', space: 'Lapak 1', kind: 'STALL', monthlyRent: 300_000, startMonth: '2026-03' });
  ids.bill = (await ok('kolamretensiBillRentals', { pondId: ids.pond }, f.manager, 'id'))[0].id;
  await ok('kolamretensiCreateRental', { pondId: ids.pond, tenantName: 'Klub Futsal', space: 'Lapangan', kind: 'FIELD', monthlyRent: 750_000, startMonth: '2026-03' });
}

beforeAll(async () => {
  api = await startTestApi({ now: OPENING });
  f = await cityWithCoop(api, 'Kota Kolam Tanggal');
  staff = await api.token({ userId: 'petugas-kolam', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['kolamretensi'] });
  await openPond();
  api.clock.set(`${TODAY}T03:00:00Z`);
}, 60_000);
afterAll(() => api?.close());

describe('businessDate on the retention pond business events', () => {
  let events: BusinessEvent[];
  beforeAll(() => {
    const journal = (d: string) => journalCount(api, f.coopId, f.manager, d);
    events = [
      { field: 'kolamretensiStockCage', record: (d, t) => mutate('kolamretensiStockCage', { businessDate: d, cageId: ids.cage, fish: 100, cost: 20_000 }, t), reportedOn: journal, unitReports: { 'cage events STOCKING': cageEventsOn('STOCKING') } },
      { field: 'kolamretensiFeedCage', record: (d, t) => mutate('kolamretensiFeedCage', { businessDate: d, cageId: ids.cage, grams: 5_000, cost: 55_000 }, t), reportedOn: journal, unitReports: { 'cage events FEED': cageEventsOn('FEED') } },
      // A harvest moves fish (by weight) but no value in the books: its dated report is the cage's events.
      { field: 'kolamretensiHarvestCage', record: (d, t) => mutate('kolamretensiHarvestCage', { businessDate: d, cageId: ids.cage, grams: 10_000 }, t), reportedOn: cageEventsOn('HARVEST') },
      { field: 'kolamretensiSellFish', record: (d, t) => mutate('kolamretensiSellFish', { businessDate: d, cageId: ids.cage, grams: 10_000, amount: 250_000 }, t), reportedOn: journal, unitReports: { 'cage events SALE': cageEventsOn('SALE') } },
      { field: 'kolamretensiSellTickets', record: (d, t) => mutate('kolamretensiSellTickets', { businessDate: d, pondId: ids.pond, kind: 'VISITOR', quantity: 1 }, t), reportedOn: journal, unitReports: { 'tickets of the day': ticketsOn } },
      { field: 'kolamretensiBillRentals', record: (d, t) => mutate('kolamretensiBillRentals', { businessDate: d, pondId: ids.pond }, t), reportedOn: journal, unitReports: { 'bills of the day': async (d) => (await bills(d.slice(0, 7))).filter((b) => b.billedOn === d).length } },
      { field: 'kolamretensiPayRentalBill', record: (d, t) => mutate('kolamretensiPayRentalBill', { businessDate: d, billId: ids.bill }, t), reportedOn: journal, unitReports: { 'bills paid that day': async (d) => (await bills('2026-03')).filter((b) => b.paidOn === d).length } },
      { field: 'kolamretensiPostCityShare', record: (d, t) => mutate('kolamretensiPostCityShare', { businessDate: d, pondId: ids.pond, month: '2026-02' }, t), reportedOn: journal },
    ];
  });

  itAppliesTheBusinessDateRules('kolamretensi', () => ({ api, coopId: f.coopId, manager: f.manager, staff, events }));
});
