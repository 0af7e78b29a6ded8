import { csvParse } from '@kkmp/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutlet, type Outlet } from './support';

const BUYERS = [
  { nik: '3205014501900001', type: 'RUMAH_TANGGA' },
  { nik: '3205010101800005', type: 'USAHA_MIKRO' },
  { nik: '3205010101800006', type: 'NELAYAN' },
];

describe('lpg: the logbook and sales per buyer type', () => {
  let o: Outlet;
  let refill: string;
  let big: string;
  const made: { date: string; time: string; nik: string; buyerType: string; quantity: number }[] = [];

  beforeAll(async () => {
    o = await startOutlet({});
    o.host.clock.set('2026-03-02T01:00:00Z');
    refill = await o.product('LPG-3KG', 'LPG 3 kg', 19_000);
    big = await o.product('LPG-12KG', 'LPG 12 kg', 210_000);
    const agent = (await o.ok('lpgCreateSupplier', { name: 'PT Agen Gas', kind: 'PERTAMINA' })).id;
    await o.ok('lpgReceiveGoods', { supplierId: agent, payment: 'BANK_TRANSFER', lines: [{ productId: refill, quantity: 100, unitCost: 16_000 }, { productId: big, quantity: 5, unitCost: 190_000 }] });
    for (const b of BUYERS) await o.buyer(b.nik, `Pembeli ${b.type}`, b.type);
    // A month of sales: one a day, rotating buyers, at changing hours (UTC 01:00 + day % 8 hours = 08:00.. WIB).
    for (let day = 2; day <= 28; day += 2) {
      const hour = 1 + (day % 8);
      o.host.clock.set(`2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:15:00Z`);
      const b = BUYERS[day % 3]!;
      const quantity = 1 + (day % 2 === 0 ? (day / 2) % 3 : 0);
      await o.ok('lpgSell', { lines: [{ productId: refill, quantity }], paymentMethod: 'CASH', buyerNik: b.nik }, o.coop.staff);
      made.push({ date: `2026-03-${String(day).padStart(2, '0')}`, time: `${String(hour + 7).padStart(2, '0')}:15`, nik: b.nik, buyerType: b.type, quantity });
    }
    // Neither a 12 kg sale nor a voided one is in the logbook.
    await o.ok('lpgSell', { lines: [{ productId: big, quantity: 1 }], paymentMethod: 'CASH' }, o.coop.staff);
    const voided = await o.ok('lpgSell', { lines: [{ productId: refill, quantity: 1 }], paymentMethod: 'CASH', buyerNik: BUYERS[0]!.nik }, o.coop.staff);
    await o.ok('lpgVoidSale', { saleId: voided.id, reason: 'batal' });
  });
  afterAll(() => o.close());

  it("round-trips the month's logbook CSV through a CSV parser to the same sales", async () => {
    const r = await o.host.gql(`query($c: ID!) { lpgLogbook(cooperativeId: $c, from: "2026-03-01", to: "2026-03-31") { csv rows { date time nik buyerType quantity price total } } }`, { c: o.coop.id }, o.coop.manager);
    const { csv, rows } = r.data.lpgLogbook;
    const parsed = csvParse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(parsed[0]!)).toEqual(['tanggal', 'jam', 'nik', 'jenis_pembeli', 'jumlah_tabung', 'harga', 'total', 'nomor_struk']);
    const fromCsv = parsed.map((p) => ({ date: p.tanggal, time: p.jam, nik: p.nik, buyerType: p.jenis_pembeli, quantity: Number(p.jumlah_tabung), price: Number(p.harga), total: Number(p.total) }));
    expect(fromCsv).toEqual(rows);
    expect(fromCsv).toEqual(made.map((m) => ({ ...m, price: 19_000, total: 19_000 * m.quantity })));
  });

  it('sums subsidized sales per buyer type; the whole-NIK logbook is for managers only', async () => {
    const r = await o.host.gql(`query($c: ID!) { lpgSalesByBuyerType(cooperativeId: $c, from: "2026-03-01", to: "2026-03-31") { buyerType sales cylinders total } }`, { c: o.coop.id }, o.coop.supervisor);
    const expected = BUYERS.map((b) => {
      const mine = made.filter((m) => m.buyerType === b.type);
      const cylinders = mine.reduce((n, m) => n + m.quantity, 0);
      return { buyerType: b.type, sales: mine.length, cylinders, total: cylinders * 19_000 };
    }).sort((a, b) => a.buyerType.localeCompare(b.buyerType));
    expect(r.data.lpgSalesByBuyerType).toEqual(expected);
    const staff = await o.host.gql(`query($c: ID!) { lpgLogbook(cooperativeId: $c, from: "2026-03-01", to: "2026-03-31") { csv } }`, { c: o.coop.id }, o.coop.staff);
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const long = await o.host.gql(`query($c: ID!) { lpgSalesByBuyerType(cooperativeId: $c, from: "2026-01-01", to: "2026-06-30") { sales } }`, { c: o.coop.id }, o.coop.manager);
    expect(long.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});
