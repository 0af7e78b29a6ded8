import { batchGet, updateOne, type Db, type Key, type Transaction } from '@kkmp/store';
import { summaryKey } from './keys';

/**
 * What the city needs of a cooperative, kept in one item of the cooperative's own partition so a page of
 * cooperatives reads one item each, by key. Writes are safe to repeat and to reorder: dates only move
 * forward (a conditional SET), sets only grow (ADD of a set element), versions only rise. Activity dates
 * are raised inside the business transaction that posts (see activityInTransaction), but only when the
 * item as read is behind: the day's first event of a segment, so a busy counter (a hundred sales at once)
 * touches it once a day; everything else is written after the commit.
 */
export interface CoopSummary {
  /** Latest business date on which any counted business event was recorded. */
  lastActivityDate?: string;
  /** Latest business date per segment: a unit id, or SAVINGS for equity payments. */
  lastActivityBySegment: Record<string, string>;
  /** Highest member number issued (members ever registered; a rare failed registration leaves a gap). */
  membersRegistered: number;
  /** Members who left (resigned or died), by id. */
  membersLeft: number;
  /** Units as last switched: enabled or not. */
  units: Record<string, boolean>;
  lastRatDate?: string;
  closedYears: number[];
  /** Simpanan pokok and wajib paid in, ever (refunds not deducted): the sum of the monthly copies below. */
  equityCollected: number;
}

/** Equity payments count as savings activity; they are not a unit. */
export const SAVINGS_SEGMENT = 'SAVINGS';
/** Journal sources that are business transactions (sales, purchases, savings, loans); manual entries, reversals and year-end work are not. */
export const ACTIVITY_SOURCES = new Set(['UNIT', 'EQUITY_PAYMENT']);

const ACT = 'act_';
const UNIT = 'unit_';
/** eqc_<account>_<YYYY-MM>: the month's credits to an equity account, copied from its balance item. */
const EQUITY = 'eqc_';

export function parseSummary(item: Record<string, unknown> | undefined): CoopSummary {
  const s: CoopSummary = { lastActivityBySegment: {}, membersRegistered: 0, membersLeft: 0, units: {}, closedYears: [], equityCollected: 0 };
  if (!item) return s;
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(ACT) && typeof value === 'string') s.lastActivityBySegment[name.slice(ACT.length)] = value;
    if (name.startsWith(EQUITY) && typeof value === 'number') s.equityCollected += value;
    if (name.startsWith(UNIT) && value && typeof value === 'object') s.units[name.slice(UNIT.length)] = (value as { enabled?: unknown }).enabled === true;
  }
  if (typeof item.lastActivityDate === 'string') s.lastActivityDate = item.lastActivityDate;
  if (typeof item.lastRatDate === 'string') s.lastRatDate = item.lastRatDate;
  if (typeof item.membersRegistered === 'number') s.membersRegistered = item.membersRegistered;
  if (item.membersLeft instanceof Set) s.membersLeft = item.membersLeft.size;
  if (item.closedYears instanceof Set) s.closedYears = [...(item.closedYears as Set<number>)].map(Number).sort();
  return s;
}

const BASE_NAMES = { '#t': 'type', '#c': 'coopId' };
const base = (coopId: string) => ({ ':type': 'CoopSummary', ':coop': coopId });

/** SET attr = value where the stored value is absent or lower. False when the stored value was already as high. */
function raise(db: Db, coopId: string, attr: string, value: string | number): Promise<boolean> {
  return updateOne(db, summaryKey(coopId), {
    expression: 'SET #a = :v, #t = :type, #c = :coop',
    condition: 'attribute_not_exists(#a) OR #a < :v',
    names: { '#a': attr, ...BASE_NAMES },
    values: { ':v': value, ...base(coopId) },
  });
}

/** ADD one element to a set: repeating it changes nothing. */
async function addToSet(db: Db, coopId: string, attr: string, element: string | number): Promise<void> {
  await updateOne(db, summaryKey(coopId), {
    expression: 'ADD #a :e SET #t = :type, #c = :coop',
    names: { '#a': attr, ...BASE_NAMES },
    values: { ':e': new Set([element]), ...base(coopId) },
  });
}

