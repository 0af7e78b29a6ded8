import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lpg from '../src/index';

/** The demo data runs through the real API (as `npm run dev` seeds it) and leaves a reconciled outlet. */
describe('lpg: demo data', () => {
  let host: UnitTestHost;
  beforeAll(async () => {
    host = await startUnitTestHost([lpg]);
    host.clock.set('2026-03-31T02:00:00Z');
    await host.enable(host.a, 'lpg', lpg.sampleSettings as Record<string, unknown>);
  });
  afterAll(() => host.close());

  it('an outlet with a month of deliveries and sales', async () => {
    const tokens = { manager: host.a.manager, staff: host.a.staff, supervisor: host.a.supervisor };
    const gql = async (query: string, variables: Record<string, unknown> = {}, as: keyof typeof tokens = 'manager') => {
      const r = await host.gql(query, variables, tokens[as]);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data;
    };
    await lpg.demo!(host.demoContext({ today: '2026-03-31' }));
    const c = await gql(`query($c: ID!) { lpgCylinders(cooperativeId: $c) { full empty fullValue } }`, { c: host.a.id });
    // 4 deliveries of 60, 84 sales of one (one without an empty), empties back with each delivery but the last week's.
    expect(c.lpgCylinders.full).toBe(240 - 84);
    expect(c.lpgCylinders.empty).toBe(21);
    const log = await gql(`query($c: ID!) { lpgLogbook(cooperativeId: $c, from: "2026-03-01", to: "2026-03-31") { rows { nik } } }`, { c: host.a.id });
    expect(log.lpgLogbook.rows.length).toBeGreaterThan(0);
  });
});
