import { z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { KolamSettings } from '../settings';
import { STATUSES, rank, type Status } from './levels';
import type { Reading } from './reading';
import type { Sensor } from './sensors';

/** One crossing in the alert log: the reading where the level moved to another alert level. */
export const alertSchema = z.object({
  pondId: z.string(),
  sensorId: z.string(),
  at: z.string(),
  levelCm: z.number().int(),
  from: z.enum(STATUSES),
  to: z.enum(STATUSES),
  direction: z.enum(['UP', 'DOWN']),
  recordedAt: z.string(),
});
export type Alert = z.output<typeof alertSchema>;
/** Keyed by the reading it stands for, so recomputing writes the same key: the log has no copies. */
export const alertKey = (pondId: string, at: string, sensorId: string) => ['ALERT', pondId, at, sensorId];

type Point = { at: string; levelCm: number; status: Status };

/**
 * What the new readings change in one sensor's alert log. A crossing sits at a reading whose level
 * differs from the reading before it in time, so inserting readings can change the log only at the
 * new readings and at the stored reading right after each of them: those are re-decided from the
 * time-ordered neighbourhood, and a crossing a late reading shows to be no crossing is withdrawn
 * (or moved to the late reading). Readings arriving in order (the usual case) need no read at all:
 * the one before them is the sensor's latest.
 */
export async function planAlerts(u: UnitMutationContext<KolamSettings>, sensor: Sensor, fresh: Reading[]): Promise<{ put: Alert[]; remove: string[] }> {
  const lo = fresh[0]!.at;
  const hi = fresh[fresh.length - 1]!.at;
  const inOrder = !sensor.latest || lo > sensor.latest.at;
  const prev: Point | undefined = inOrder ? sensor.latest : await neighbour(u, sensor, lo, 'before');
  const between = inOrder ? [] : await storedBetween(u, sensor, lo, hi);
  const next = inOrder ? undefined : await neighbour(u, sensor, hi, 'after');
  const isFresh = new Set(fresh.map((r) => r.at));
  const seq: Point[] = [...between, ...fresh, ...(next ? [next] : [])].sort((a, b) => (a.at < b.at ? -1 : 1));

  const decide: { point: Point; before: Status }[] = [];
  seq.forEach((p, i) => {
    const pred = i === 0 ? prev : seq[i - 1];
    // A stored reading is re-decided only when a new reading now comes right before it.
    if (isFresh.has(p.at) || (pred && isFresh.has(pred.at))) decide.push({ point: p, before: pred?.status ?? 'NORMAL' });
  });
  const storedDecided = decide.filter((d) => !isFresh.has(d.point.at));
  const existing = storedDecided.length ? await u.store.getMany(alertSchema, storedDecided.map((d) => alertKey(sensor.pondId, d.point.at, sensor.id))) : [];
  const existingAt = new Map(storedDecided.map((d, i) => [d.point.at, existing[i]] as const));

  const put: Alert[] = [];
  const remove: string[] = [];
  for (const { point, before } of decide) {
    const had = existingAt.get(point.at);
    if (point.status === before) {
      if (had) remove.push(point.at);
      continue;
    }
    if (had && had.from === before) continue;
    put.push({ pondId: sensor.pondId, sensorId: sensor.id, at: point.at, levelCm: point.levelCm, from: before, to: point.status, direction: rank(point.status) > rank(before) ? 'UP' : 'DOWN', recordedAt: u.now().toISOString() });
  }
  return { put, remove };
}

const pointSchema = z.object({ at: z.string(), levelCm: z.number().int(), status: z.enum(STATUSES) });
const prefix = (s: Sensor) => ['READING', s.pondId, s.id];

/** The stored reading right before `at` or right after it (at itself is a new reading, never stored). */
async function neighbour(u: UnitContext<KolamSettings>, s: Sensor, at: string, side: 'before' | 'after'): Promise<Point | undefined> {
  const page = side === 'before'
    ? await u.store.range(pointSchema, prefix(s), [...prefix(s), at], { first: 1, descending: true })
    : await u.store.range(pointSchema, [...prefix(s), at], [...prefix(s), '~'], { first: 1 });
  return page.items[0];
}

/** Stored readings between the first and last new one (a late batch spanning earlier readings). */
async function storedBetween(u: UnitContext<KolamSettings>, s: Sensor, lo: string, hi: string): Promise<Point[]> {
  const out: Point[] = [];
  let after: string | undefined;
  do {
    const page = await u.store.range(pointSchema, [...prefix(s), lo], [...prefix(s), hi], { first: 100, ...(after ? { after } : {}) });
    out.push(...page.items);
    after = page.hasNextPage ? page.endCursor ?? undefined : undefined;
  } while (after);
  return out;
}

/** A page of a pond's alert log from one instant (inclusive) to another (exclusive), in time order (all sensors). */
export function alertsPage(u: UnitContext<KolamSettings>, pondId: string, from: string, to: string, page: { first: number; after?: string; descending?: boolean }) {
  return u.store.range(alertSchema, ['ALERT', pondId, from], ['ALERT', pondId, to], page);
}
