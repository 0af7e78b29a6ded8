import { describe, expect, it } from 'vitest';
import { classify, crossings } from '../src/services/levels';

const T = { siaga3Cm: 750, siaga2Cm: 850, siaga1Cm: 950 };
const r = (at: string, levelCm: number) => ({ at: `2026-03-15T${at}:00.000Z`, levelCm, status: classify(levelCm, T) });

describe('alert levels (pure rules)', () => {
  it('classifies strictly above each threshold', () => {
    expect([750, 751, 850, 851, 950, 951, 0].map((l) => classify(l, T))).toEqual(['NORMAL', 'SIAGA_3', 'SIAGA_3', 'SIAGA_2', 'SIAGA_2', 'SIAGA_1', 'NORMAL']);
  });

  it('one crossing per change of level, up and down, from NORMAL before the first reading; a jump of two levels is one crossing', () => {
    const c = crossings([r('10:00', 700), r('10:10', 760), r('10:20', 770), r('10:30', 960), r('10:40', 740)]);
    expect(c.map((x) => [x.at.slice(11, 16), x.from, x.to, x.direction])).toEqual([
      ['10:10', 'NORMAL', 'SIAGA_3', 'UP'],
      ['10:30', 'SIAGA_3', 'SIAGA_1', 'UP'],
      ['10:40', 'SIAGA_1', 'NORMAL', 'DOWN'],
    ]);
  });

  it('depends on the set of readings, not their order; a duplicate timestamp counts once', () => {
    const list = [r('10:00', 800), r('10:20', 700), r('10:10', 800), r('10:00', 800)];
    expect(crossings(list)).toEqual(crossings([r('10:00', 800), r('10:10', 800), r('10:20', 700)]));
    expect(crossings(list).map((x) => x.at.slice(11, 16))).toEqual(['10:00', '10:20']);
  });
});
