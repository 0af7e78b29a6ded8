import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareOf } from '../src/services/revenue';
import { startPond, type Pond } from './support';

let p: Pond;
let pondId: string;
const at = (date: string, time = '10:00') => p.host.clock.set(`${date}T${time}:00+07:00`);

async function trialBalance(from: string, to: string): Promise<Record<string, number>> {
  const d = await p.query(`query($c: ID!, $from: Date!, $to: Date!) { cooperative(id: $c) { ... on Cooperative { ledger { trialBalance(from: $from, to: $to) { lines { account closingDebit closingCredit } } } } } }`, { from, to });
  return Object.fromEntries(d.cooperative.ledger.trialBalance.lines.map((l: any) => [l.account, l.closingCredit - l.closingDebit]));
}
const journalCount = async () => (await p.query(`query($c: ID!) { cooperative(id: $c) { ... on Cooperative { ledger { journal(from: "2026-03-01", to: "2026-04-30", first: 100) { edges { node { id } } } } } } }`)).cooperative.ledger.journal.edges.length;

beforeAll(async () => {
  p = await startPond('2026-03-02T02:00:00Z');
  // 27.5%: a share with half a rupiah to round.
  pondId = await p.pond({ agreement: { number: 'PKS/7/2026', startDate: '2026-01-01', endDate: '2030-12-31', revenueShareBps: 2_750 } });
}, 60_000);
afterAll(() => p?.close());

describe("revenue by business line and the city's share", () => {
  it("posts the agreement's percentage of the month's pond revenue, to the rupiah (half up), once", async () => {
    at('2026-03-05');
    await p.ok('kolamretensiCreateRental', { pondId, tenantName: 'Warung Bu Imas', space: 'Lapak 3', kind: 'STALL', monthlyRent: 1_250_001, startMonth: '2026-03' });
    const bills = await p.ok('kolamretensiBillRentals', { pondId });
    expect(bills.map((b: any) => b.amount)).toEqual([1_250_001]);
    expect(await p.ok('kolamretensiBillRentals', { pondId }), 'billed once a month').toEqual([]);
    await p.ok('kolamretensiSellTickets', { pondId, kind: 'FISHING', quantity: 3 }, p.host.a.staff);
    const day = await p.ok('kolamretensiSellTickets', { pondId, kind: 'VISITOR', quantity: 7 }, p.host.a.staff);
    expect(day).toEqual({ date: '2026-03-05', kind: 'VISITOR', count: 7, amount: 35_000 });
    const cage = (await p.ok('kolamretensiCreateCage', { pondId, name: 'KJA 1', species: 'nila' })).id;
    await p.ok('kolamretensiStockCage', { cageId: cage, fish: 2_000, cost: 400_000 });
    await p.ok('kolamretensiHarvestCage', { cageId: cage, grams: 12_500 });
    await p.ok('kolamretensiSellFish', { cageId: cage, grams: 12_000, amount: 333_333 });
    at('2026-03-31', '20:00');
    await p.ok('kolamretensiSellTickets', { pondId, kind: 'VISITOR', quantity: 1 }, p.host.a.staff);
    at('2026-04-01', '08:00');
    await p.ok('kolamretensiSellTickets', { pondId, kind: 'FISHING', quantity: 2 }, p.host.a.staff);

    at('2026-04-02');
    const march = 1_250_001 + 45_000 + 35_000 + 333_333 + 5_000;
    const revenue = await p.query(`query($c: ID!, $p: ID!) { kolamretensiMonthRevenue(cooperativeId: $c, pondId: $p, month: "2026-03") { fish tickets rentals total cityShareDue cityShare { amount } } }`, { p: pondId });
    expect(revenue.kolamretensiMonthRevenue).toEqual({ fish: 333_333, tickets: 85_000, rentals: 1_250_001, total: march, cityShareDue: 458_792, cityShare: null });
    // 27.5% of it is Rp458,791.85: half a rupiah and more rounds up.
    expect(march * 2_750).toBe(4_587_918_500);
    expect(shareOf(march, 2_750)).toBe(458_792);

    const share = await p.ok('kolamretensiPostCityShare', { pondId, month: '2026-03' });
    expect(share).toEqual({ month: '2026-03', revenue: march, revenueShareBps: 2_750, amount: 458_792, date: '2026-04-02' });
    const entries = await journalCount();
    expect(await p.ok('kolamretensiPostCityShare', { pondId, month: '2026-03', idempotencyKey: 'another-request-same-month' }), 'the first posting, not a second').toEqual(share);
    expect(await journalCount()).toBe(entries);

    const tb = await trialBalance('2026-03-01', '2026-04-02');
    expect(tb['kolamretensi.cityShareDue']).toBe(458_792);
    expect(tb['kolamretensi.fishRevenue']).toBe(333_333);
    expect(tb['kolamretensi.ticketRevenue']).toBe(85_000 + 30_000);
    expect(tb['kolamretensi.rentalRevenue']).toBe(1_250_001);
  });

  it('a month with its share posted takes no more revenue, and a month not over is not posted', async () => {
    const late = await p.run('kolamretensiSellTickets', { pondId, kind: 'FISHING', quantity: 1, businessDate: '2026-03-31' });
    expect(late).toMatchObject({ __typename: 'BusinessRuleError', rule: 'SHARE_POSTED', field: 'input.businessDate' });
    const april = await p.run('kolamretensiPostCityShare', { pondId, month: '2026-04' });
    expect(april).toMatchObject({ __typename: 'BusinessRuleError', rule: 'MONTH_NOT_OVER', field: 'input.month' });
  });

  it('two postings of one month at the same moment post one entry', async () => {
    const gedebage = await p.pond({ name: 'Kolam Retensi Gedebage', capacityM3: 5_425 });
    await p.ok('kolamretensiSellTickets', { pondId: gedebage, kind: 'VISITOR', quantity: 9, businessDate: '2026-03-30' });
    const entries = await journalCount();
    const [a, b] = await Promise.all([
      p.ok('kolamretensiPostCityShare', { pondId: gedebage, month: '2026-03', idempotencyKey: 'share-twin-one' }),
      p.ok('kolamretensiPostCityShare', { pondId: gedebage, month: '2026-03', idempotencyKey: 'share-twin-two' }),
    ]);
    expect(a).toEqual(b);
    expect(a.amount).toBe(shareOf(45_000, 3_000));
    expect(await journalCount()).toBe(entries + 1);
  });
});
