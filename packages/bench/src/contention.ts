import { randomUUID } from 'node:crypto';
import { installedUnits } from '@kkmp/api';
import type { BenchApi } from './env';
import { runRound } from './load';
import { rawIds } from './seed/client';
import type { Fixture } from './seed';

/** What several cashiers of one cooperative selling at once cost in transaction conflicts. */
export interface ContentionResult {
  cashiers: number;
  seconds: number;
  sales: number;
  failedSales: number;
  salesPerSec: number;
  /** TransactWriteItems calls the API sent (every attempt of the store's retry loop counts). */
  transactions: number;
  /** Of those, cancelled by DynamoDB; by reason code. */
  cancelled: number;
  reasons: Record<string, number>;
  /** Cancelled / sent: the share of transaction attempts that had to be retried or failed. */
  conflictRate: number;
  /** Transaction attempts per successful sale (1.0 = no retry). */
  attemptsPerSale: number;
  /** The items named by a cancellation (ids masked), most often first. */
  hotItems: { item: string; conflicts: number }[];
  /**
   * Transactions that were in flight at the same time as another one writing a same item: what DynamoDB
   * itself cancels with TransactionConflict at that timing (DynamoDB Local does not reproduce it), and
   * the items every sale writes (ids masked) with the share of transactions writing each.
   */
  overlapping: number;
  overlapRate: number;
  sharedItems: { item: string; share: number }[];
  firstError?: string;
}

/**
 * N cashiers (each with a staff token of their own) of the main cooperative sell one sembako line each
 * at once, back to back, for `ms`. SDK middleware on the API's DynamoDB client counts every transaction
 * attempt and, for a cancelled one, which of its items DynamoDB named (the ledger's cash and revenue
 * balance items are the suspects: every posting of the cooperative adds to them).
 */
export async function contention(api: BenchApi, f: Fixture, cashiers: number, ms: number): Promise<ContentionResult> {
  const coopId = rawIds(f.cooperativeId)[0]!;
  const tokens = await Promise.all(
    Array.from({ length: cashiers }, (_, i) => api.token({ userId: `bench-kasir-${i + 1}`, name: `Kasir ${i + 1}`, role: 'COOP_STAFF', coopId, units: installedUnits.map((u) => u.id) })),
  );
  const stats = { transactions: 0, cancelled: 0, reasons: {} as Record<string, number>, items: new Map<string, number>() };
  const spans: { start: number; end: number; keys: string[] }[] = [];
  const name = `kkmpBenchContention-${Math.random().toString(36).slice(2)}`;
  api.db.raw.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      stats.transactions += 1;
      const items = ((args.input as any).TransactItems ?? []) as any[];
      const span = { start: performance.now(), end: Infinity, keys: items.filter((it) => !it.ConditionCheck).map(itemKey) };
      spans.push(span);
      try {
        return await next(args);
      } catch (err: any) {
        if (err?.name === 'TransactionCanceledException') {
          stats.cancelled += 1;
          const items = ((args.input as any).TransactItems ?? []) as any[];
          (err.CancellationReasons ?? []).forEach((r: { Code?: string }, i: number) => {
            if (!r.Code || r.Code === 'None') return;
            stats.reasons[r.Code] = (stats.reasons[r.Code] ?? 0) + 1;
            const label = itemLabel(items[i]);
            stats.items.set(label, (stats.items.get(label) ?? 0) + 1);
          });
        }
        throw err;
      } finally {
        span.end = performance.now();
      }
    },
    { step: 'initialize', name },
  );
  let next = 0;
  const send = async () => {
    const token = tokens[next++ % tokens.length]!;
    const line = f.sembakoLines[next % f.sembakoLines.length]!;
    const body = JSON.stringify({
      query: `mutation($input: SembakoSellInput!) { sembakoSell(input: $input) { __typename ... on Error { code messageEn } } }`,
      variables: { input: { cooperativeId: f.cooperativeId, idempotencyKey: randomUUID(), paymentMethod: 'CASH', lines: [{ productId: line.productId, quantity: 1 }] } },
    });
    const res = await api.http.post(body, { authorization: `Bearer ${token}` });
    return res.status === 200 && res.body.includes('SembakoSellSuccess') ? true : res.body.slice(0, 300);
  };
  try {
    const round = await runRound(send, cashiers, ms);
    const sales = round.requests - round.errors;
    const overlap = overlaps(spans);
    return {
      cashiers,
      seconds: ms / 1000,
      sales,
      failedSales: round.errors,
      salesPerSec: sales / (ms / 1000),
      transactions: stats.transactions,
      cancelled: stats.cancelled,
      reasons: stats.reasons,
      conflictRate: stats.transactions ? stats.cancelled / stats.transactions : 0,
      attemptsPerSale: sales ? stats.transactions / sales : 0,
      hotItems: [...stats.items.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([item, conflicts]) => ({ item, conflicts })),
      overlapping: overlap.count,
      overlapRate: spans.length ? overlap.count / spans.length : 0,
      sharedItems: overlap.shared,
      ...(round.firstError ? { firstError: round.firstError } : {}),
    };
  } finally {
    api.db.raw.middlewareStack.remove(name);
  }
}

