import type { Db, Key, Transaction } from '@kkmp/store';
import { RETRY_TAG } from '../mutation';
import { periodOf } from '../time';
import {
  ACTIVITY_SOURCES,
  SAVINGS_SEGMENT,
  activityInTransaction,
  recordEquityCollected,
  recordMemberLeft,
  recordMemberNumber,
  recordRatHeld,
  recordUnitSwitch,
  recordYearClosed,
  summaryAfterCommit,
} from './summary';

/**
 * Hooks the core's write paths call to keep a cooperative's summary current. A posting raises the activity
 * dates in its own transaction when the summary (read with the period lock) is behind; the rest registers
 * work to run once the transaction has committed (see summary.ts).
 */
export const activityHooks = {
  /** Whether a posting from this source counts as activity (and so needs the summary item read). */
  counts: (source: { kind: string }) => ACTIVITY_SOURCES.has(source.kind),
  /** Any posting: counts when it is a business transaction, on its business date. `summary`: the summary item as read. */
  /** `equityBalances`: the month balance items of the equity savings accounts the entry credits (for equity collected). */
  posted(db: Db, tx: Transaction, coopId: string, source: { kind: string; unitId?: string | undefined }, date: string, summary: Record<string, unknown> | undefined, equityBalances: readonly { account: string; key: Key }[] = []) {
    if (!ACTIVITY_SOURCES.has(source.kind)) return;
    const segment = source.kind === 'UNIT' && source.unitId ? source.unitId : SAVINGS_SEGMENT;
    activityInTransaction(tx, coopId, summary, segment, date, RETRY_TAG);
    if (source.kind === 'EQUITY_PAYMENT' && equityBalances.length) {
      tx.afterCommit(summaryAfterCommit(() => recordEquityCollected(db, coopId, periodOf(date), equityBalances)));
    }
  },
  memberRegistered(db: Db, tx: Transaction, coopId: string, memberNumber: number) {
    tx.afterCommit(summaryAfterCommit(() => recordMemberNumber(db, coopId, memberNumber)));
  },
  memberLeft(db: Db, tx: Transaction, coopId: string, memberId: string) {
    tx.afterCommit(summaryAfterCommit(() => recordMemberLeft(db, coopId, memberId)));
  },
  unitSwitched(db: Db, tx: Transaction, coopId: string, unitId: string, enabled: boolean, version: number) {
    tx.afterCommit(summaryAfterCommit(() => recordUnitSwitch(db, coopId, unitId, enabled, version)));
  },
  ratHeld(db: Db, tx: Transaction, coopId: string, date: string) {
    tx.afterCommit(summaryAfterCommit(() => recordRatHeld(db, coopId, date)));
  },
  yearClosed(db: Db, tx: Transaction, coopId: string, year: number) {
    tx.afterCommit(summaryAfterCommit(() => recordYearClosed(db, coopId, year)));
  },
};
