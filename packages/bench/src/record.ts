import { logCalls, type CallLog, type Db } from '@kkmp/store';

/** One DynamoDB command as the API sent it (marshalled input), and when. */
export interface RecordedCall {
  command: string;
  input: Record<string, any>;
  start: number;
  end: number;
}

/** A request's DynamoDB work: its calls grouped into waves (calls that overlapped in time went out together). */
export interface Recording {
  log: CallLog;
  waves: RecordedCall[][];
}

/**
 * Runs `work` (one request, alone) and records what it asked of DynamoDB: logCalls (SDK middleware at the
 * initialize step) for the calls by operation and the sequential round trips, and a second middleware at
 * the build step, where the document client has marshalled the input (and SDK retries have not happened
 * yet), for the commands themselves, so the floor can send exactly them again with the SDK alone.
 */
export async function recordRequest<T>(db: Db, work: () => Promise<T>): Promise<{ result: T; recording: Recording }> {
  const calls: RecordedCall[] = [];
  const name = `kkmpBenchRecorder-${Math.random().toString(36).slice(2)}`;
  db.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const call: RecordedCall = {
        command: (context.commandName ?? 'unknown').replace(/Command$/, ''),
        input: structuredClone(args.input as Record<string, any>),
        start: performance.now(),
        end: Infinity,
      };
      calls.push(call);
      try {
        return await next(args);
      } finally {
        call.end = performance.now();
      }
    },
    { step: 'build', name },
  );
  try {
    const { result, log } = await logCalls(db, work);
    return { result, recording: { log, waves: toWaves(calls) } };
  } finally {
    db.raw.middlewareStack.remove(name);
  }
}

/** Groups calls into waves the way countRoundTrips counts them: a call that starts after every earlier one ended opens a wave. */
export function toWaves(calls: readonly RecordedCall[]): RecordedCall[][] {
  const waves: RecordedCall[][] = [];
  let waveEnd = -Infinity;
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    if (c.start >= waveEnd || waves.length === 0) waves.push([]);
    waves[waves.length - 1]!.push(c);
    waveEnd = Math.max(waveEnd, c.end);
  }
  return waves;
}

/** "2 BatchGetItem, 1 Query" from calls by operation. */
export function describeCalls(byCommand: Record<string, number>): string {
  const parts = Object.entries(byCommand)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([op, n]) => `${n} ${op}`);
  return parts.length ? parts.join(', ') : '0';
}
