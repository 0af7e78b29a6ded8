import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HET_SEED } from '../src/settings';
import { HEADER, nikOf, startKiosk, type Kiosk } from './support';

const [F1, F2, F3, BLOCKED, NO_UREA, STRANGER, F6] = [nikOf(1), nikOf(2), nikOf(3), nikOf(4), nikOf(5), nikOf(50), nikOf(6)];
const SEASON = '2026-MT2';
const FIRST = [
  HEADER,
  `${F1},Pak Ujang,Tani Makmur,0.75,PADI;JAGUNG,UREA,100`,
  `${F1},Pak Ujang,Tani Makmur,0.75,PADI;JAGUNG,NPK,50`,
  `${F2},Bu Rina,Sri Rejeki,1.2,PADI,UREA,100`,
  `${F3},Pak Asep,Sri Rejeki,0.5,KOPI,ORGANIK,80`,
  `${BLOCKED},Pak Dedi,Sri Rejeki,0.5,PADI,UREA,100`,
  `${NO_UREA},Bu Euis,Tani Makmur,0.5,PADI,NPK,40`,
  `${F6},Pak Odon,Sri Rejeki,1.5,PADI,UREA,150`,
  `${F6},Pak Odon,Sri Rejeki,1.5,PADI,ORGANIK,120`,
].join('\n');

