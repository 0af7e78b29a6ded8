import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, crossings } from '../src/services/levels';
import { alertLog, startPond, SIRNARAGA, type Pond } from './support';

const T = SIRNARAGA.thresholds;
const at = (minute: number) => new Date(Date.parse('2026-03-15T00:00:00.000Z') + minute * 60_000).toISOString();

let p: Pond;
let pondId: string;
beforeAll(async () => {
  p = await startPond();
  pondId = await p.pond();
}, 60_000);
afterAll(() => p?.close());

const post = (sensorId: string, readings: { at: string; levelCm: number }[]) => p.ok('kolamretensiRecordReadings', { sensorId, readings }, p.host.a.staff);
const logOf = async (sensorId: string, pond = pondId) => (await alertLog(p, pond)).filter((a) => a.sensorId === sensorId).map(({ at, from, to }) => ({ at, from, to }));

describe('readings and the alert log over GraphQL on DynamoDB Local', () => {
  it('a late reading moves a crossing to where it happened, never adds a false one', async () => {
    const s = await p.sensor(pondId);
    await post(s, [{ at: at(0), levelCm: 700 }, { at: at(20), levelCm: 800 }]);
    expect(await logOf(s)).toEqual([{ at: at(20), from: 'NORMAL', to: 'SIAGA_3' }]);
    const late = await post(s, [{ at: at(10), levelCm: 760 }]);
    expect(late).toMatchObject({ stored: 1, alertsRaised: 1, alertsWithdrawn: 1, latestLevelCm: 800 });
    expect(await logOf(s)).toEqual([{ at: at(10), from: 'NORMAL', to: 'SIAGA_3' }]);
    // Late, between a rise and a fall, at the level already reached: no crossing at all.
    await post(s, [{ at: at(40), levelCm: 700 }]);
    await post(s, [{ at: at(30), levelCm: 790 }]);
    expect(await logOf(s)).toEqual([{ at: at(10), from: 'NORMAL', to: 'SIAGA_3' }, { at: at(40), from: 'SIAGA_3', to: 'NORMAL' }]);
  });

  it('a timestamp already stored is a duplicate, even with another level, and changes nothing', async () => {
    const s = await p.sensor(pondId);
    await post(s, [{ at: at(0), levelCm: 900 }]);
    const again = await post(s, [{ at: at(0), levelCm: 700 }, { at: at(0), levelCm: 900 }]);
    expect(again).toMatchObject({ stored: 0, duplicates: 2, alertsRaised: 0, latestLevelCm: 900, latestLevel: 'SIAGA_2' });
    expect(await logOf(s)).toEqual([{ at: at(0), from: 'NORMAL', to: 'SIAGA_2' }]);
  });

  it('property: for random readings posted shuffled, duplicated and in random batches (some at once), the log is exactly the crossings of the sorted, deduplicated sequence', async () => {
    const reading = fc.record({ minute: fc.integer({ min: 0, max: 120 }), levelCm: fc.oneof(fc.integer({ min: 600, max: 1_050 }), fc.constantFrom(750, 751, 850, 851, 950, 951)) });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(reading, { minLength: 1, maxLength: 30, selector: (r) => r.minute }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        fc.func(fc.integer()),
        async (truth, dupIdx, batchSize, together, order) => {
          // A pond per run keeps each run's log on one page.
          const own = await p.pond();
          const s = await p.sensor(own);
          const sent = [...truth, ...dupIdx.map((i) => truth[i % truth.length]!)].map((r) => ({ at: at(r.minute), levelCm: r.levelCm }));
          const shuffled = sent.map((r, i) => ({ r, k: order(i) })).sort((a, b) => a.k - b.k).map((x) => x.r);
          const batches: (typeof sent)[] = [];
          for (let i = 0; i < shuffled.length; i += batchSize) batches.push(shuffled.slice(i, i + batchSize));
          if (together) await Promise.all(batches.map((b) => post(s, b)));
          else for (const b of batches) await post(s, b);
          const expected = crossings(truth.map((r) => ({ at: at(r.minute), levelCm: r.levelCm, status: classify(r.levelCm, T) }))).map(({ at: a, from, to }) => ({ at: a, from, to }));
          expect(await logOf(s, own)).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  }, 300_000);
});
