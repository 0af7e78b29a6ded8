import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertLog, startPond, type Pond } from './support';

const at = (minute: number) => new Date(Date.parse('2026-03-15T00:00:00.000Z') + minute * 60_000).toISOString();

let p: Pond;
let pondId: string;
beforeAll(async () => {
  p = await startPond();
  pondId = await p.pond();
}, 60_000);
afterAll(() => p?.close());

const post = (sensorId: string, readings: { at: string; levelCm: number }[]) => p.ok('kolamretensiRecordReadings', { sensorId, readings }, p.host.a.staff);
const logOf = async (sensorId: string) => (await alertLog(p, pondId)).filter((a) => a.sensorId === sensorId).map(({ at, from, to }) => ({ at, from, to }));

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
});
