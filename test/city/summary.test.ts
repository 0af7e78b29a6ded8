import { RETRY_TAG, activityHooks, parseSummary, recordActivity, summaryKey } from '@kkmp/core';
import { ConditionFailed, Transaction, createDb, ensureTable, getItem, type Db } from '@kkmp/store';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';

// The summary item is written after commits, except the activity dates a posting raises in its own
// transaction when the item as read is behind: repeated, reordered and concurrent updates must all end in
// the same state.
let db: Db;
const item = (coopId: string) => getItem(db, summaryKey(coopId), z.record(z.string(), z.unknown()));
const read = async (coopId: string) => parseSummary(await item(coopId));

beforeAll(async () => {
  db = createDb({ tableName: `summary-${randomUUID()}`, endpoint: inject('dynamoDbEndpoint') });
  await ensureTable(db);
});

describe('the activity summary is safe to repeat and to reorder', () => {
  it('dates only move forward, whatever order the updates arrive in; each segment keeps its own', async () => {
    const dates = ['2026-03-05', '2026-03-01', '2026-03-09', '2026-03-09', '2026-02-27'];
    await Promise.all(dates.map((d, i) => recordActivity(db, 'c1', i % 2 ? 'lpg' : 'sembako', d)));
    await recordActivity(db, 'c1', 'sembako', '2026-03-05'); // a retry of an earlier one
    expect(await read('c1')).toMatchObject({ lastActivityDate: '2026-03-09', lastActivityBySegment: { sembako: '2026-03-09', lpg: '2026-03-09' } });
  });

  it('a hundred concurrent updates of one cooperative all succeed (no transaction, no conflict)', async () => {
    const days = Array.from({ length: 100 }, (_, i) => `2026-04-${String(1 + (i % 28)).padStart(2, '0')}`);
    await Promise.all(days.map((d) => recordActivity(db, 'c2', 'sembako', d)));
    expect((await read('c2')).lastActivityDate).toBe('2026-04-28');
  });

  it('unit switches follow the unit record version, not arrival order; set members are counted once', async () => {
    const run = async (register: (tx: Transaction) => void) => {
      const tx = new Transaction(db);
      register(tx);
      await tx.commit();
    };
    await run((tx) => activityHooks.unitSwitched(db, tx, 'c3', 'sembako', false, 3));
    await run((tx) => activityHooks.unitSwitched(db, tx, 'c3', 'sembako', true, 2)); // late arrival of an older switch
    await run((tx) => activityHooks.memberLeft(db, tx, 'c3', 'm1'));
    await run((tx) => activityHooks.memberLeft(db, tx, 'c3', 'm1'));
    await run((tx) => activityHooks.memberRegistered(db, tx, 'c3', 7));
    await run((tx) => activityHooks.memberRegistered(db, tx, 'c3', 5));
    await run((tx) => activityHooks.yearClosed(db, tx, 'c3', 2025));
    await run((tx) => activityHooks.yearClosed(db, tx, 'c3', 2025));
    expect(await read('c3')).toMatchObject({ units: { sembako: false }, membersLeft: 1, membersRegistered: 7, closedYears: [2025] });
  });

  it('manual entries, reversals and year-end work are no activity; unit postings and equity payments are', async () => {
    const post = async (kind: string, unitId?: string) => {
      const tx = new Transaction(db);
      activityHooks.posted(db, tx, 'c4', { kind, ...(unitId ? { unitId } : {}) }, '2026-05-02', await item('c4'));
      await tx.commit();
    };
    for (const kind of ['MANUAL', 'REVERSAL', 'SHU_DISTRIBUTION', 'EQUITY_REFUND']) await post(kind);
    expect((await read('c4')).lastActivityDate).toBeUndefined();
    await post('EQUITY_PAYMENT');
    await post('UNIT', 'simpanpinjam');
    expect(await read('c4')).toMatchObject({ lastActivityDate: '2026-05-02', lastActivityBySegment: { SAVINGS: '2026-05-02', simpanpinjam: '2026-05-02' } });
  });

  it('a posting raises the dates in its own transaction only when the summary as read is behind; a stale read re-runs', async () => {
    const posting = async (date: string, asRead: Record<string, unknown> | undefined) => {
      const tx = new Transaction(db);
      activityHooks.posted(db, tx, 'c5', { kind: 'UNIT', unitId: 'lpg' }, date, asRead);
      return tx;
    };
    const first = await posting('2026-06-10', await item('c5'));
    expect(first.size).toBe(1);
    await first.commit();
    expect(await read('c5')).toMatchObject({ lastActivityDate: '2026-06-10', lastActivityBySegment: { lpg: '2026-06-10' } });
    // The day's next sale, and a backdated one, add nothing to their transactions.
    expect((await posting('2026-06-10', await item('c5'))).size).toBe(0);
    expect((await posting('2026-06-01', await item('c5'))).size).toBe(0);
    // A read from before a concurrent raise: the condition fails with the re-run tag, and nothing moves back.
    const stale = await posting('2026-06-09', undefined);
    await expect(stale.commit()).rejects.toSatisfy((e) => e instanceof ConditionFailed && e.failedTags.includes(RETRY_TAG));
    expect((await read('c5')).lastActivityDate).toBe('2026-06-10');
  });
});
