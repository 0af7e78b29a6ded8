import { describe, expect, it } from 'vitest';
import { classify, problemLoanRisk, DEFAULT_BANDS } from '../src/collectibility';

describe('collectibility', () => {
  it('classifies by days past due at the regulated band edges', () => {
    const cases: [number, string][] = [
      [0, 'LANCAR'],
      [1, 'DPK'],
      [90, 'DPK'],
      [91, 'KURANG_LANCAR'],
      [120, 'KURANG_LANCAR'],
      [121, 'DIRAGUKAN'],
      [180, 'DIRAGUKAN'],
      [181, 'MACET'],
      [900, 'MACET'],
    ];
    for (const [days, cls] of cases) expect(classify(days), `${days} days`).toBe(cls);
  });

  it('follows bands from the settings', () => {
    const tight = { ...DEFAULT_BANDS, dpkMaxDays: 30 };
    expect(classify(31, tight)).toBe('KURANG_LANCAR');
  });

  it('weights problem loans 50/75/100 percent', () => {
    // 50% × 1 000 001 = 500 000.5 -> 500 001; 75% × 2 000 000 = 1 500 000; 100% × 300 000
    const risk = problemLoanRisk({ LANCAR: 9_000_000, DPK: 5_000_000, KURANG_LANCAR: 1_000_001, DIRAGUKAN: 2_000_000, MACET: 300_000 });
    expect(risk).toBe(500_001 + 1_500_000 + 300_000);
  });
});
