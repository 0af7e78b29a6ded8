import { injectFaults, seededRandom, type FaultInjector, type FaultKind } from '@kkmp/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { LOAD_DAY, LOAD_NOW, loadCooperative, randomOp, send, snapshot, violations, type Final, type LoadCoop, type LoadOp } from '../support/load';

/**
 * Fault injection on the real client (DynamoDB Local underneath): throttling, timeouts before and after
 * the request reached DynamoDB, connection resets and cancelled transactions, at random calls, both
 * where our code sees them and inside the SDK's own retries. Thousands of mixed mutations go through
 * the API; a client whose answer was not a typed one sends the same mutation again with the same
 * idempotency key. Afterwards, without faults, the books must hold: balanced, nothing negative, and
 * every mutation applied exactly once if its final answer was a success, not at all otherwise.
 *
 * FAULT_OPS (default 1000; `npm run faults` runs 3000), FAULT_RATE (per call, default 0.03) and FAULT_SEED reproduce or extend a run.
 */
const OPS = Number(process.env.FAULT_OPS ?? 1000);
const RATE = Number(process.env.FAULT_RATE ?? 0.03);
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const WORKERS = 6;

let api: TestApi;
let coop: LoadCoop;
let faults: FaultInjector;

beforeAll(async () => {
  api = await startTestApi({
    now: LOAD_NOW,
    wrapDb: (db) => {
      faults = injectFaults(db, { seed: SEED, rate: RATE });
      return db;
    },
  });
  coop = await loadCooperative(api, 'Kota Gangguan');
}, 240_000);
afterAll(() => api?.close());

describe('faults injected into DynamoDB calls', () => {
  it('a retry with the same key after the reply to an applied write was lost answers the first result and applies nothing twice', async () => {
    const before = await snapshot(api, coop, LOAD_DAY);
    const cases: [LoadOp, FaultKind][] = [
      [randomOp(coop, () => 0.1, 'lost-reply-sale'), 'timeout-after'],
      [randomOp(coop, () => 0.75, 'lost-reply-deposit'), 'reset-after'],
      [randomOp(coop, () => 0.3, 'lost-reply-lpg'), 'timeout-after'],
    ];
    const done: { op: LoadOp; key: string; final: Final }[] = [];
    for (const [op, kind] of cases) {
      faults.failNext('TransactWriteItems', kind);
      const first = await send(api, op, 1);
      expect(first.final, `${op.field}: the client saw the fault, not an answer`).toMatchObject({ kind: 'unknown' });
      const retry = await send(api, op, 1);
      const again = await send(api, op, 1);
      expect(retry.final.kind, `${op.field} retried`).toBe('success');
      expect(again.final, `${op.field}: a second retry answers the same`).toEqual(retry.final);
      done.push({ op, key: String(op.input.idempotencyKey), final: retry.final });
    }
    expect(await violations(api, coop, before, await snapshot(api, coop, LOAD_DAY), done)).toEqual([]);
  }, 120_000);

  it(`${OPS} mixed mutations under injected faults leave the books whole, each applied once iff it answered success`, async () => {
    const before = await snapshot(api, coop, LOAD_DAY);
    const random = seededRandom(SEED);
    const plan = Array.from({ length: OPS }, (_, i) => ({ key: `fault-${SEED}-${i}`, op: randomOp(coop, random, `fault-${SEED}-${i}`) }));
    const done: { op: LoadOp; key: string; final: Final; attempts: number }[] = [];
    let next = 0;
    faults.enable(true);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < plan.length) {
          const { key, op } = plan[next++]!;
          const { final, attempts } = await send(api, op);
          done.push({ op, key, final, attempts });
        }
      }),
    );
    faults.enable(false);
    const seconds = (performance.now() - started) / 1000;
    const after = await snapshot(api, coop, LOAD_DAY);
    const found = await violations(api, coop, before, after, done);
    const retried = done.filter((d) => d.attempts > 1).length;
    const succeeded = done.filter((d) => d.final.kind === 'success').length;
    const refused = done.filter((d) => d.final.kind === 'refused');
    const unknown = done.filter((d) => d.final.kind === 'unknown');
    const kinds = [...faults.injected.entries()].sort().map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(
      `faults: seed ${SEED}, ${done.length} mutations in ${seconds.toFixed(1)} s (${succeeded} succeeded, ${refused.length} refused by business rules, ${retried} retried), ` +
        `${faults.total()} faults injected (${kinds}), ${found.length + unknown.length} invariant violations`,
    );
    const codes = new Set(refused.map((d) => (d.final as { code: string }).code));
    expect(unknown.map((d) => `${d.op.field} ${d.key}: ${(d.final as { last: string }).last}`), 'every mutation reached a definite answer').toEqual([]);
    expect(found).toEqual([]);
    // Refusals are the business's own (out of stock, over a quota, below a minimum balance), not faults.
    expect([...codes].filter((c) => !['BUSINESS_RULE', 'INVALID_STATE'].includes(c))).toEqual([]);
    expect(faults.total(), 'faults were injected').toBeGreaterThan(OPS / 10);
    expect(retried, 'some mutations were retried after a fault').toBeGreaterThan(0);
    expect(succeeded, 'most of the load went through').toBeGreaterThan(OPS / 3);
  }, 600_000);
});
