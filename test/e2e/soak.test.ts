import { seededRandom } from '@kkmp/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { LOAD_DAY, LOAD_NOW, loadCooperative, randomOp, send, snapshot, violations, type Final, type LoadCoop, type LoadOp, type Snapshot } from '../support/load';

/**
 * Soak: a bounded mixed load on loopback. Several cooperatives, each with cashiers (sembako, LPG, pupuk,
 * airminum counters) and tellers (savings, loan repayments) working at once for a while. Every answer
 * must be a success or a typed business refusal (no INTERNAL, no 5xx, no dropped connection, no retry
 * needed), and afterwards each cooperative's books reconcile with the successes.
 *
 * The suite runs a short one; `npm run soak` runs a minute (SOAK_SECONDS, SOAK_COOPS, SOAK_DESKS).
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 20);
const COOPS = Number(process.env.SOAK_COOPS ?? 2);
const DESKS = Number(process.env.SOAK_DESKS ?? 3); // cashiers and as many tellers per cooperative
const SEED = Number(process.env.SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31));

let api: TestApi;
let coops: LoadCoop[] = [];

beforeAll(async () => {
  api = await startTestApi({ now: LOAD_NOW });
  coops = await Promise.all(Array.from({ length: COOPS }, (_, i) => loadCooperative(api, `Kota Beban ${i + 1}`)));
}, 600_000);
afterAll(() => api?.close());

describe('soak', () => {
  it(`${COOPS} cooperatives x ${DESKS} cashiers and ${DESKS} tellers for ${SECONDS} s: only typed business refusals, and the books reconcile`, async () => {
    const before = new Map<LoadCoop, Snapshot>();
    for (const c of coops) before.set(c, await snapshot(api, c, LOAD_DAY));
    const random = seededRandom(SEED);
    const done: { op: LoadOp; key: string; final: Final; attempts: number }[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    let n = 0;
    const started = performance.now();
    const desk = async (coop: LoadCoop, kind: 'cashier' | 'teller') => {
      while (performance.now() < deadline) {
        const key = `soak-${SEED}-${n++}`;
        const op = randomOp(coop, random, key, kind);
        // One attempt: without faults, nothing may need a retry.
        const { final, attempts } = await send(api, op, 1);
        done.push({ op, key, final, attempts });
      }
    };
    await Promise.all(coops.flatMap((c) => Array.from({ length: DESKS }, () => [desk(c, 'cashier'), desk(c, 'teller')]).flat()));
    const seconds = (performance.now() - started) / 1000;
    const unexpected = done.filter((d) => d.final.kind === 'unknown' || (d.final.kind === 'refused' && !['BUSINESS_RULE', 'INVALID_STATE'].includes(d.final.code)));
    const found: string[] = [];
    for (const c of coops) found.push(...(await violations(api, c, before.get(c)!, await snapshot(api, c, LOAD_DAY), done)));
    const refused = done.filter((d) => d.final.kind === 'refused').length;
    console.log(
      `soak: ${done.length} operations in ${seconds.toFixed(1)} s (${(done.length / seconds).toFixed(1)}/s; ${COOPS} cooperatives, ${COOPS * DESKS * 2} desks, seed ${SEED}; ` +
        `${done.length - refused - unexpected.length} succeeded, ${refused} typed business refusals), ${unexpected.length} unexpected errors, ` +
        `${found.length ? `${found.length} reconciliation failures` : 'books reconcile'}`,
    );
    expect(unexpected.map((d) => `${d.op.field}: ${JSON.stringify(d.final)}`)).toEqual([]);
    expect(found).toEqual([]);
    expect(done.length).toBeGreaterThan(COOPS * DESKS * 2);
  }, 900_000);
});
