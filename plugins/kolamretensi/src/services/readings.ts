import { NotFoundError, ValidationError, msg, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { KolamSettings } from '../settings';
import { STATUSES, classify, rank, type Status } from './levels';
import { pondKey, pondSchema } from './ponds';
import { holdDeviceToSensor, sensorIdOf, sensorKey, sensorSchema, type Sensor } from './sensors';
import { localDateOf } from './time';
import { alertKey, alertSchema, planAlerts } from './alerts';

export const MAX_BATCH = 20;

export { readingSchema, type Reading } from './reading';
import { readingSchema, type Reading } from './reading';
export const readingKey = (pondId: string, sensorId: string, at: string) => ['READING', pondId, sensorId, at];

/** One day of one sensor: the per-day history (lowest, highest, last, worst level, count). */
export const daySchema = z.object({ date: z.string(), sensorId: z.string(), minCm: z.number().int(), maxCm: z.number().int(), lastAt: z.string(), lastCm: z.number().int(), worst: z.enum(STATUSES), count: z.number().int() });
export type Day = z.output<typeof daySchema>;
const dayKey = (pondId: string, date: string, sensorId: string) => ['DAY', pondId, date, sensorId];

const instant = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)) && /T/.test(v), msg('must be a date and time (ISO 8601)', 'harus tanggal dan jam (ISO 8601)'))
  .transform((v) => new Date(v).toISOString());

export const recordReadingsInput = z.object({
  sensorId: z.string(),
  readings: z
    .array(z.object({ at: instant, levelCm: z.number().int().min(0, msg('must not be negative', 'tidak boleh negatif')).max(100_000) }))
    .min(1, msg('give at least one reading', 'isi paling sedikit satu bacaan'))
    .max(MAX_BATCH, msg(`at most ${MAX_BATCH} readings a call`, `paling banyak ${MAX_BATCH} bacaan sekali kirim`)),
});

export interface RecordResult {
  sensorId: string;
  pondId: string;
  stored: number;
  duplicates: number;
  alertsRaised: number;
  alertsWithdrawn: number;
  latest: Sensor['latest'] | null;
}

/**
 * A batch of one sensor's readings, in one transaction: each reading stored once (a reading the
 * sensor already posted, by timestamp, is a duplicate and changes nothing), classified against the
 * pond's thresholds, the per-day history updated, and the alert log made to match the crossings of
 * the time-ordered readings around the new ones (see alerts.ts). The sensor item is replaced at the
 * version read, so batches of one sensor apply one after the other even when they arrive together.
 */
