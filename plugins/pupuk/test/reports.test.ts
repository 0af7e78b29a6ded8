import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER, nikOf, startKiosk, type Kiosk } from './support';

const [F1, F2, F3] = [nikOf(1), nikOf(2), nikOf(3)];
const SEASON = '2026-MT2';
const LIST = [
  HEADER,
  `${F1},Pak Ujang,Tani Makmur,0.75,PADI,UREA,100`,
  `${F1},Pak Ujang,Tani Makmur,0.75,PADI,NPK,50`,
  `${F2},Bu Rina,Tani Makmur,1.2,PADI,UREA,100`,
  `${F3},Pak Asep,Sri Rejeki,0.5,KOPI,ORGANIK,80`,
  `${F3},Pak Asep,Sri Rejeki,0.5,KOPI,UREA,50`,
].join('\n');

const calls = (k: Kiosk) => [...k.host.db.calls.values()].reduce((a, b) => a + b, 0);

describe('pupuk: reports for the distributor and the agriculture office', () => {
  let k: Kiosk;
  const ids: Record<string, string> = {};
  const redeem = (nik: string, sku: string, quantity: number) =>
    k.ok('pupukSell', { lines: [{ productId: ids[sku], quantity }], paymentMethod: 'CASH', buyerNik: nik, proofReference: `FOTO-${nik.slice(-4)}-${sku}` }, k.coop.staff);

  beforeAll(async () => {
    k = await startKiosk();
    k.host.clock.set('2026-03-02T02:00:00Z');
    for (const [sku, price] of [['UREA', 1_800], ['NPK', 1_840], ['ORGANIK', 640]] as const) {
      ids[sku] = (await k.ok('pupukCreateProduct', { sku, name: `Pupuk ${sku}`, unitOfMeasure: 'GRAM', packSize: 1000, packName: 'kg', nonMemberPrice: price, memberPrice: price })).id;
    }
    const distributor = (await k.ok('pupukCreateSupplier', { name: 'CV Distributor Pupuk Garut', kind: 'PUPUK_INDONESIA' })).id;
    await k.ok('pupukReceiveGoods', { supplierId: distributor, invoiceNumber: 'DO-0301', payment: 'BANK_TRANSFER', lines: [{ productId: ids.UREA, quantity: 1_000, unitCost: 1_700 }, { productId: ids.NPK, quantity: 500, unitCost: 1_750 }, { productId: ids.ORGANIK, quantity: 400, unitCost: 600 }] });
    await k.importCsv(SEASON, 'erdkk-kelurahan.csv', LIST);
    k.host.clock.set('2026-03-16T02:00:00Z');
    await redeem(F1, 'UREA', 60);
    await redeem(F1, 'NPK', 10);
    await redeem(F2, 'UREA', 40);
    await redeem(F3, 'ORGANIK', 40);
  }, 60_000);
  afterAll(() => k.close());

  it('absorption per farmer, per group and per type, with the CSV files', async () => {
    const a = (await k.query(`query($c: ID!) { pupukAbsorption(cooperativeId: $c, season: "${SEASON}") {
      farmers { nikMasked name farmerGroup type allocatedKg redeemedKg absorptionBps }
      groups { farmerGroup type farmers allocatedKg redeemedKg absorptionBps }
      types { farmerGroup type farmers allocatedKg redeemedKg absorptionBps } farmersCsv groupsCsv } }`)).pupukAbsorption;
    expect(a.groups).toEqual([
      { farmerGroup: 'Sri Rejeki', type: 'ORGANIK', farmers: 1, allocatedKg: 80, redeemedKg: 40, absorptionBps: 5_000 },
      { farmerGroup: 'Sri Rejeki', type: 'UREA', farmers: 1, allocatedKg: 50, redeemedKg: 0, absorptionBps: 0 },
      { farmerGroup: 'Tani Makmur', type: 'NPK', farmers: 1, allocatedKg: 50, redeemedKg: 10, absorptionBps: 2_000 },
      { farmerGroup: 'Tani Makmur', type: 'UREA', farmers: 2, allocatedKg: 200, redeemedKg: 100, absorptionBps: 5_000 },
    ]);
    expect(a.types).toEqual([
      { farmerGroup: null, type: 'NPK', farmers: 1, allocatedKg: 50, redeemedKg: 10, absorptionBps: 2_000 },
      { farmerGroup: null, type: 'ORGANIK', farmers: 1, allocatedKg: 80, redeemedKg: 40, absorptionBps: 5_000 },
      { farmerGroup: null, type: 'UREA', farmers: 3, allocatedKg: 250, redeemedKg: 100, absorptionBps: 4_000 },
    ]);
    expect(a.farmers).toHaveLength(5);
    expect(a.farmers[2]).toEqual({ nikMasked: `${F2.slice(0, 4)}**********${F2.slice(14)}`, name: 'Bu Rina', farmerGroup: 'Tani Makmur', type: 'UREA', allocatedKg: 100, redeemedKg: 40, absorptionBps: 4_000 });
    expect(a.farmersCsv.split('\n')[0]).toBe('musim,poktan,nik,nama,jenis_pupuk,alokasi_kg,ditebus_kg,serapan_persen');
    expect(a.farmersCsv).toContain(`${SEASON},Tani Makmur,${F2.slice(0, 4)}**********${F2.slice(14)},Bu Rina,UREA,100,40,40.00`);
    expect(a.groupsCsv).toContain(`${SEASON},SEMUA,UREA,3,250,100,40.00`);
    const one = (await k.query(`query($c: ID!) { pupukAbsorption(cooperativeId: $c, season: "${SEASON}", farmerGroup: "Sri Rejeki") { groups { farmerGroup type } } }`)).pupukAbsorption;
    expect(one.groups.map((g: any) => g.farmerGroup)).toEqual(['Sri Rejeki', 'Sri Rejeki']);
  });

  it('redemptions per farmer group over the season, and the stock movement from the distributor', async () => {
    const r = (await k.query(`query($c: ID!) { pupukRedemptionsByGroup(cooperativeId: $c, season: "${SEASON}") { from to rows { farmerGroup type redemptions farmers kg amount } csv } }`)).pupukRedemptionsByGroup;
    expect(r).toMatchObject({ from: '2026-02-01', to: '2026-03-16' });
    expect(r.rows).toEqual([
      { farmerGroup: 'Sri Rejeki', type: 'ORGANIK', redemptions: 1, farmers: 1, kg: 40, amount: 25_600 },
      { farmerGroup: 'Tani Makmur', type: 'NPK', redemptions: 1, farmers: 1, kg: 10, amount: 18_400 },
      { farmerGroup: 'Tani Makmur', type: 'UREA', redemptions: 2, farmers: 2, kg: 100, amount: 180_000 },
    ]);
    expect(r.csv.split('\n')[3]).toBe(`${SEASON},Tani Makmur,UREA,2,2,100,180000`);
    const s = (await k.query(`query($c: ID!) { pupukStockMovement(cooperativeId: $c, month: "2026-03") { rows { type openingKg receivedKg redeemedKg voidedKg countedKg closingKg receipts { date kg } } csv } }`)).pupukStockMovement;
    expect(s.rows).toEqual([
      { type: 'UREA', openingKg: 0, receivedKg: 1_000, redeemedKg: 100, voidedKg: 0, countedKg: 0, closingKg: 900, receipts: [{ date: '2026-03-02', kg: 1_000 }] },
      { type: 'NPK', openingKg: 0, receivedKg: 500, redeemedKg: 10, voidedKg: 0, countedKg: 0, closingKg: 490, receipts: [{ date: '2026-03-02', kg: 500 }] },
      { type: 'ORGANIK', openingKg: 0, receivedKg: 400, redeemedKg: 40, voidedKg: 0, countedKg: 0, closingKg: 360, receipts: [{ date: '2026-03-02', kg: 400 }] },
    ]);
    expect(s.csv).toContain('2026-03,UREA,UREA,0,1000,100,0,0,900');
    // February: nothing had arrived yet; its closing is March's opening.
    const feb = (await k.query(`query($c: ID!) { pupukStockMovement(cooperativeId: $c, month: "2026-02") { rows { type openingKg closingKg } } }`)).pupukStockMovement;
    expect(feb.rows.map((x: any) => [x.type, x.openingKg, x.closingKg])).toEqual([['UREA', 0, 0], ['NPK', 0, 0], ['ORGANIK', 0, 0]]);
  });

  it('the monthly report for the distributor and the agriculture office', async () => {
    const m = (await k.query(`query($c: ID!) { pupukMonthlyReport(cooperativeId: $c, month: "2026-03") { month kiosk farmersServed stock { type closingKg } redemptions { farmerGroup type kg } stockCsv redemptionsCsv } }`)).pupukMonthlyReport;
    expect(m).toMatchObject({ month: '2026-03', kiosk: 'KKMP Sukamaju', farmersServed: 3 });
    expect(m.stock.map((x: any) => [x.type, x.closingKg])).toEqual([['UREA', 900], ['NPK', 490], ['ORGANIK', 360]]);
    expect(m.redemptions.map((x: any) => [x.farmerGroup, x.type, x.kg])).toEqual([['Sri Rejeki', 'ORGANIK', 40], ['Tani Makmur', 'NPK', 10], ['Tani Makmur', 'UREA', 100]]);
    expect(m.redemptionsCsv.split('\n')[0]).toBe('periode,poktan,jenis_pupuk,jumlah_penebusan,jumlah_petani,ditebus_kg,nilai_rp');
    expect(m.stockCsv.split('\n')[0]).toBe('bulan,jenis_pupuk,sku,stok_awal_kg,diterima_kg,ditebus_kg,batal_kg,opname_kg,stok_akhir_kg');
  });

  it('reads in batches: the absorption of 2,000 more rows costs a few calls per hundred rows, a redemption the same calls as before', async () => {
    const q = `query($c: ID!) { pupukAbsorption(cooperativeId: $c, season: "${SEASON}") { types { type farmers } } }`;
    const cost = async (run: () => Promise<unknown>) => {
      const before = calls(k);
      await run();
      return calls(k) - before;
    };
    const small = await cost(() => k.query(q));
    const sellSmall = await cost(() => redeem(F1, 'UREA', 1));
    const lines = [HEADER];
    for (let n = 100; n < 1_100; n++) for (const type of ['UREA', 'NPK']) lines.push(`${nikOf(n)},Petani ${n},Poktan Besar,1,PADI,${type},100`);
    await k.importCsv(SEASON, 'erdkk-poktan-besar.csv', lines.join('\n'));
    const large = await cost(() => k.query(q));
    const sellLarge = await cost(() => redeem(F1, 'UREA', 1));
    // 2,000 more rows: their staged file (8 items) and their counters, 100 keys a batch; never a call per row.
    expect(large - small).toBeLessThanOrEqual(2_000 / 100 + 2);
    expect(sellLarge).toBe(sellSmall);
  });
});
