import type { Db } from '@kkmp/store';
/** Prints each DynamoDB call (start-end ms, command, keys) while `work` runs, to see a path's read waves: `TRACE=1 vitest run test/perf`. */
export async function trace<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const name = `trace-${Math.random()}`;
  const t0 = performance.now();
  db.raw.middlewareStack.add((next, context) => async (args: any) => {
    const start = performance.now() - t0;
    const r = await next(args);
    const i = args.input;
    const keys = JSON.stringify(i.Key ?? i.RequestItems ?? (i.KeyConditionExpression ? i.ExpressionAttributeValues : undefined) ?? i.TransactItems?.length).slice(0, 300);
    console.log(`TRACE ${start.toFixed(0)}-${(performance.now() - t0).toFixed(0)} ${context.commandName} ${keys}`);
    return r;
  }, { step: 'initialize', name });
  try { return await work(); } finally { db.raw.middlewareStack.remove(name); }
}
