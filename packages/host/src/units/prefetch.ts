import { TIME_ZONES, loadMember, loadMemberByNik, loadMemberByNumber, localDate, prefetch, type CoreContext, type IndonesianTimeZone } from '@kkmp/core';
import { queryAll, sk, skPrefix, type Key } from '@kkmp/store';
import type { UnitPrefetch } from '@kkmp/plugin-sdk';
import { z } from 'zod';
import { settingsSeen } from './settings-seen';
import { unitPartition } from './store';

type Hook = (input: never, keys: UnitPrefetch) => void;
/** Raw items of a started query, parsed with the unit's schema when `u.store.all` takes them. */
export type StartedQueries = Map<string, Promise<Record<string, unknown>[]>>;

const rawItem = z.record(z.string(), z.unknown());
const started = new WeakMap<CoreContext, StartedQueries>();

/** The queries a request's unit prefetch started, by partition and prefix (empty when none). */
export function startedQueries(core: CoreContext): StartedQueries {
  let queries = started.get(core);
  if (!queries) started.set(core, (queries = new Map()));
  return queries;
}

/**
 * What one prefetch may name: keys for a sale of the most lines a unit takes (80, a product and its stock
 * each, and the buyer's items) in at most three BatchGetItems sent together, and a few queries and member
 * lookups. Input far larger is refused by the unit's own checks later; it must not make the API read for
 * it first. A name past the limit is simply not read ahead (the resolver reads it, or refuses first).
 */
export const PREFETCH_LIMITS = { keys: 250, lookups: 8 };

/** Started loads settle later, where they are used (or never): a failure is that reader's to meet. */
const settleLater = <T>(p: Promise<T>): Promise<T> => (p.catch(() => undefined), p);

/** The requested business date, else today in each zone a cooperative may have (one date, two near midnight). */
function candidateDates(core: CoreContext, requested: unknown): string[] {
  if (typeof requested === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(requested)) return [requested];
  const now = core.clock.now();
  return [...new Set((Object.keys(TIME_ZONES) as IndonesianTimeZone[]).map((zone) => localDate(now, zone)))];
}

/**
 * Starts the reads a unit mutation or query declared (`prefetch`), in the same tick as the gate's, so they join
 * its BatchGetItem (a query runs beside it). The caller (kit.ts) starts it only for a caller whose token
 * may hold the permission in this cooperative, and within PREFETCH_LIMITS: an outsider or an absurd
 * input costs no reads ahead of the refusal. Only for input its schema accepts; a hook that throws has
 * named what it named until then, and changes nothing else: the gate, the input check and the resolver
 * refuse as without it.
 */
export function startUnitPrefetch(
  core: CoreContext,
  coopId: string,
  unitId: string,
  hook: Hook | undefined,
  schema: z.ZodType | undefined,
  fields: Record<string, unknown>,
  requestedDate: unknown,
): void {
  if (!hook) return;
  const parsed = schema ? schema.safeParse(fields) : { success: true as const, data: fields };
  if (!parsed.success) return;
  const partition = unitPartition(coopId, unitId);
  const keys: Key[] = [];
  const queries = startedQueries(core);
  let lookups = 0;
  const lookup = (start: () => void) => void (lookups++ < PREFETCH_LIMITS.lookups && start());
  const target: UnitPrefetch = {
    cooperativeId: coopId,
    now: () => core.clock.now(),
    dates: candidateDates(core, requestedDate),
    settingsSeen: settingsSeen(core, coopId, unitId),
    item: (...parts) => void (keys.length < PREFETCH_LIMITS.keys && keys.push({ pk: partition, sk: sk(...parts) })),
    query: (...parts) => {
      const prefix = skPrefix(...parts);
      const id = `${partition}\u0000${prefix}`; // as createUnitStore's `all` looks it up
      if (!queries.has(id)) lookup(() => queries.set(id, settleLater(queryAll(core.db, { partition, prefix }, rawItem))));
    },
    member: (id) => lookup(() => settleLater(loadMember(core, coopId, id))),
    memberByNik: (nik) => lookup(() => settleLater(loadMemberByNik(core, coopId, nik))),
    memberByNumber: (n) => lookup(() => settleLater(loadMemberByNumber(core, coopId, n))),
  };
  try {
    hook(parsed.data as never, target);
  } catch {
    // A key the hook could not name is read later, by the resolver, which meets the problem itself.
  }
  prefetch(core, keys);
}
