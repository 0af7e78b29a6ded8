import type { Db } from './client';

/** What one piece of work asked of DynamoDB: calls by command, and how many of them had to wait for another. */
export interface CallLog {
  /** Calls by DynamoDB operation (GetItem, BatchGetItem, TransactWriteItems, ...). */
  byCommand: Record<string, number>;
  total: number;
  /**
   * Sequential round trips: calls that overlap in time count once, so a read wave of three parallel calls is
   * one round trip and a read, then a write, is two. Meaningful for one request at a time (under concurrent
   * load, other requests' calls overlap too).
   */
  roundTrips: number;
}

interface Span {
  command: string;
  start: number;
  end: number;
}

/** Groups spans into waves of overlapping calls; each wave is one round trip. */
export function countRoundTrips(spans: readonly { start: number; end: number }[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let trips = 0;
  let waveEnd = -Infinity;
  for (const s of sorted) {
    if (s.start >= waveEnd) trips += 1;
    waveEnd = Math.max(waveEnd, s.end);
  }
  return trips;
}

/**
 * Records every DynamoDB call sent through `db` while `work` runs (SDK middleware on the real client, at the
 * `initialize` step, so SDK retries of one command count once). For tests that pin a request path's cost
 * and for the benchmark.
 */
export async function logCalls<T>(db: Db, work: () => Promise<T>): Promise<{ result: T; log: CallLog }> {
  const spans: Span[] = [];
  const name = `kkmpCallLog-${Math.random().toString(36).slice(2)}`;
  db.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const span: Span = { command: (context.commandName ?? 'unknown').replace(/Command$/, ''), start: performance.now(), end: Infinity };
      spans.push(span);
      try {
        return await next(args);
      } finally {
        span.end = performance.now();
      }
    },
    { step: 'initialize', name },
  );
  try {
    const result = await work();
    return { result, log: summarize(spans) };
  } finally {
    db.raw.middlewareStack.remove(name);
  }
}

function summarize(spans: readonly Span[]): CallLog {
  const byCommand: Record<string, number> = {};
  for (const s of spans) byCommand[s.command] = (byCommand[s.command] ?? 0) + 1;
  return { byCommand, total: spans.length, roundTrips: countRoundTrips(spans) };
}
