import { seedDemoData } from '@kkmp/api/local';
import { encodeId } from '@kkmp/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

/** The dev server's demo data, written through the public API by each unit's own demo scenario. */
describe('demo data', () => {
  let api: TestApi;
  let manager: string;
  let coopId: string;
  beforeAll(async () => {
    api = await startTestApi({ now: '2026-11-23T03:00:00Z' });
    const users = await seedDemoData(api.db, api.clock);
    const m = users.find((u) => u.label === 'manager')!.principal;
    manager = await api.token(m);
    coopId = encodeId('Cooperative', m.coopId!);
  }, 180_000);
  afterAll(() => api.close());

  it('gives the demo cooperative every installed unit, enabled', async () => {
    const r = await api.gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { units { unitId enabled } } } }`, { id: coopId }, manager);
    const units = r.data.cooperative.units.filter((u: { enabled: boolean }) => u.enabled).map((u: { unitId: string }) => u.unitId);
    expect(units).toEqual(expect.arrayContaining(['sembako', 'simpanpinjam']));
  });

  it('has a sembako shop with a realistic catalog, Bulog purchases and a week of sales, in balanced books', async () => {
    const r = await api.gql(
      `query($c: ID!) {
        sembakoProducts(cooperativeId: $c) { edges { node { sku name nonMemberPrice ceilingPrice { perSellingUnit } stock { quantity } } } }
        sembakoSuppliers(cooperativeId: $c) { kind payable }
        sembakoMargins(cooperativeId: $c, from: "2026-11-15", to: "2026-11-22") { sku quantity margin }
        cooperative(id: $c) { ... on Cooperative { ledger { trialBalance(from: "2026-01-01", to: "2026-12-31") { totalDebit totalCredit } } } }
      }`,
      { c: coopId },
      manager,
    );
    expect(r.errors).toBeUndefined();
    const products = r.data.sembakoProducts.edges.map((e: any) => e.node);
    expect(products.map((p: any) => p.sku)).toEqual(expect.arrayContaining(['BERAS-SPHP-5KG', 'BERAS-PREMIUM-5KG', 'GULA-1KG', 'MINYAKITA-1L', 'TERIGU-1KG', 'TELUR-10']));
    const sphp = products.find((p: any) => p.sku === 'BERAS-SPHP-5KG');
    expect(sphp.ceilingPrice.perSellingUnit).toBe(62_500);
    expect(sphp.stock.quantity).toBeLessThan(100);
    expect(r.data.sembakoSuppliers.map((s: any) => s.kind)).toContain('BULOG');
    expect(r.data.sembakoSuppliers.find((s: any) => s.kind === 'BULOG').payable).toBe(100 * 56_500 + 30 * 69_000);
    expect(r.data.sembakoMargins.length).toBeGreaterThanOrEqual(6);
    for (let d = 16; d <= 22; d++) {
      const day = await api.gql(`query($c: ID!, $d: Date!) { sembakoDailySummary(cooperativeId: $c, date: $d) { salesCount } }`, { c: coopId, d: `2026-11-${d}` }, manager);
      expect(day.data.sembakoDailySummary.salesCount).toBe(4);
    }
    const tb = r.data.cooperative.ledger.trialBalance;
    expect(tb.totalDebit).toBe(tb.totalCredit);
  });
});
