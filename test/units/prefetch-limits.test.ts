import { encodeId } from '@kkmp/plugin-sdk';
import { logCalls } from '@kkmp/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';

/**
 * A unit mutation's prefetch starts before the gate (its reads join the gate's first BatchGetItem), and a
 * sale's hook sees the raw input: the 80-line cap is the sale's own check, later. Lines come in variables,
 * which the document limits do not count, so only the 4 MiB body bounds them. The prefetch must cost an
 * outsider nothing (no token, another cooperative's manager), and anyone at most PREFETCH_LIMITS (three
 * BatchGetItems) for an absurd input the sale then refuses.
 */
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let other: Awaited<ReturnType<typeof cityWithCoop>>;
beforeAll(async () => {
  api = await startTestApi();
  f = await cityWithCoop(api, 'Kota Banjir');
  other = await cityWithCoop(api, 'Kota Seberang');
});
afterAll(() => api?.close());

const SELL = `mutation($input: LpgSellInput!) { lpgSell(input: $input) { __typename ... on Error { code } } }`;
const flood = (n: number) => ({
  idempotencyKey: `flood-${n}-${Math.random().toString(36).slice(2, 10)}`,
  cooperativeId: f.coopId,
  paymentMethod: 'CASH',
  lines: Array.from({ length: n }, (_, i) => ({ productId: encodeId('LpgProduct', `p${i}`), quantity: 1 })),
});

describe('a unit prefetch is bounded', () => {
  it('an anonymous caller costs no reads per line of a sale it may not make', async () => {
    const { result, log } = await logCalls(api.db, () => api.gql(SELL, { input: flood(5000) }));
    expect(JSON.stringify(result)).toMatch(/UNAUTHENTICATED/);
    expect(log.byCommand.BatchGetItem ?? 0).toBeLessThanOrEqual(1);
  });

  it("another cooperative's manager costs no reads per line either", async () => {
    const { result, log } = await logCalls(api.db, () => api.gql(SELL, { input: flood(5000) }, other.manager));
    expect(JSON.stringify(result)).toMatch(/FORBIDDEN/);
    expect(log.byCommand.BatchGetItem ?? 0).toBeLessThanOrEqual(2);
  });

  it("the cooperative's own manager: at most three BatchGetItems of reads ahead, whatever the number of lines", async () => {
    const { result, log } = await logCalls(api.db, () => api.gql(SELL, { input: flood(5000) }, f.manager));
    // Refused (the unit is not on here; with it on, the sale's 80-line cap refuses), having read at most
    // the gate's items and 250 named keys.
    expect(JSON.stringify(result)).toMatch(/UNIT_NOT_ENABLED|VALIDATION/);
    expect(log.byCommand.BatchGetItem ?? 0).toBeLessThanOrEqual(4);
  });
});
