import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_POND, RAINY_WEEK_HOURS, rainyWeekLevel } from '../src/demo';
import { classify, crossings } from '../src/services/levels';
import kolamretensi from '../src/index';

/** The demo data runs through the real API (as `npm run dev` seeds it): Sirnaraga after a rainy week. */
describe('kolamretensi: demo data', () => {
  let host: UnitTestHost;
  beforeAll(async () => {
    host = await startUnitTestHost([kolamretensi]);
    host.clock.set('2026-03-31T02:00:00Z');
    await host.enable(host.a, 'kolamretensi', kolamretensi.sampleSettings as Record<string, unknown>);
  });
  afterAll(() => host.close());

  it('a pond like Sirnaraga with a rainy week of readings, its alerts, pumps, maintenance and business', async () => {
    const tokens = { manager: host.a.manager, staff: host.a.staff, supervisor: host.a.supervisor };
    const gql = async (query: string, variables: Record<string, unknown> = {}, as: keyof typeof tokens = 'manager') => {
      const r = await host.gql(query, variables, tokens[as]);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data;
    };
    await kolamretensi.demo!(host.demoContext({ today: '2026-03-31' }));
    const c = host.a.id;
    const { kolamretensiPonds: [pond] } = await gql(`query($c: ID!) { kolamretensiPonds(cooperativeId: $c) { id name capacityM3 status { level levelCm } sensors { name readings } } }`, { c });
    expect(pond).toMatchObject({ name: 'Kolam Retensi Sirnaraga', capacityM3: 19_473, status: { level: 'NORMAL' } });
    expect(pond.sensors.map((s: any) => s.readings).sort()).toEqual([14, RAINY_WEEK_HOURS]);
    const week = await gql(`query($c: ID!, $p: ID!) {
      kolamretensiAlerts(cooperativeId: $c, pondId: $p, from: "2026-03-24", to: "2026-03-31") { levelCm from to direction }
      kolamretensiDailyHistory(cooperativeId: $c, pondId: $p, from: "2026-03-24", to: "2026-03-30") { date maxCm worst }
      kolamretensiMaintenance(cooperativeId: $c, pondId: $p) { title status }
      kolamretensiMonthRevenue(cooperativeId: $c, pondId: $p, month: "2026-03") { fish tickets rentals cityShareDue }
      kolamretensiOperations(cooperativeId: $c, pondId: $p, from: "2026-03-24", to: "2026-03-31") { kind }
    }`, { c, p: pond.id });
    const sensorCrossings = crossings(Array.from({ length: RAINY_WEEK_HOURS }, (_, h) => ({ at: String(h).padStart(4, '0'), levelCm: rainyWeekLevel(h), status: classify(rainyWeekLevel(h), DEMO_POND.thresholds) })));
    expect(sensorCrossings.map((x) => x.to)).toEqual(['SIAGA_3', 'SIAGA_2', 'SIAGA_1', 'SIAGA_2', 'SIAGA_3', 'NORMAL']);
    expect(week.kolamretensiAlerts.filter((a: any) => a.to === 'SIAGA_1').length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...week.kolamretensiDailyHistory.map((x: any) => x.maxCm))).toBeGreaterThan(DEMO_POND.thresholds.siaga1Cm);
    expect(week.kolamretensiDailyHistory.filter((x: any) => x.worst === 'SIAGA_1').map((x: any) => x.date)).toEqual(['2026-03-27', '2026-03-27']);
    expect(week.kolamretensiOperations.map((o: any) => o.kind)).toEqual(['PUMP_ON', 'PUMP_OFF', 'TRASH_SCREEN_CLEANING']);
    expect(week.kolamretensiMaintenance).toEqual([{ title: 'Pengerukan sedimen', status: 'DUE' }, { title: 'Bersihkan saringan sampah', status: 'DUE' }]);
    expect(week.kolamretensiMonthRevenue).toMatchObject({ fish: 1_200_000, rentals: 350_000 });
  }, 120_000);
});
