import type { Cooperative, CoopStatus } from '../cooperative';
import type { Kelurahan } from '../kelurahan';
import { addDays } from '../time';
import type { CoopSummary } from './summary';

/** One cooperative as the city sees it on a day: its profile, its summary and what they mean. */
export interface Standing {
  coop: Cooperative;
  summary: CoopSummary;
  /** A business transaction within the window (today included). */
  active: boolean;
  /** Days from the last business transaction to today; null when none was ever recorded. */
  daysSinceActivity: number | null;
  unitsEnabled: string[];
  /** Units with a business transaction within the window (savings are not a unit). */
  unitsTrading: string[];
  /** Members registered less those who left. */
  members: number;
  /** The books of last year are closed (SHU computed). */
  booksClosedLastYear: boolean;
}

export interface StandingFilter {
  status?: CoopStatus | null | undefined;
  active?: boolean | null | undefined;
  /** Cooperatives that enabled this unit. */
  unitId?: string | null | undefined;
  kelurahanId?: string | null | undefined;
}

export interface StatusCounts {
  total: number;
  formed: number;
  legalEntity: number;
  operating: number;
  active: number;
  /** No business transaction in the window. */
  inactive: number;
  /** Status OPERATING, yet no business transaction in the window: the ones to call in first. */
  operatingWithoutActivity: number;
}

export interface UnitCount {
  unitId: string;
  enabled: number;
  trading: number;
}

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The first day inside a window of `windowDays` days ending today. */
export const windowStart = (today: string, windowDays: number) => addDays(today, 1 - windowDays);

export function standingOf(coop: Cooperative, summary: CoopSummary, today: string, windowDays: number): Standing {
  const since = windowStart(today, windowDays);
  const inWindow = (d: string | undefined) => !!d && d >= since && d <= today;
  const unitsEnabled = Object.entries(summary.units).filter(([, on]) => on).map(([u]) => u).sort();
  const unitsTrading = Object.entries(summary.lastActivityBySegment)
    .filter(([segment, date]) => segment in summary.units && inWindow(date))
    .map(([u]) => u)
    .sort();
  return {
    coop,
    summary,
    active: inWindow(summary.lastActivityDate),
    daysSinceActivity: summary.lastActivityDate ? Math.max(0, daysBetween(summary.lastActivityDate, today)) : null,
    unitsEnabled,
    unitsTrading,
    members: Math.max(0, summary.membersRegistered - summary.membersLeft),
    booksClosedLastYear: summary.closedYears.includes(Number(today.slice(0, 4)) - 1),
  };
}

export function matches(s: Standing, f: StandingFilter): boolean {
  if (f.status && s.coop.status !== f.status) return false;
  if (f.active != null && s.active !== f.active) return false;
  if (f.unitId && !s.unitsEnabled.includes(f.unitId)) return false;
  if (f.kelurahanId && s.coop.kelurahanId !== f.kelurahanId) return false;
  return true;
}

export function countStatuses(standings: readonly Standing[]): StatusCounts {
  const c: StatusCounts = { total: 0, formed: 0, legalEntity: 0, operating: 0, active: 0, inactive: 0, operatingWithoutActivity: 0 };
  for (const s of standings) {
    c.total += 1;
    if (s.coop.status === 'FORMED') c.formed += 1;
    if (s.coop.status === 'LEGAL_ENTITY') c.legalEntity += 1;
    if (s.coop.status === 'OPERATING') c.operating += 1;
    if (s.active) c.active += 1;
    else c.inactive += 1;
    if (s.coop.status === 'OPERATING' && !s.active) c.operatingWithoutActivity += 1;
  }
  return c;
}

export function countUnits(standings: readonly Standing[]): UnitCount[] {
  const by = new Map<string, UnitCount>();
  const at = (unitId: string) => by.get(unitId) ?? by.set(unitId, { unitId, enabled: 0, trading: 0 }).get(unitId)!;
  for (const s of standings) {
    for (const u of s.unitsEnabled) at(u).enabled += 1;
    for (const u of s.unitsTrading) at(u).trading += 1;
  }
  return [...by.values()].sort((a, b) => a.unitId.localeCompare(b.unitId));
}

export interface KelurahanRow {
  kelurahan: Kelurahan;
  counts: StatusCounts;
  units: UnitCount[];
}

/** Every kelurahan of the city, with or without a cooperative, in the order given. */
export function byKelurahan(kelurahan: readonly Kelurahan[], standings: readonly Standing[]): KelurahanRow[] {
  const groups = new Map<string, Standing[]>();
  for (const s of standings) groups.set(s.coop.kelurahanId, [...(groups.get(s.coop.kelurahanId) ?? []), s]);
  return kelurahan.map((k) => {
    const group = groups.get(k.id) ?? [];
    return { kelurahan: k, counts: countStatuses(group), units: countUnits(group) };
  });
}
