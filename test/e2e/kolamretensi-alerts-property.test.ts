import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';

/**
 * Issue 16, "exactly one alert per crossing": water-level readings posted shuffled, duplicated, in random
 * batches, some at the same moment, over GraphQL on DynamoDB Local; the stored alert log must be exactly
 * the crossings of the sorted, deduplicated sequence, computed here by an oracle of its own.
 */
const T = { siaga3Cm: 750, siaga2Cm: 850, siaga1Cm: 950 };
const LEVELS = ['NORMAL', 'SIAGA_3', 'SIAGA_2', 'SIAGA_1'] as const;
const levelOf = (cm: number) => (cm > T.siaga1Cm ? 3 : cm > T.siaga2Cm ? 2 : cm > T.siaga3Cm ? 1 : 0);
/** The oracle: sort by time, and wherever the level differs from the one before (NORMAL before the first), a crossing. */
function expectedCrossings(readings: { at: string; levelCm: number }[]) {
  const out: { at: string; from: string; to: string }[] = [];
  let before = 0;
  for (const r of [...readings].sort((a, b) => a.at.localeCompare(b.at))) {
    const now = levelOf(r.levelCm);
    if (now !== before) out.push({ at: r.at, from: LEVELS[before]!, to: LEVELS[now]! });
    before = now;
  }
  return out;
}
const at = (minute: number) => new Date(Date.parse('2026-03-15T00:00:00.000Z') + minute * 60_000).toISOString();

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let staff: string;

async function ok(field: string, input: Record<string, unknown>, token: string, select: string) {
  const type = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  const res = await api.gql(`mutation($input: ${type}Input!) { ${field}(input: $input) { __typename ... on ${type}Success { data { ${select} } } ... on Error { code messageEn } } }`, { input: { cooperativeId: f.coopId, ...input } }, token);
  expect(res.data?.[field]?.__typename, JSON.stringify(res)).toBe(`${type}Success`);
  return res.data[field].data;
}

beforeAll(async () => {
  api = await startTestApi({ now: '2026-03-16T02:00:00Z' });
  f = await cityWithCoop(api, 'Kota Kolam Acak');
  staff = await api.token({ userId: 'petugas-kolam', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['kolamretensi'] });
  const on = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'kolamretensi', settings: {} } }, f.manager);
  expect(on.data.enableUnit.__typename).toBe('EnableUnitSuccess');
}, 60_000);
afterAll(() => api?.close());

describe('retention pond alert log (property)', () => {
  it('for random readings posted shuffled, duplicated and in random batches (some at once), the log is exactly the crossings of the sorted, deduplicated sequence', async () => {
    const reading = fc.record({ minute: fc.integer({ min: 0, max: 120 }), levelCm: fc.oneof(fc.integer({ min: 600, max: 1_050 }), fc.constantFrom(750, 751, 850, 851, 950, 951)) });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(reading, { minLength: 1, maxLength: 30, selector: (r) => r.minute }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        fc.func(fc.integer()),
        async (truth, dupIdx, batchSize, together, order) => {
          // A pond and a gauge per run: each run's log is its own.
          const pondId = (await ok('kolamretensiCreatePond', { name: 'Kolam Acak', location: 'Bandung', capacityM3: 19_473, areaM2: 8_200, thresholds: T, agreement: { number: 'PKS/1', startDate: '2026-01-01', endDate: '2030-12-31', revenueShareBps: 3_000 } }, f.manager, 'id')).id;
          const sensorId = (await ok('kolamretensiAddSensor', { pondId, name: 'Sensor', kind: 'AUTOMATIC' }, f.manager, 'id')).id;
          const sent = [...truth, ...dupIdx.map((i) => truth[i % truth.length]!)].map((r) => ({ at: at(r.minute), levelCm: r.levelCm }));
          const shuffled = sent.map((r, i) => ({ r, k: order(i) })).sort((a, b) => a.k - b.k).map((x) => x.r);
          const batches: (typeof sent)[] = [];
          for (let i = 0; i < shuffled.length; i += batchSize) batches.push(shuffled.slice(i, i + batchSize));
          const post = (readings: typeof sent) => ok('kolamretensiRecordReadings', { sensorId, readings }, staff, 'stored');
          if (together) await Promise.all(batches.map(post));
          else for (const b of batches) await post(b);
          const log = await api.gql(`query($c: ID!, $p: ID!) { kolamretensiAlerts(cooperativeId: $c, pondId: $p, from: "2026-03-14", to: "2026-03-16") { at from to } }`, { c: f.coopId, p: pondId }, f.manager);
          expect(log.data.kolamretensiAlerts).toEqual(expectedCrossings(truth.map((r) => ({ at: at(r.minute), levelCm: r.levelCm }))));
        },
      ),
      { numRuns: 40 },
    );
  }, 300_000);
});
