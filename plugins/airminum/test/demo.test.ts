import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import airminum from '../src/index';

/** The demo data runs through the real API (as `npm run dev` seeds it) and leaves a month of a depot. */
describe('airminum: demo data', () => {
  let host: UnitTestHost;
  beforeAll(async () => {
    host = await startUnitTestHost([airminum]);
    host.clock.set('2026-03-31T02:00:00Z');
    await host.enable(host.a, 'airminum', airminum.sampleSettings as Record<string, unknown>);
  });
  afterAll(() => host.close());

  it('a depot with a month of sales, a failed test and its retest', async () => {
    const gql = async (query: string, variables: Record<string, unknown> = {}, as: 'manager' | 'staff' | 'supervisor' = 'manager') => {
      const r = await host.gql(query, variables, host.a[as]);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data;
    };
    await airminum.demo!(host.demoContext({ today: '2026-03-31' }));
    const tests = await gql(`query($c: ID!) { airminumWaterTests(cooperativeId: $c, from: "2026-02-01", to: "2026-03-31") { sampledOn passed } }`, { c: host.a.id });
    expect(tests.airminumWaterTests.map((t: any) => t.passed)).toEqual([true, false, true]);
    // 27 days of sales (three closed by the failed test), two a day but one on the lamp's day (after the repair).
    const days = await Promise.all(['2026-03-01', '2026-03-17', '2026-03-26'].map((date) => gql(`query($c: ID!, $d: Date) { airminumDailySummary(cooperativeId: $c, date: $d) { sales litres } }`, { c: host.a.id, d: date })));
    expect(days.map((x) => x.airminumDailySummary.sales)).toEqual([2, 0, 1]);
    const compliance = await gql(`query($c: ID!) { airminumCompliance(cooperativeId: $c) { open } }`, { c: host.a.id });
    expect(compliance.airminumCompliance.open).toBe(true);
  });
});
