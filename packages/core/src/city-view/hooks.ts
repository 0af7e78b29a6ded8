import type { Db, Key, Transaction } from '@kkmp/store';
import { periodOf } from '../time';
import {
  ACTIVITY_SOURCES,
  SAVINGS_SEGMENT,
  recordActivity,
  recordEquityCollected,
  recordMemberLeft,
  recordMemberNumber,
  recordRatHeld,
  recordUnitSwitch,
  recordYearClosed,
  summaryAfterCommit,
} from './summary';

/**
 * Hooks the core's write paths call to keep a cooperative's summary current. Each only registers work to
 * run once the transaction has committed (see summary.ts): nothing here adds an action to the business
 * transaction itself.
 */
export const activityHooks = {
  /** Any posting: counts when it is a business transaction, on its business date. */
  /** `equityBalances`: the month balance items of the equity savings accounts the entry credits (for equity collected). */
  posted(db: Db, tx: Transaction, coopId: string, source: { kind: string; unitId?: string | undefined }, date: string, equityBalances: readonly { account: string; key: Key }[] = []) {
    if (!ACTIVITY_SOURCES.has(source.kind)) return;
    const segment = source.kind === 'UNIT' && source.unitId ? source.unitId : SAVINGS_SEGMENT;
    tx.afterCommit(summaryAfterCommit(() => recordActivity(db, coopId, segment, date)));
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
