import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, crossings } from '../src/services/levels';
import { alertLog, startPond, SIRNARAGA, type Pond } from './support';

let p: Pond;
beforeAll(async () => {
  p = await startPond('2026-03-16T02:00:00Z');
}, 60_000);
afterAll(() => p?.close());

const calls = () => [...p.host.db.calls.values()].reduce((a, b) => a + b, 0);

/** A rainy night: the level rises through every alert level and falls back, a little different per sensor. */
const level = (sensor: number, i: number) => Math.round(700 + 280 * Math.sin((Math.PI * i) / 200) + 7 * sensor + ((i * 37) % 11));

describe('a burst of readings', () => {
  it('1,000 readings from 5 sensors posted at once (batches out of order, one re-sent) are all stored once and classified', async () => {
    const pondId = await p.pond();
    const sensors = await Promise.all([0, 1, 2, 3, 4].map(() => p.sensor(pondId)));
    const at = (i: number) => new Date(Date.parse('2026-03-15T10:00:00Z') + i * 60_000).toISOString();
    const series = sensors.map((_, s) => Array.from({ length: 200 }, (_, i) => ({ at: at(i), levelCm: level(s, i) })));
    const start = calls();
    let requests = 0;
    const results = await Promise.all(
      sensors.map(async (sensorId, s) => {
        const batches = Array.from({ length: 10 }, (_, b) => series[s]!.slice(b * 20, b * 20 + 20));
        // The sensor's buffer flushes newest first after an outage, then re-sends a batch it got no answer for.
        const order = [...batches.slice(5), ...batches.slice(0, 5).reverse(), batches[3]!];
        const out = [];
        for (const readings of order) {
          requests += 1;
          out.push(await p.ok('kolamretensiRecordReadings', { sensorId, readings }, p.host.a.staff));
        }
        return out;
      }),
    );
    const roundTrips = calls() - start;
    const stored = results.flat().reduce((n, r) => n + r.stored, 0);
    const duplicates = results.flat().reduce((n, r) => n + r.duplicates, 0);
    expect({ stored, duplicates }).toEqual({ stored: 1_000, duplicates: 100 });
    // Measured: the round trips per request (gate, idempotency, reads by key, neighbours when late, the transaction).
    console.log(`burst: ${requests} requests, ${roundTrips} DynamoDB round trips (${(roundTrips / requests).toFixed(1)} per request of 20 readings)`);
    expect(roundTrips / requests).toBeLessThan(7);

    const pond = await p.query(`query($c: ID!, $p: ID!) { kolamretensiPond(cooperativeId: $c, pondId: $p) { sensors { id readings latestLevelCm } } }`, { p: pondId });
    expect(pond.kolamretensiPond.sensors.map((s: any) => s.readings)).toEqual([200, 200, 200, 200, 200]);
    const log = await alertLog(p, pondId);
    let crossingsExpected = 0;
    for (const [s, sensorId] of sensors.entries()) {
      const page = await p.query(`query($c: ID!, $s: ID!) { kolamretensiReadings(cooperativeId: $c, sensorId: $s, from: "2026-03-15T00:00:00Z", to: "2026-03-16T00:00:00Z", first: 100) { items { at levelCm level } hasNextPage endCursor } }`, { s: sensorId });
      const rest = await p.query(`query($c: ID!, $s: ID!, $a: String) { kolamretensiReadings(cooperativeId: $c, sensorId: $s, from: "2026-03-15T00:00:00Z", to: "2026-03-16T00:00:00Z", first: 100, after: $a) { items { at levelCm level } hasNextPage } }`, { s: sensorId, a: page.kolamretensiReadings.endCursor });
      const readings = [...page.kolamretensiReadings.items, ...rest.kolamretensiReadings.items];
      expect(rest.kolamretensiReadings.hasNextPage).toBe(false);
      expect(readings).toEqual(series[s]!.map((r) => ({ at: r.at, levelCm: r.levelCm, level: classify(r.levelCm, SIRNARAGA.thresholds) })));
      const expected = crossings(series[s]!.map((r) => ({ ...r, status: classify(r.levelCm, SIRNARAGA.thresholds) })));
      crossingsExpected += expected.length;
      // Through Siaga 3, 2, 1 and back at least (more where the level wavers at a threshold).
      expect(expected.length).toBeGreaterThanOrEqual(6);
      expect(log.filter((a) => a.sensorId === sensorId).map(({ at: t, from, to }) => ({ at: t, from, to }))).toEqual(expected.map(({ at: t, from, to }) => ({ at: t, from, to })));
    }
    expect(log.length).toBe(crossingsExpected);
  }, 180_000);
});