export async function recordReadings(u: UnitMutationContext<KolamSettings>, input: z.output<typeof recordReadingsInput>): Promise<RecordResult> {
  const [pondId, sensorId] = sensorIdOf(input.sensorId, 'input.sensorId');
  const future = input.readings.findIndex((r) => Date.parse(r.at) > u.now().getTime() + 5 * 60_000);
  if (future >= 0) throw ValidationError.field(`input.readings.${future}.at`, 'must not be in the future', 'tidak boleh di masa depan');
  // First of each timestamp in the batch; the stored one wins over any of them.
  const batch = [...new Map(input.readings.map((r) => [r.at, r] as const)).values()].sort((a, b) => (a.at < b.at ? -1 : 1));
  const zone = u.cooperative.timeZone;
  const dates = [...new Set(batch.map((r) => localDateOf(r.at, zone)))];
  // One read wave by key: the sensor, its pond, the stored copies of these timestamps, their days.
  const [sensorItem, pondItem, ...rest] = await u.store.getMany(z.unknown(), [sensorKey(pondId, sensorId), pondKey(pondId), ...batch.map((r) => readingKey(pondId, sensorId, r.at)), ...dates.map((d) => dayKey(pondId, d, sensorId))]);
  if (!sensorItem) throw new NotFoundError('KolamretensiSensor', input.sensorId, 'input.sensorId');
  const sensor = sensorSchema.parse(sensorItem);
  holdDeviceToSensor(u, sensor);
  const pond = pondSchema.parse(pondItem);
  const stored = rest.slice(0, batch.length);
  const days = new Map(dates.map((d, i) => [d, rest[batch.length + i] ? daySchema.parse(rest[batch.length + i]) : undefined] as const));
  const fresh: Reading[] = batch
    .filter((_, i) => !stored[i])
    .map((r) => ({ at: r.at, levelCm: r.levelCm, status: classify(r.levelCm, pond.thresholds), sensorId, recordedBy: u.principal.userId, recordedAt: u.now().toISOString() }));
  const result: RecordResult = { sensorId, pondId, stored: fresh.length, duplicates: input.readings.length - fresh.length, alertsRaised: 0, alertsWithdrawn: 0, latest: sensor.latest ?? null };
  if (fresh.length === 0) return result;

  const plan = await planAlerts(u, sensor, fresh);
  for (const r of fresh) u.writes.put(readingKey(pondId, sensorId, r.at), r);
  for (const a of plan.put) u.writes.put(alertKey(pondId, a.at, sensorId), a);
  for (const at of plan.remove) u.writes.delete(alertKey(pondId, at, sensorId));
  for (const [date, day] of days) {
    const next = fresh.filter((r) => localDateOf(r.at, zone) === date).reduce<Day | undefined>((d, r) => addToDay(d, date, r), day);
    if (next && next !== day) u.writes.put(dayKey(pondId, date, sensorId), next);
  }
  const newest = fresh[fresh.length - 1]!;
  const latest = !sensor.latest || newest.at > sensor.latest.at ? { at: newest.at, levelCm: newest.levelCm, status: newest.status } : sensor.latest;
  u.writes.replace(sensorKey(pondId, sensorId), { ...sensor, latest, readings: sensor.readings + fresh.length, version: sensor.version + 1 }, sensor.version);
  return { ...result, alertsRaised: plan.put.length, alertsWithdrawn: plan.remove.length, latest };
}

function addToDay(d: Day | undefined, date: string, r: Reading): Day {
  if (!d) return { date, sensorId: r.sensorId, minCm: r.levelCm, maxCm: r.levelCm, lastAt: r.at, lastCm: r.levelCm, worst: r.status, count: 1 };
  const later = r.at > d.lastAt;
  return {
    ...d,
    minCm: Math.min(d.minCm, r.levelCm),
    maxCm: Math.max(d.maxCm, r.levelCm),
    lastAt: later ? r.at : d.lastAt,
    lastCm: later ? r.levelCm : d.lastCm,
    worst: rank(r.status) > rank(d.worst) ? r.status : d.worst,
    count: d.count + 1,
  };
}

/** A pond's per-day history between two dates: one row per day and sensor. */
export async function dailyHistory(u: UnitContext<KolamSettings>, pondId: string, from: string, to: string): Promise<Day[]> {
  const out: Day[] = [];
  let after: string | undefined;
  do {
    const page = await u.store.range(daySchema, ['DAY', pondId, from], ['DAY', pondId, `${to}~`], { first: 100, ...(after ? { after } : {}) });
    out.push(...page.items);
    after = page.hasNextPage ? page.endCursor ?? undefined : undefined;
  } while (after);
  return out;
}

/** A page of one sensor's readings between two instants, in time order. */
export function readingsPage(u: UnitContext<KolamSettings>, s: { pondId: string; sensorId: string }, from: string, to: string, page: { first: number; after?: string }) {
  return u.store.range(readingSchema, readingKey(s.pondId, s.sensorId, from), readingKey(s.pondId, s.sensorId, to), page);
}

export type PondStatus = { status: Status; levelCm: number | null; at: string | null };

/** The pond's status: the worst of its sensors' latest readings (flood control looks at the highest). */
export function pondStatus(sensors: Sensor[]): PondStatus {
  let worst: PondStatus = { status: 'NORMAL', levelCm: null, at: null };
  for (const s of sensors) {
    if (!s.latest) continue;
    if (worst.at === null || rank(s.latest.status) > rank(worst.status) || (s.latest.status === worst.status && s.latest.levelCm > (worst.levelCm ?? -1))) worst = { ...s.latest };
  }
  return worst;
}

export { alertSchema };
