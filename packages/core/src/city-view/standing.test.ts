import { describe, expect, it } from 'vitest';
import type { Cooperative } from '../cooperative';
import type { Kelurahan } from '../kelurahan';
import { byKelurahan, countStatuses, countUnits, matches, standingOf, windowStart } from './standing';
import { parseSummary, type CoopSummary } from './summary';

const coop = (id: string, status: Cooperative['status'], kelurahanId = 'K1'): Cooperative => ({
  id, cityId: 'C', kelurahanId, name: `KKMP ${id}`, legalName: id, status, statusChangedAt: '', board: [], supervisors: [], equity: { simpananPokok: 50_000, simpananWajib: 20_000 }, timeZone: 'WIB', createdAt: '', version: 1,
});
const summary = (s: Partial<CoopSummary>): CoopSummary => ({ lastActivityBySegment: {}, membersRegistered: 0, membersLeft: 0, units: {}, closedYears: [], equityCollected: 0, ...s });
const TODAY = '2026-04-01';

describe('a standing on a day', () => {
  it('is active for a window of N days ending today, today included', () => {
    expect(windowStart(TODAY, 30)).toBe('2026-03-03');
    const on = (d: string) => standingOf(coop('a', 'OPERATING'), summary({ lastActivityDate: d }), TODAY, 30);
    expect(on('2026-04-01')).toMatchObject({ active: true, daysSinceActivity: 0 });
    expect(on('2026-03-03')).toMatchObject({ active: true, daysSinceActivity: 29 });
    expect(on('2026-03-02')).toMatchObject({ active: false, daysSinceActivity: 30 });
    expect(standingOf(coop('a', 'OPERATING'), summary({}), TODAY, 30)).toMatchObject({ active: false, daysSinceActivity: null });
  });

  it('trading units are units with activity in the window; savings is activity but no unit; members less leavers; last year closed', () => {
    const s = standingOf(
      coop('a', 'OPERATING'),
      summary({ lastActivityDate: '2026-03-30', lastActivityBySegment: { sembako: '2026-03-30', lpg: '2026-01-05', SAVINGS: '2026-03-29' }, units: { sembako: true, lpg: true, simpanpinjam: false }, membersRegistered: 120, membersLeft: 3, closedYears: [2025] }),
      TODAY,
      30,
    );
    expect(s).toMatchObject({ active: true, unitsEnabled: ['lpg', 'sembako'], unitsTrading: ['sembako'], members: 117, booksClosedLastYear: true });
  });

  it('filters and counts by status, activity, unit and kelurahan', () => {
    const all = [
      standingOf(coop('a', 'OPERATING', 'K1'), summary({ lastActivityDate: TODAY, lastActivityBySegment: { sembako: TODAY }, units: { sembako: true } }), TODAY, 30),
      standingOf(coop('b', 'OPERATING', 'K2'), summary({ units: { lpg: true } }), TODAY, 30),
      standingOf(coop('c', 'LEGAL_ENTITY', 'K2'), summary({ lastActivityDate: TODAY }), TODAY, 30),
      standingOf(coop('d', 'FORMED', 'K3'), summary({}), TODAY, 30),
    ];
    expect(all.filter((s) => matches(s, { status: 'OPERATING', active: false })).map((s) => s.coop.id)).toEqual(['b']);
    expect(all.filter((s) => matches(s, { unitId: 'sembako' })).map((s) => s.coop.id)).toEqual(['a']);
    expect(all.filter((s) => matches(s, { kelurahanId: 'K2', active: true })).map((s) => s.coop.id)).toEqual(['c']);
    expect(countStatuses(all)).toEqual({ total: 4, formed: 1, legalEntity: 1, operating: 2, active: 2, inactive: 2, operatingWithoutActivity: 1 });
    expect(countUnits(all)).toEqual([{ unitId: 'lpg', enabled: 1, trading: 0 }, { unitId: 'sembako', enabled: 1, trading: 1 }]);
    const kel = (id: string, name: string) => ({ id, cityId: 'C', name, kecamatan: 'X', regionCode: '', createdAt: '' }) as Kelurahan;
    const rows = byKelurahan([kel('K1', 'A'), kel('K2', 'B'), kel('K3', 'C'), kel('K4', 'D')], all);
    expect(rows.map((r) => [r.kelurahan.id, r.counts.total, r.counts.active])).toEqual([['K1', 1, 1], ['K2', 2, 1], ['K3', 1, 0], ['K4', 0, 0]]);
  });

  it('reads a stored summary item: segments, unit switches, sets', () => {
    const s = parseSummary({ lastActivityDate: '2026-03-01', act_sembako: '2026-03-01', unit_sembako: { enabled: true, version: 3 }, unit_lpg: { enabled: false, version: 2 }, membersRegistered: 9, membersLeft: new Set(['m1', 'm2']), closedYears: new Set([2025, 2024]), lastRatDate: '2026-02-20', eqc_3110_2026_02: 100_000, 'eqc_3120_2026-03': 40_000 });
    expect(s).toEqual({ equityCollected: 140_000,  lastActivityDate: '2026-03-01', lastActivityBySegment: { sembako: '2026-03-01' }, units: { sembako: true, lpg: false }, membersRegistered: 9, membersLeft: 2, closedYears: [2024, 2025], lastRatDate: '2026-02-20' });
    expect(parseSummary(undefined)).toEqual(summary({}));
  });
});
