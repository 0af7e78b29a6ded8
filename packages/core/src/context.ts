import { createItemLoader, pk, sk, type Db } from '@kkmp/store';
import type { Clock } from './clock';
import type { Principal } from './principal';

/** Everything a service needs for one request. Built per request; loaders cache only within it. */
export interface CoreContext {
  db: Db;
  clock: Clock;
  principal: Principal | null;
  /** Batched, per-request item reads (BatchGetItem). */
  items: ReturnType<typeof createItemLoader>;
  lookups: {
    /** City of a cooperative, cached per request (authorization asks it often). */
    cityOfCoop(coopId: string): Promise<string | undefined>;
  };
}

export function createCoreContext(args: { db: Db; clock: Clock; principal: Principal | null }): CoreContext {
  const items = createItemLoader(args.db);
  const ctx: CoreContext = {
    ...args,
    items,
    lookups: {
      async cityOfCoop(coopId) {
        const item = await items.load(coopKeyOf(coopId));
        return typeof item?.cityId === 'string' ? item.cityId : undefined;
      },
    },
  };
  return ctx;
}

function coopKeyOf(coopId: string) {
  return { pk: pk({ kind: 'coop', coopId }), sk: sk('PROFILE') };
}
