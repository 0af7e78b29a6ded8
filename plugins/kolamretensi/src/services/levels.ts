/**
 * Alert levels of a retention pond and the crossings between them: pure functions, the one
 * definition the stored alert log follows and the tests check it against.
 */
export const STATUSES = ['NORMAL', 'SIAGA_3', 'SIAGA_2', 'SIAGA_1'] as const;
export type Status = (typeof STATUSES)[number];

/** Water-level thresholds in cm, as data per pond (Bandung's example: > 750 Siaga 3, > 850 Siaga 2, > 950 Siaga 1). */
export interface Thresholds {
  siaga3Cm: number;
  siaga2Cm: number;
  siaga1Cm: number;
}

/** The alert level of a water level: above a threshold (strictly) is that level. */
export function classify(levelCm: number, t: Thresholds): Status {
  if (levelCm > t.siaga1Cm) return 'SIAGA_1';
  if (levelCm > t.siaga2Cm) return 'SIAGA_2';
  if (levelCm > t.siaga3Cm) return 'SIAGA_3';
  return 'NORMAL';
}

export const rank = (s: Status): number => STATUSES.indexOf(s);

export interface Crossing {
  at: string;
  levelCm: number;
  from: Status;
  to: Status;
  direction: 'UP' | 'DOWN';
}

/**
 * The crossings of one sensor's readings in time order: one wherever the alert level differs from
 * the reading before (the first reading is compared with NORMAL: a pond with no reading is not on
 * alert). A jump over two levels is one crossing, from and to both named. Duplicates by time count
 * once (the first), so the answer depends on the set of readings, not on the order they came in.
 */
export function crossings(readings: readonly { at: string; levelCm: number; status: Status }[]): Crossing[] {
  const seen = new Set<string>();
  const ordered = [...readings].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).filter((r) => !seen.has(r.at) && (seen.add(r.at), true));
  const out: Crossing[] = [];
  let before: Status = 'NORMAL';
  for (const r of ordered) {
    if (r.status !== before) out.push({ at: r.at, levelCm: r.levelCm, from: before, to: r.status, direction: rank(r.status) > rank(before) ? 'UP' : 'DOWN' });
    before = r.status;
  }
  return out;
}
