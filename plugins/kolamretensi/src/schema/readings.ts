import { isoDate, msg, z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { alertsPage, type Alert } from '../services/alerts';
import { loadPond } from '../services/ponds';
import { dailyHistory, readingsPage, recordReadings, recordReadingsInput, type Day, type Reading, type RecordResult } from '../services/readings';
import { loadSensor, sensorGlobalId } from '../services/sensors';
import { startOfLocalDay, nextDay } from '../services/time';
import type { KolamSettings } from '../settings';
import type { Enums } from './enums';

const instant = z.string().refine((v) => !Number.isNaN(Date.parse(v)), msg('must be a date and time (ISO 8601)', 'harus tanggal dan jam (ISO 8601)')).transform((v) => new Date(v).toISOString());
const pageArgs = { first: z.number().int().min(1, msg('must be 1 to 100', 'harus 1 sampai 100')).max(100, msg('must be 1 to 100', 'harus 1 sampai 100')).nullish(), after: z.string().nullish() };
const page = (a: { first?: number | null | undefined; after?: string | null | undefined }) => ({ first: a.first ?? 100, ...(a.after ? { after: a.after } : {}) });

/** Water levels: `kolamretensiRecordReadings` (staff or a sensor's device credential), readings, the alert log, the per-day history. */
export function registerReadings(b: Builder, unit: UnitSchemaKit<KolamSettings>, e: Enums) {
  const ReadingRef = b.objectRef<Reading & { pondId: string }>('KolamretensiReading').implement({
    description: 'One water-level reading of a gauge, classified against the pond’s thresholds when recorded.',
    fields: (t) => ({
      sensorId: t.id({ description: 'The gauge.', resolve: (r) => sensorGlobalId({ pondId: r.pondId, id: r.sensorId }) }),
      at: t.expose('at', { type: 'DateTime', description: 'When the level was read.' }),
      levelCm: t.exposeInt('levelCm', { description: 'Water level in cm.' }),
      level: t.field({ type: e.Status, description: 'Alert level.', resolve: (r) => r.status }),
      recordedBy: t.exposeString('recordedBy', { description: 'Who recorded it: a user id, or "device:<credential>" for a sensor.' }),
    }),
  });
  const ReadingPage = b.objectRef<{ items: (Reading & { pondId: string })[]; endCursor: string | null; hasNextPage: boolean }>('KolamretensiReadingPage').implement({
    description: 'A page of readings in time order.',
    fields: (t) => ({
      items: t.field({ type: [ReadingRef], description: 'Readings.', resolve: (p) => p.items }),
      endCursor: t.exposeString('endCursor', { nullable: true, description: 'Pass as `after` for the next page.' }),
      hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Whether more follow.' }),
    }),
  });
  const AlertRef = b.objectRef<Alert>('KolamretensiAlert').implement({
    description: 'One crossing in the alert log: the reading at which a gauge’s level moved to another alert level.',
    fields: (t) => ({
      sensorId: t.id({ description: 'The gauge.', resolve: (a) => sensorGlobalId({ pondId: a.pondId, id: a.sensorId }) }),
      at: t.expose('at', { type: 'DateTime', description: 'When the crossing reading was taken.' }),
      levelCm: t.exposeInt('levelCm', { description: 'That reading (cm).' }),
      from: t.field({ type: e.Status, description: 'Level before.', resolve: (a) => a.from }),
      to: t.field({ type: e.Status, description: 'Level after.', resolve: (a) => a.to }),
      direction: t.field({ type: e.Direction, description: 'Up or down.', resolve: (a) => a.direction }),
      recordedAt: t.expose('recordedAt', { type: 'DateTime', description: 'When the log learnt of it.' }),
    }),
  });
  const DayRef = b.objectRef<Day>('KolamretensiDay').implement({
    description: 'One day of one gauge in the per-day history.',
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: "Day, in the cooperative's time zone." }),
      sensorId: t.exposeString('sensorId', { description: 'Internal id of the gauge (as in the sensors list’s ids).' }),
      minCm: t.exposeInt('minCm', { description: 'Lowest level (cm).' }),
      maxCm: t.exposeInt('maxCm', { description: 'Highest level (cm).' }),
      lastCm: t.exposeInt('lastCm', { description: 'Last level of the day (cm).' }),
      worst: t.field({ type: e.Status, description: 'Highest alert level reached.', resolve: (d) => d.worst }),
      count: t.exposeInt('count', { description: 'Readings.' }),
    }),
  });
  const Result = b.objectRef<RecordResult>('KolamretensiReadingsBatch').implement({
    description: 'What a batch of readings did.',
    fields: (t) => ({
      sensorId: t.id({ description: 'The gauge.', resolve: (r) => sensorGlobalId({ pondId: r.pondId, id: r.sensorId }) }),
      stored: t.exposeInt('stored', { description: 'New readings stored.' }),
      duplicates: t.exposeInt('duplicates', { description: 'Readings already stored for their timestamp (ignored).' }),
      alertsRaised: t.exposeInt('alertsRaised', { description: 'Crossings added to (or corrected in) the alert log.' }),
      alertsWithdrawn: t.exposeInt('alertsWithdrawn', { description: 'Crossings a late reading showed to be none, withdrawn.' }),
      latestLevelCm: t.int({ nullable: true, description: 'The gauge’s latest level now.', resolve: (r) => r.latest?.levelCm ?? null }),
      latestLevel: t.field({ type: e.Status, nullable: true, description: 'Its alert level.', resolve: (r) => r.latest?.status ?? null }),
    }),
  });
  const ReadingInput = b.inputType('KolamretensiReadingInput', {
    description: 'One reading.',
    fields: (t) => ({ at: t.field({ type: 'DateTime', required: true, description: 'When the level was read.' }), levelCm: t.int({ required: true, description: 'Water level in cm.' }) }),
  });

  unit.mutation('recordReadings', {
    type: Result,
    description: 'Records a batch of one gauge’s readings (at most 20; in any order; a timestamp already stored is ignored), classifies them and keeps the alert log to one entry per crossing. Staff, or the sensor itself with its device credential.',
    permission: 'kolamretensi:record',
    devices: true,
    businessEvent: false,
    input: (t) => ({ sensorId: t.id({ required: true, description: 'The gauge.' }), readings: t.field({ type: [ReadingInput], required: true, description: 'Readings, 1 to 20.' }) }),
    schema: recordReadingsInput,
    resolve: (input, u) => recordReadings(u, input),
  });
  unit.query('readings', {
    type: ReadingPage,
    description: 'A gauge’s readings between two instants, in time order.',
    permission: 'kolamretensi:read',
    args: (t) => ({
      sensorId: t.id({ required: true, description: 'The gauge.' }),
      from: t({ type: 'DateTime', required: true, description: 'From (inclusive).' }),
      to: t({ type: 'DateTime', required: true, description: 'To (inclusive).' }),
      first: t.int({ required: false, description: 'Page size, 1 to 100 (default 100).' }),
      after: t.string({ required: false, description: 'endCursor of the page before.' }),
    }),
    schema: z.object({ sensorId: z.string(), from: instant, to: instant, ...pageArgs }),
    resolve: async (a, u) => {
      const s = await loadSensor(u, a.sensorId, 'sensorId');
      const p = await readingsPage(u, { pondId: s.pondId, sensorId: s.id }, a.from, a.to, page(a));
      return { items: p.items.map((r) => ({ ...r, pondId: s.pondId })), endCursor: p.endCursor ?? null, hasNextPage: p.hasNextPage };
    },
  });
  unit.query('alerts', {
    type: [AlertRef],
    description: 'The pond’s alert log between two dates (local days), oldest first: one entry per crossing, up or down.',
    permission: 'kolamretensi:read',
    args: (t) => ({
      pondId: t.id({ required: true, description: 'The pond.' }),
      from: t({ type: 'Date', required: true, description: 'First day.' }),
      to: t({ type: 'Date', required: true, description: 'Last day.' }),
      first: t.int({ required: false, description: 'At most this many (1 to 100, default 100).' }),
      after: t.string({ required: false, description: 'Continue after this cursor.' }),
    }),
    schema: z.object({ pondId: z.string(), from: isoDate, to: isoDate, ...pageArgs }),
    resolve: async (a, u) => {
      const pond = await loadPond(u, a.pondId, 'pondId');
      const zone = u.cooperative.timeZone;
      return (await alertsPage(u, pond.id, startOfLocalDay(a.from, zone), startOfLocalDay(nextDay(a.to), zone), page(a))).items;
    },
  });
  unit.query('dailyHistory', {
    type: [DayRef],
    description: 'Per-day history of a pond’s gauges between two dates: lowest, highest and last level, worst alert level, count.',
    permission: 'kolamretensi:read',
    args: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }), from: t({ type: 'Date', required: true, description: 'First day.' }), to: t({ type: 'Date', required: true, description: 'Last day.' }) }),
    schema: z.object({ pondId: z.string(), from: isoDate, to: isoDate }),
    resolve: async (a, u) => dailyHistory(u, (await loadPond(u, a.pondId, 'pondId')).id, a.from, a.to),
  });
}
