import { mulDivRound } from './math';

/**
 * Collectibility (kolektibilitas) by days past due, as banks and cooperatives classify loans, and the
 * problem-loan risk (risiko pinjaman bermasalah) weighted per class. Day bands and weights come from
 * the unit's settings; the defaults are the regulated ones.
 */
export type CollectibilityClass = 'LANCAR' | 'DPK' | 'KURANG_LANCAR' | 'DIRAGUKAN' | 'MACET';

export const CLASSES: readonly CollectibilityClass[] = ['LANCAR', 'DPK', 'KURANG_LANCAR', 'DIRAGUKAN', 'MACET'];

export interface CollectibilityBands {
  /** Last day past due still class 2 (DPK, dalam perhatian khusus); default 90. */
  dpkMaxDays: number;
  /** Last day still class 3 (kurang lancar); default 120. */
  substandardMaxDays: number;
  /** Last day still class 4 (diragukan); default 180. Beyond: class 5 (macet). */
  doubtfulMaxDays: number;
}

export interface RiskWeights {
  /** Basis points of class 3 outstanding; default 5000 (50%). */
  substandardBp: number;
  /** Class 4; default 7500 (75%). */
  doubtfulBp: number;
  /** Class 5; default 10000 (100%). */
  lossBp: number;
}

export const DEFAULT_BANDS: CollectibilityBands = { dpkMaxDays: 90, substandardMaxDays: 120, doubtfulMaxDays: 180 };
export const DEFAULT_WEIGHTS: RiskWeights = { substandardBp: 5000, doubtfulBp: 7500, lossBp: 10000 };

export function classify(daysPastDue: number, bands: CollectibilityBands = DEFAULT_BANDS): CollectibilityClass {
  if (daysPastDue <= 0) return 'LANCAR';
  if (daysPastDue <= bands.dpkMaxDays) return 'DPK';
  if (daysPastDue <= bands.substandardMaxDays) return 'KURANG_LANCAR';
  if (daysPastDue <= bands.doubtfulMaxDays) return 'DIRAGUKAN';
  return 'MACET';
}

/** 1 (lancar) .. 5 (macet). */
export const classNumber = (c: CollectibilityClass) => CLASSES.indexOf(c) + 1;

/** Problem-loan risk of outstanding principal per class, in whole rupiah (each class rounded half up). */
export function problemLoanRisk(outstandingByClass: Record<CollectibilityClass, number>, w: RiskWeights = DEFAULT_WEIGHTS): number {
  const part = (amount: number, bp: number) => mulDivRound(amount, bp, 10_000);
  return part(outstandingByClass.KURANG_LANCAR, w.substandardBp) + part(outstandingByClass.DIRAGUKAN, w.doubtfulBp) + part(outstandingByClass.MACET, w.lossBp);
}