/** "pk / sk" of a transaction item. */
function itemKey(item: any): string {
  const body = item && (Object.values(item)[0] as any);
  const key = body?.Key ?? body?.Item ?? {};
  const text = (v: any) => (typeof v === 'string' ? v : (v?.S ?? '?'));
  return `${text(key.pk)} / ${text(key.sk)}`;
}

/** The same with its ids masked (the shape of the item, not whose it is). */
function itemLabel(item: any): string {
  return mask(itemKey(item));
}

function mask(key: string): string {
  return key.replace(/[0-9A-HJKMNP-TV-Z]{26}/g, '<id>');
}

/** Transactions overlapping in time with another on a same item; items written by at least half of them. */
function overlaps(spans: { start: number; end: number; keys: string[] }[]): { count: number; shared: { item: string; share: number }[] } {
  let count = 0;
  for (const a of spans) {
    const keys = new Set(a.keys);
    if (spans.some((b) => b !== a && b.start < a.end && a.start < b.end && b.keys.some((k) => keys.has(k)))) count += 1;
  }
  const writers = new Map<string, number>();
  for (const s of spans) for (const k of new Set(s.keys)) writers.set(k, (writers.get(k) ?? 0) + 1);
  const shared = [...writers.entries()]
    .filter(([, n]) => spans.length > 1 && n >= spans.length / 2)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => ({ item: mask(k), share: n / spans.length }));
  return { count, shared };
}

export function contentionText(c: ContentionResult): string {
  const reasons = Object.entries(c.reasons).map(([k, v]) => `${v} ${k}`).join(', ') || 'none';
  return [
    `${c.cashiers} cashiers of one cooperative, ${c.seconds} s: ${c.sales} sales (${c.salesPerSec.toFixed(0)}/s), ${c.failedSales} failed`,
    `transactions sent ${c.transactions}, cancelled ${c.cancelled} (conflict rate ${(c.conflictRate * 100).toFixed(1)}%; reasons: ${reasons}); ${c.attemptsPerSale.toFixed(2)} attempts per sale`,
    ...c.hotItems.map((h) => `  ${String(h.conflicts).padStart(5)}  ${h.item}`),
    `in flight together with another transaction writing a same item: ${c.overlapping} of ${c.transactions} (${(c.overlapRate * 100).toFixed(1)}%: what DynamoDB cancels with TransactionConflict; DynamoDB Local does not)`,
    `${c.sharedItems.length} items written by at least half of the sales (each a hot key of the cooperative; all in the JSON):`,
    ...c.sharedItems.slice(0, 4).map((h) => `  ${(h.share * 100).toFixed(0).padStart(4)}%  ${h.item}`),
    ...(c.sharedItems.length > 4 ? [`        ... and ${c.sharedItems.length - 4} more`] : []),
    ...(c.firstError ? [`first failure: ${c.firstError}`] : []),
  ].join('\n');
}
