import type { Db } from '@kkmp/store';

/** A key as `pk-suffix|sk` (the cooperative's id dropped): short enough to read a wave at a glance. */
const short = (k: { pk?: unknown; sk?: unknown }) => `${String(k.pk).replace(/^COOP#[0-9A-Z]+/, '')}|${String(k.sk)}`;

function keysOf(i: any): string {
  if (i.RequestItems) return Object.values(i.RequestItems as Record<string, { Keys: { pk: unknown; sk: unknown }[] }>).flatMap((r) => r.Keys.map(short)).join(' ');
  if (i.Key) return short(i.Key);
  if (i.KeyConditionExpression) return JSON.stringify(i.ExpressionAttributeValues);
  return String(i.TransactItems?.length ?? '');
}

/** Prints each DynamoDB call (start-end ms, command, keys) while `work` runs, to see a path's read waves: `TRACE=1 vitest run test/perf`. */
export async function trace<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const name = `trace-${Math.random()}`;
  const t0 = performance.now();
  db.raw.middlewareStack.add((next, context) => async (args: any) => {
    const start = performance.now() - t0;
    const r = await next(args);
    console.log(`TRACE ${start.toFixed(0)}-${(performance.now() - t0).toFixed(0)} ${context.commandName} ${keysOf(args.input)}`);
    return r;
  }, { step: 'initialize', name });
  try { return await work(); } finally { db.raw.middlewareStack.remove(name); }
}
