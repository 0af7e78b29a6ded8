import { sk, type Transaction } from '@kkmp/store';
import type { Chart } from './accounts';
import { NO_SEGMENT, ledgerPartition } from './keys';

/**
 * A cooperative's running position totals, one small item in its ledger partition, so a page of
 * cooperatives answers "total assets, total equity" by key instead of querying each one's balance items.
 * Every posting ADDs its net per segment and class in its own transaction (postEntry): the item is exact
 * from the moment it is marked `complete` (a new cooperative's item is created complete; older ones by
 * the backfill, see position-backfill.ts). The totals are in each class's normal direction, so a contra
 * account (accumulated depreciation) simply lowers its class, as the statement's totals do.
 *
 * Attributes: `<class>|<segment>` with class ca / nca (current / non-current assets), cl / ncl
 * (liabilities), eq (equity accounts as posted) and s<YYYY> (revenue less expenses of a financial year,
 * so SHU tahun berjalan and SHU belum dibagi split as the statement does); `n` counts postings (the
 * backfill's optimistic check); `complete` says the totals hold every posting.
 */
export const positionKey = (coopId: string) => ({ pk: ledgerPartition(coopId), sk: sk('POSITION') });

/** Class of an account in the position totals, and the sign that turns debit - credit into its normal direction. */
function classOf(chart: Chart, account: string, year: string): { cls: string; sign: 1 | -1 } | undefined {
  const acc = chart.get(account);
  if (!acc) return undefined;
  const current = acc.current !== false;
  switch (acc.kind) {
    case 'ASSET':
      return { cls: current ? 'ca' : 'nca', sign: 1 };
    case 'LIABILITY':
      return { cls: current ? 'cl' : 'ncl', sign: -1 };
    case 'EQUITY':
      return { cls: 'eq', sign: -1 };
    default:
      return { cls: `s${year}`, sign: -1 };
  }
}

/** The totals' changes of some debits and credits (a posting's lines, or balance items), zeros dropped. */
export function positionDeltas(chart: Chart, moves: Iterable<{ account: string; segment: string; date: string; debit: number; credit: number }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of moves) {
    const c = classOf(chart, m.account, m.date.slice(0, 4));
    if (!c) continue;
    const attr = `${c.cls}|${m.segment}`;
    out.set(attr, (out.get(attr) ?? 0) + c.sign * (m.debit - m.credit));
  }
  for (const [k, v] of out) if (v === 0) out.delete(k);
  return out;
}

/** A posting's change to the totals, as one action of its transaction (counts the posting even when nothing nets). */
export function addPosition(tx: Transaction, chart: Chart, coopId: string, date: string, lines: readonly { account: string; unitId?: string | undefined; debit: number; credit: number }[]): void {
  const deltas = positionDeltas(chart, lines.map((l) => ({ account: l.account, segment: l.unitId ?? NO_SEGMENT, date, debit: l.debit, credit: l.credit })));
  const names: Record<string, string> = { '#n': 'n' };
  const values: Record<string, number> = { ':one': 1 };
  const parts = ['#n :one'];
  [...deltas].forEach(([attr, v], i) => {
    names[`#p${i}`] = attr;
    values[`:p${i}`] = v;
    parts.push(`#p${i} :p${i}`);
  });
  tx.update(positionKey(coopId), { expression: `ADD ${parts.join(', ')}`, names, values });
}

/** The item of a cooperative with no postings yet: complete from the start. */
export function emptyPositionItem(coopId: string) {
  return { ...positionKey(coopId), type: 'LedgerPosition', coopId, complete: true, n: 0 };
}

export interface PositionTotals {
  currentAssets: number;
  nonCurrentAssets: number;
  currentLiabilities: number;
  nonCurrentLiabilities: number;
  totalAssets: number;
  totalLiabilities: number;
  totalEquity: number;
  currentSurplus: number;
  balanced: boolean;
}

/**
 * The statement's totals from the item, for a date no posting can be after (today or later), for the
 * whole cooperative or one unit's segment. Undefined when the item is absent or not yet complete.
 */
export function totalsFromPosition(item: Record<string, unknown> | undefined, asOf: string, unitId?: string): PositionTotals | undefined {
  if (!item || item.complete !== true) return undefined;
  const sums = new Map<string, number>();
  let surplus = 0;
  for (const [attr, value] of Object.entries(item)) {
    const bar = attr.indexOf('|');
    if (bar < 0 || typeof value !== 'number') continue;
    if (unitId && attr.slice(bar + 1) !== unitId) continue;
    const cls = attr.slice(0, bar);
    sums.set(cls, (sums.get(cls) ?? 0) + value);
    if (cls.startsWith('s')) surplus += value;
  }
  const get = (cls: string) => sums.get(cls) ?? 0;
  const totalAssets = get('ca') + get('nca');
  const totalLiabilities = get('cl') + get('ncl');
  // SHU tahun berjalan plus SHU belum dibagi: every year's surplus, on top of the equity accounts as posted.
  const totalEquity = get('eq') + surplus;
  return {
    currentAssets: get('ca'),
    nonCurrentAssets: get('nca'),
    currentLiabilities: get('cl'),
    nonCurrentLiabilities: get('ncl'),
    totalAssets,
    totalLiabilities,
    totalEquity,
    currentSurplus: get(`s${asOf.slice(0, 4)}`),
    balanced: totalAssets === totalLiabilities + totalEquity,
  };
}
