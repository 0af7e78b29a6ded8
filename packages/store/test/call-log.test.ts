import { GetCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { countRoundTrips, logCalls } from '../src/call-log';
import type { Db } from '../src/index';
import { freshDb } from './helpers';

describe('logCalls', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDb();
  });

  const get = () => db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk: 'X', sk: 'Y' } }));

  it('counts parallel calls as one round trip and dependent calls as one each, by command', async () => {
    const { log } = await logCalls(db, async () => {
      await Promise.all([get(), get(), get()]);
      await get();
    });
    expect(log).toEqual({ byCommand: { GetItem: 4 }, total: 4, roundTrips: 2 });
  });

  it('stops recording when the work ends', async () => {
    const { log } = await logCalls(db, async () => undefined);
    await get();
    expect(log.total).toBe(0);
  });
});

describe('countRoundTrips', () => {
  it('is at least 1 per non-overlapping call and never more than the calls', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1000), fc.nat(100)), { maxLength: 30 }), (raw) => {
        const spans = raw.map(([start, len]) => ({ start, end: start + len + 1 }));
        const trips = countRoundTrips(spans);
        expect(trips).toBeLessThanOrEqual(spans.length);
        expect(trips >= 1).toBe(spans.length > 0);
        const chain = spans.map((_, i) => ({ start: i * 10, end: i * 10 + 5 }));
        expect(countRoundTrips(chain)).toBe(chain.length);
      }),
    );
  });
});