/**
 * A business event on `date` in `segment`. The segment's date first: when it was already as late, the
 * cooperative's overall date (the latest of all segments) is too, and one call is all it costs.
 */
export async function recordActivity(db: Db, coopId: string, segment: string, date: string): Promise<void> {
  if (await raise(db, coopId, `${ACT}${segment}`, date)) await raise(db, coopId, 'lastActivityDate', date);
}

/**
 * The activity dates a posting raises, as actions of its own transaction (nothing in Lambda runs after the
 * response): nothing when the summary as read already shows the date. A concurrent raise makes the
 * condition fail, and the re-run (tag `retryTag`) reads the raised item and adds nothing.
 */
export function activityInTransaction(tx: Transaction, coopId: string, item: Record<string, unknown> | undefined, segment: string, date: string, retryTag: string): void {
  const behind = (attr: string) => !(typeof item?.[attr] === 'string' && (item[attr] as string) >= date);
  const attrs = [`${ACT}${segment}`, 'lastActivityDate'].filter(behind);
  if (attrs.length === 0) return;
  const names: Record<string, string> = { ...BASE_NAMES };
  attrs.forEach((a, i) => (names[`#a${i}`] = a));
  tx.update(
    summaryKey(coopId),
    {
      expression: `SET ${attrs.map((_, i) => `#a${i} = :v`).join(', ')}, #t = :type, #c = :coop`,
      names,
      values: { ':v': date, ...base(coopId) },
    },
    { expression: attrs.map((_, i) => `(attribute_not_exists(#a${i}) OR #a${i} < :v)`).join(' AND '), names: Object.fromEntries(attrs.map((a, i) => [`#a${i}`, a])), values: { ':v': date } },
    retryTag,
  );
}

/**
 * Equity paid in during a month, per account: the month balance item's credit column only grows (refunds
 * are debits), so copying it with "only raise" is safe to repeat and reorder, and exact once the last copy lands.
 */
export async function recordEquityCollected(db: Db, coopId: string, month: string, balances: readonly { account: string; key: Key }[]): Promise<void> {
  const items = await batchGet(db, balances.map((b) => b.key));
  for (const [i, { account }] of balances.entries()) {
    const credit = items[i]?.credit;
    if (typeof credit === 'number' && credit > 0) await raise(db, coopId, `${EQUITY}${account}_${month}`, credit);
  }
}

export const recordMemberNumber = (db: Db, coopId: string, memberNumber: number) => raise(db, coopId, 'membersRegistered', memberNumber).then(() => undefined);
export const recordMemberLeft = (db: Db, coopId: string, memberId: string) => addToSet(db, coopId, 'membersLeft', memberId);
export const recordRatHeld = (db: Db, coopId: string, date: string) => raise(db, coopId, 'lastRatDate', date).then(() => undefined);
export const recordYearClosed = (db: Db, coopId: string, year: number) => addToSet(db, coopId, 'closedYears', year);

/** A unit switched on or off; the unit record's version orders switches that arrive out of order. */
export async function recordUnitSwitch(db: Db, coopId: string, unitId: string, enabled: boolean, version: number): Promise<void> {
  await updateOne(db, summaryKey(coopId), {
    expression: 'SET #a = :u, #t = :type, #c = :coop',
    condition: 'attribute_not_exists(#a) OR #a.#v < :v',
    names: { '#a': `${UNIT}${unitId}`, '#v': 'version', ...BASE_NAMES },
    values: { ':u': { enabled, version }, ':v': version, ...base(coopId) },
  });
}

/**
 * Runs summary work after a commit without failing the request that committed: the business record is
 * written; a lost summary update shows as older activity until the next event, never as a lost sale.
 */
export function summaryAfterCommit(work: () => Promise<void>): () => Promise<void> {
  return () =>
    work().catch((err) => {
      if (process.env.KKMP_LOG_ERRORS !== '0') console.error('activity summary update failed', err);
    });
}
