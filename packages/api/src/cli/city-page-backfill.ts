import { backfillPosition, cooperativeItem, cooperativeSchema, coopKey, type Chart, type Cooperative } from '@kkmp/core';
import { ConditionFailed, Transaction, getItem, pk, queryAll, scanAll, skPrefix, type Db } from '@kkmp/store';
import { z } from 'zod';

/** What one run did: cooperatives seen, position items written, profiles given their unit index. */
export interface CityPageBackfill {
  cooperatives: number;
  positions: number;
  unitIndexes: number;
}

/**
 * What the city page reads by key, for cooperatives made before it was kept (issue 19): each cooperative's
 * position totals (summed from its monthly balance items, see backfillPosition) and the ids of its unit
 * records on its profile (from a query of its records). Idempotent: a complete position item and an
 * indexed profile are left alone, so it may be run again, or while the API serves (after every API runs
 * the code that keeps both). Until it has run, the page answers the same from queries, only slower.
 */
export async function backfillCityPage(db: Db, chart: Chart): Promise<CityPageBackfill> {
  const done: CityPageBackfill = { cooperatives: 0, positions: 0, unitIndexes: 0 };
  const ids: string[] = [];
  await scanAll(db, { expression: 'sk = :p AND #t = :t', names: { '#t': 'type' }, values: { ':p': 'PROFILE', ':t': 'Cooperative' } }, async (items) => {
    for (const i of items) if (typeof i.id === 'string') ids.push(i.id);
  });
  for (const coopId of ids) {
    done.cooperatives += 1;
    if (await backfillPosition(db, chart, coopId)) done.positions += 1;
    if (await indexUnits(db, coopId)) done.unitIndexes += 1;
  }
  return done;
}

const unitIdOnly = z.object({ unitId: z.string() });

/**
 * Writes the ids of the cooperative's unit records on its profile, a versioned replace like every profile
 * write: an enabling or a profile edit in between fails it, and it reads again. Answers whether it wrote.
 */
async function indexUnits(db: Db, coopId: string): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const coop: Cooperative | undefined = await getItem(db, coopKey(coopId), cooperativeSchema);
    if (!coop || coop.unitIds) return false;
    const records = await queryAll(db, { partition: pk({ kind: 'coop', coopId }), prefix: skPrefix('UNIT') }, unitIdOnly);
    const unitIds = [...new Set(records.map((r) => r.unitId))].sort();
    try {
      await new Transaction(db).replace(cooperativeItem({ ...coop, unitIds }), coop.version).commit();
      return true;
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
    }
  }
  throw new Error(`unit index of ${coopId}: the profile kept changing; run it again`);
}