describe('pupuk: redeeming subsidized fertilizer at the kiosk', () => {
  let k: Kiosk;
  const ids: Record<string, string> = {};
  const sell = (nik: string | null, sku: string, quantity: number, extra: Record<string, unknown> = {}) =>
    k.run('pupukSell', { lines: [{ productId: ids[sku], quantity }], paymentMethod: 'CASH', ...(nik ? { buyerNik: nik } : {}), proofReference: 'FOTO-0001', ...extra }, k.coop.staff);
  const allocation = async (nik: string, type: string) => (await k.farmer(nik))?.allocations.find((a: any) => a.type === type);
  /** What a refused redemption must leave untouched: stock, the day's sales, the farmers' allocations. */
  const snapshot = async () => ({
    stock: (await k.query(`query($c: ID!) { pupukProducts(cooperativeId: $c, first: 20) { edges { node { sku stock { quantity value } } } } }`)).pupukProducts.edges,
    sales: (await k.query(`query($c: ID!) { pupukSales(cooperativeId: $c, first: 100) { edges { node { number } } } }`)).pupukSales.edges.length,
    farmers: await Promise.all([F1, F2, NO_UREA].map((n) => k.farmer(n))),
  });

  beforeAll(async () => {
    k = await startKiosk();
    k.host.clock.set('2026-03-16T02:00:00Z'); // Monday 09:00 WIB, season 2026-MT2
    for (const [sku, price] of [['UREA', 1_800], ['NPK', 1_840], ['ORGANIK', 640], ['NPK-MUTIARA', 14_000]] as const) {
      ids[sku] = (await k.ok('pupukCreateProduct', { sku, name: `Pupuk ${sku}`, unitOfMeasure: 'GRAM', packSize: 1000, packName: 'kg', nonMemberPrice: price, memberPrice: price })).id;
    }
    const distributor = (await k.ok('pupukCreateSupplier', { name: 'CV Distributor Pupuk Garut', kind: 'PUPUK_INDONESIA' })).id;
    await k.ok('pupukReceiveGoods', {
      supplierId: distributor,
      payment: 'BANK_TRANSFER',
      lines: [
        { productId: ids.UREA, quantity: 1_000, unitCost: 1_700 },
        { productId: ids.NPK, quantity: 500, unitCost: 1_750 },
        { productId: ids.ORGANIK, quantity: 400, unitCost: 600 },
        { productId: ids['NPK-MUTIARA'], quantity: 100, unitCost: 12_000 },
      ],
    });
    await k.importCsv(SEASON, 'erdkk-2026-mt2.csv', FIRST);
    await k.ok('pupukBlockBeneficiary', { nik: BLOCKED, reason: 'menjual pupuk ke luar kelompok' });
  }, 60_000);
  afterAll(() => k.close());

  it('redeems within the allocation at the HET, by kg, with the proof, the season and the farmer group', async () => {
    const r = await sell(F1, 'UREA', 60);
    expect(r).toMatchObject({ __typename: 'PupukSellSuccess', data: { total: 108_000, season: SEASON, farmerGroup: 'Tani Makmur', proofReference: 'FOTO-0001', redeemed: [{ type: 'UREA', kg: 60, amount: 108_000 }] } });
    expect(await allocation(F1, 'UREA')).toMatchObject({ allocatedKg: 100, redeemedKg: 60, remainingKg: 40, absorptionBps: 6_000 });
    // Market-price fertilizer is an ordinary sale: no NIK, no allocation, no proof.
    expect((await k.run('pupukSell', { lines: [{ productId: ids['NPK-MUTIARA'], quantity: 2 }], paymentMethod: 'CASH' }, k.coop.staff)).data).toMatchObject({ total: 28_000, redeemed: [], season: null });
  });

  it('redeems by the sack: 50 kg of Urea, 40 kg of organic; sacks only of the subsidized types', async () => {
    const r = await k.run('pupukSell', { lines: [{ productId: ids.UREA, quantity: 2 }, { productId: ids.ORGANIK, quantity: 1 }], quantityUnit: 'SACK', paymentMethod: 'CASH', buyerNik: F6, proofReference: 'FOTO-0006' }, k.coop.staff);
    expect(r.data).toMatchObject({ total: 180_000 + 25_600, lines: [{ sku: 'UREA', quantity: 100, unitPrice: 1_800 }, { sku: 'ORGANIK', quantity: 40, unitPrice: 640 }], redeemed: [{ type: 'UREA', kg: 100 }, { type: 'ORGANIK', kg: 40 }] });
    expect(await allocation(F6, 'UREA')).toMatchObject({ redeemedKg: 100, remainingKg: 50 });
    const more = await k.run('pupukSell', { lines: [{ productId: ids.UREA, quantity: 2 }], quantityUnit: 'SACK', paymentMethod: 'CASH', buyerNik: F6, proofReference: 'FOTO-0007' }, k.coop.staff);
    expect(more).toMatchObject({ rule: 'ALLOCATION_EXCEEDED', details: { remaining: 50, requested: 100 } });
    const market = await k.run('pupukSell', { lines: [{ productId: ids['NPK-MUTIARA'], quantity: 1 }], quantityUnit: 'SACK', paymentMethod: 'CASH' }, k.coop.staff);
    expect(market).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.quantityUnit' }] });
  });

  it('refuses beyond the allocation, an ineligible farmer and a missing NIK or proof; nothing is written', async () => {
    const before = await snapshot();
    expect(await sell(F1, 'UREA', 41)).toMatchObject({ __typename: 'BusinessRuleError', rule: 'ALLOCATION_EXCEEDED', field: 'input.lines.0.quantity', details: { limit: 100, used: 60, remaining: 40, requested: 41 } });
    expect(await sell(STRANGER, 'UREA', 1)).toMatchObject({ rule: 'NOT_REGISTERED', field: 'input.buyerNik' });
    expect(await sell(NO_UREA, 'UREA', 1)).toMatchObject({ rule: 'NO_ALLOCATION', field: 'input.lines.0.productId', details: { season: SEASON, type: 'UREA' } });
    const blocked = await sell(BLOCKED, 'UREA', 1);
    expect(blocked).toMatchObject({ rule: 'BENEFICIARY_BLOCKED', field: 'input.buyerNik' });
    expect(blocked.messageId).toContain('menjual pupuk ke luar kelompok');
    expect(await sell(null, 'UREA', 1)).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.buyerNik' }] });
    expect(await sell(F1, 'UREA', 1, { proofReference: '  ' })).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.proofReference', messageId: 'isi bukti penebusan (nomor foto atau dokumen)' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a price above the HET in force on the business date; nothing is written', async () => {
    // The manager lists NPK at Rp1,900/kg: above the HET of Rp1,840 in force since 22 October 2025.
    await k.ok('pupukSetPrice', { productId: ids.NPK, customerClass: 'NON_MEMBER', amount: 1_900 });
    const before = await snapshot();
    const r = await sell(F1, 'NPK', 10);
    expect(r).toMatchObject({ rule: 'PRICE_ABOVE_CEILING', field: 'input.lines.0.productId', details: { price: 1_900, ceiling: 1_840, hetPerKg: 1_840 } });
    expect(r.messageId).toMatch(/melebihi HET Rp1\.840/);
    expect(await snapshot()).toEqual(before);
    await k.ok('pupukSetPrice', { productId: ids.NPK, customerClass: 'NON_MEMBER', amount: 1_840 });
    expect((await sell(F1, 'NPK', 10)).data).toMatchObject({ total: 18_400, redeemed: [{ type: 'NPK', kg: 10 }] });
    const het = await k.query(`query($c: ID!) { old: pupukHet(cooperativeId: $c, date: "2025-10-21") { type perKg perSack sackKg } now: pupukHet(cooperativeId: $c) { type perKg perSack sackKg reference } }`);
    expect(het.old.map((h: any) => [h.type, h.perKg, h.perSack])).toEqual([['UREA', 2_250, 112_500], ['NPK', 2_300, 115_000], ['NPK_KAKAO', 3_300, 165_000], ['ZA', 1_700, 85_000], ['ORGANIK', 800, 32_000]]);
    expect(het.now.map((h: any) => [h.type, h.perKg, h.perSack])).toEqual([['UREA', 1_800, 90_000], ['NPK', 1_840, 92_000], ['NPK_KAKAO', 2_640, 132_000], ['ZA', 1_360, 68_000], ['ORGANIK', 640, 25_600]]);
  });

  it('prices by the HET in force on the business date: a new decree from tomorrow leaves today alone, a back-dated sale keeps the HET of its day', async () => {
    const decree = { type: 'UREA', perKg: 1_700, effectiveFrom: '2026-03-17', reference: 'Kepmentan (uji) HET Urea 17 Maret 2026' };
    const updated = await k.host.gql(`mutation($input: UnitSettingsInput!) { updateUnitSettings(input: $input) { __typename } }`, { input: { cooperativeId: k.coop.id, unitId: 'pupuk', settings: { het: [...HET_SEED, decree] } } }, k.coop.manager);
    expect(updated.data.updateUnitSettings.__typename).toBe('UpdateUnitSettingsSuccess');
    expect((await sell(F6, 'UREA', 1)).data).toMatchObject({ date: '2026-03-16', total: 1_800 });
    k.host.clock.set('2026-03-17T02:00:00Z');
    const before = await snapshot();
    expect(await sell(F6, 'UREA', 1)).toMatchObject({ rule: 'PRICE_ABOVE_CEILING', details: { price: 1_800, ceiling: 1_700, reference: decree.reference } });
    expect(await snapshot()).toEqual(before);
    // Yesterday's paper note entered today: the HET of the 16th applies.
    const backDated = await k.run('pupukSell', { lines: [{ productId: ids.UREA, quantity: 1 }], paymentMethod: 'CASH', buyerNik: F6, proofReference: 'FOTO-CATATAN', businessDate: '2026-03-16' });
    expect(backDated.data).toMatchObject({ date: '2026-03-16', total: 1_800 });
    k.host.clock.set('2026-03-16T02:00:00Z');
    await k.host.gql(`mutation($input: UnitSettingsInput!) { updateUnitSettings(input: $input) { __typename } }`, { input: { cooperativeId: k.coop.id, unitId: 'pupuk', settings: {} } }, k.coop.manager);
  });

  it('two redemptions at once that together exceed the allocation: exactly one succeeds', async () => {
    // Bu Rina has 100 kg of Urea; two cashiers redeem 60 kg each at the same moment.
    const results = await Promise.all([sell(F2, 'UREA', 60), sell(F2, 'UREA', 60)]);
    expect(results.filter((r) => r.__typename === 'PupukSellSuccess')).toHaveLength(1);
    expect(results.filter((r) => r.rule === 'ALLOCATION_EXCEEDED')).toHaveLength(1);
    expect(await allocation(F2, 'UREA')).toMatchObject({ redeemedKg: 60, remainingKg: 40 });
  });

  it('a revision replaces the allocation for the season, the history keeps the old one, and what was redeemed counts against the new one', async () => {
    const revised = [HEADER, `${F1},Pak Ujang,Tani Makmur,0.75,PADI;JAGUNG,UREA,80`].join('\n');
    const dry = await k.ok('pupukImportAllocations', { season: SEASON, fileName: 'erdkk-2026-mt2-revisi.csv', csv: revised, dryRun: true });
    expect(dry).toMatchObject({ rows: 1, revisions: 1, import: null });
    await k.importCsv(SEASON, 'erdkk-2026-mt2-revisi.csv', revised);
    const urea = await allocation(F1, 'UREA');
    expect(urea).toMatchObject({ allocatedKg: 80, redeemedKg: 60, remainingKg: 20 });
    expect(urea.history).toEqual([
      { kg: 100, fileName: 'erdkk-2026-mt2.csv', line: 2, importedBy: 'manager-0' },
      { kg: 80, fileName: 'erdkk-2026-mt2-revisi.csv', line: 2, importedBy: 'manager-0' },
    ]);
    // The revision named only Urea: the NPK allocation of the first list stands.
    expect(await allocation(F1, 'NPK')).toMatchObject({ allocatedKg: 50, redeemedKg: 10 });
    expect(await sell(F1, 'UREA', 21)).toMatchObject({ rule: 'ALLOCATION_EXCEEDED', details: { limit: 80, used: 60, remaining: 20 } });
    expect((await sell(F1, 'UREA', 20)).__typename).toBe('PupukSellSuccess');
    expect(await allocation(F1, 'UREA')).toMatchObject({ allocatedKg: 80, redeemedKg: 80, remainingKg: 0 });
  });

  it('a void gives the allocation back; the next season starts without one', async () => {
    const sale = (await sell(F3, 'ORGANIK', 40)).data;
    expect(await allocation(F3, 'ORGANIK')).toMatchObject({ redeemedKg: 40 });
    await k.ok('pupukVoidSale', { saleId: sale.id, reason: 'salah jenis' });
    expect(await allocation(F3, 'ORGANIK')).toMatchObject({ redeemedKg: 0, remainingKg: 80 });
    // 1 June starts 2026-MT3: the MT2 allocations do not carry over.
    k.host.clock.set('2026-06-01T02:00:00Z');
    expect(await sell(F3, 'ORGANIK', 1)).toMatchObject({ rule: 'NO_ALLOCATION', details: { season: '2026-MT3' } });
    k.host.clock.set('2026-03-16T02:00:00Z');
  });
});
