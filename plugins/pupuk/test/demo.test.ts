import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pupuk from '../src/index';

/** The demo data runs through the real API (as `npm run dev` seeds it) and leaves a kiosk with two groups and a season's allocations. */
describe('pupuk: demo data', () => {
  let host: UnitTestHost;
  beforeAll(async () => {
    host = await startUnitTestHost([pupuk]);
    host.clock.set('2026-03-31T02:00:00Z');
    await host.enable(host.a, 'pupuk', pupuk.sampleSettings as Record<string, unknown>);
  });
  afterAll(() => host.close());

  it('a kiosk with two farmer groups, the season allocations, a delivery and redemptions', async () => {
    const tokens = { manager: host.a.manager, staff: host.a.staff, supervisor: host.a.supervisor };
    const gql = async (query: string, variables: Record<string, unknown> = {}, as: keyof typeof tokens = 'manager') => {
      const r = await host.gql(query, variables, tokens[as]);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data;
    };
    await pupuk.demo!(host.demoContext({ today: '2026-03-31' }));
    const a = await gql(`query($c: ID!) { pupukAbsorption(cooperativeId: $c, season: "2026-MT2") { groups { farmerGroup type farmers allocatedKg redeemedKg } } }`, { c: host.a.id });
    expect([...new Set(a.pupukAbsorption.groups.map((g: any) => g.farmerGroup))]).toEqual(['Sri Rejeki', 'Tani Makmur']);
    // Six days of redemptions: 50 kg of Urea each, 25 kg of NPK every other day.
    const redeemed = (type: string) => a.pupukAbsorption.groups.filter((g: any) => g.type === type).reduce((n: number, g: any) => n + g.redeemedKg, 0);
    expect([redeemed('UREA'), redeemed('NPK')]).toEqual([300, 75]);
    const m = await gql(`query($c: ID!) { pupukMonthlyReport(cooperativeId: $c, month: "2026-03") { farmersServed stock { type receivedKg redeemedKg closingKg } } }`, { c: host.a.id });
    expect(m.pupukMonthlyReport.stock.find((s: any) => s.type === 'UREA')).toEqual({ type: 'UREA', receivedKg: 2_000, redeemedKg: 300, closingKg: 1_700 });
    expect(m.pupukMonthlyReport.farmersServed).toBe(6);
  });
});
