import { loadMember, loadMemberByNik, loadMemberByNumber, prefetch, type CoreContext } from '@kkmp/core';
import { sk, type Key } from '@kkmp/store';
import type { UnitPrefetch } from '@kkmp/plugin-sdk';
import type { z } from 'zod';
import { unitPartition } from './store';

type Hook = (input: never, keys: UnitPrefetch) => void;

/** Started loads settle later, where they are used (or never): a failure is that reader's to meet. */
const started = (p: Promise<unknown>) => void p.catch(() => undefined);

/**
 * Starts the reads a unit mutation declared (`prefetch`), in the same tick as the gate's, so they join
 * its BatchGetItem. Only for input its schema accepts; a hook that throws has named what it named until
 * then, and changes nothing else: the gate, the input check and the resolver refuse as without it.
 */
export function startUnitPrefetch(core: CoreContext, coopId: string, unitId: string, hook: Hook | undefined, schema: z.ZodType | undefined, fields: Record<string, unknown>): void {
  if (!hook) return;
  const parsed = schema ? schema.safeParse(fields) : { success: true as const, data: fields };
  if (!parsed.success) return;
  const partition = unitPartition(coopId, unitId);
  const keys: Key[] = [];
  const target: UnitPrefetch = {
    cooperativeId: coopId,
    now: () => core.clock.now(),
    item: (...parts) => void keys.push({ pk: partition, sk: sk(...parts) }),
    member: (id) => started(loadMember(core, coopId, id)),
    memberByNik: (nik) => started(loadMemberByNik(core, coopId, nik)),
    memberByNumber: (n) => started(loadMemberByNumber(core, coopId, n)),
  };
  try {
    hook(parsed.data as never, target);
  } catch {
    // A key the hook could not name is read later, by the resolver, which meets the problem itself.
  }
  prefetch(core, keys);
}
