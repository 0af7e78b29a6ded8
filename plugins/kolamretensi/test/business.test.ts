import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPond, type Pond } from './support';

let p: Pond;
let pondId: string;
beforeAll(async () => {
  p = await startPond('2026-03-16T02:00:00Z');
  pondId = await p.pond();
}, 60_000);
afterAll(() => p?.close());

describe('the pond’s businesses', () => {
  it('a fish cage: stocking and feed are costs, a harvest is on hand, a sale never more than on hand', async () => {
    const cageId = (await p.ok('kolamretensiCreateCage', { pondId, name: 'KJA 2', species: 'lele' })).id;
    await p.ok('kolamretensiStockCage', { cageId, fish: 1_500, cost: 300_000 }, p.host.a.staff);
    await p.ok('kolamretensiFeedCage', { cageId, grams: 50_000, cost: 550_000 }, p.host.a.staff);
    await p.ok('kolamretensiHarvestCage', { cageId, grams: 80_000 }, p.host.a.staff);
    const over = await p.run('kolamretensiSellFish', { cageId, grams: 80_001, amount: 1_600_000 }, p.host.a.staff);
    expect(over).toMatchObject({ __typename: 'BusinessRuleError', rule: 'NOT_ENOUGH_FISH', field: 'input.grams', details: { onHandGrams: 80_000 } });
    await p.ok('kolamretensiSellFish', { cageId, grams: 60_000, amount: 1_500_000, note: 'Pengepul Pak Dedi' }, p.host.a.staff);
    const cages = await p.query(`query($c: ID!, $p: ID!) { kolamretensiCages(cooperativeId: $c, pondId: $p) { stockedFish feedGrams harvestedGrams onHandGrams soldGrams costs sales } }`, { p: pondId });
    expect(cages.kolamretensiCages).toEqual([{ stockedFish: 1_500, feedGrams: 50_000, harvestedGrams: 80_000, onHandGrams: 20_000, soldGrams: 60_000, costs: 850_000, sales: 1_500_000 }]);
    const events = await p.query(`query($c: ID!, $p: ID!) { kolamretensiCageEvents(cooperativeId: $c, pondId: $p, from: "2026-03-16", to: "2026-03-16") { kind } }`, { p: pondId });
    expect(events.kolamretensiCageEvents.map((e: any) => e.kind)).toEqual(['STOCKING', 'FEED', 'HARVEST', 'SALE']);
  });

  it('tickets: daily counts per kind, at the settings’ prices', async () => {
    await p.ok('kolamretensiSellTickets', { pondId, kind: 'FISHING', quantity: 4 }, p.host.a.staff);
    await p.ok('kolamretensiSellTickets', { pondId, kind: 'FISHING', quantity: 2, businessDate: '2026-03-15' }, p.host.a.staff);
    await p.ok('kolamretensiSellTickets', { pondId, kind: 'VISITOR', quantity: 10 }, p.host.a.staff);
    const days = await p.query(`query($c: ID!, $p: ID!) { kolamretensiTicketDays(cooperativeId: $c, pondId: $p, from: "2026-03-15", to: "2026-03-16") { date kind count amount } }`, { p: pondId });
    expect(days.kolamretensiTicketDays).toEqual([
      { date: '2026-03-15', kind: 'FISHING', count: 2, amount: 30_000 },
      { date: '2026-03-16', kind: 'FISHING', count: 4, amount: 60_000 },
      { date: '2026-03-16', kind: 'VISITOR', count: 10, amount: 50_000 },
    ]);
  });

  it('rentals: billed once a month while they run, paid once', async () => {
    await p.ok('kolamretensiCreateRental', { pondId, tenantName: 'Klub Futsal Sirnaraga', space: 'Lapangan dasar kolam', kind: 'FIELD', monthlyRent: 750_000, startMonth: '2026-01', endMonth: '2026-02' });
    await p.ok('kolamretensiCreateRental', { pondId, tenantName: 'Bu Nining', space: 'Lapak 1', kind: 'STALL', monthlyRent: 300_000, startMonth: '2026-03' });
    const bills = await p.ok('kolamretensiBillRentals', { pondId });
    expect(bills.map((b: any) => [b.space, b.amount])).toEqual([['Lapak 1', 300_000]]);
    const paid = await p.ok('kolamretensiPayRentalBill', { billId: bills[0].id }, p.host.a.staff);
    expect(paid.paidOn).toBe('2026-03-16');
    expect(await p.run('kolamretensiPayRentalBill', { billId: bills[0].id }, p.host.a.staff)).toMatchObject({ rule: 'ALREADY_PAID' });
    const revenue = await p.query(`query($c: ID!, $p: ID!) { kolamretensiMonthRevenue(cooperativeId: $c, pondId: $p) { month fish tickets rentals total cityShareDue } }`, { p: pondId });
    expect(revenue.kolamretensiMonthRevenue).toEqual({ month: '2026-03', fish: 1_500_000, tickets: 140_000, rentals: 300_000, total: 1_940_000, cityShareDue: 582_000 });
  });
});
