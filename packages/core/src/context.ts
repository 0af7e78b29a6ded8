import { createItemLoader, pk, sk, type Db } from '@kkmp/store';
import type { Clock } from './clock';
import { buildChart, type Chart } from './ledger/accounts';
import type { Principal } from './principal';

/** Everything a service needs for one request. Built per request; loaders cache only within it. */
export interface CoreContext {
  db: Db;
  clock: Clock;
  principal: Principal | null;
  /**
   * A caller that is no user (a device credential): named in the audit log, holding no permission
   * (every rule reads `principal`, which is null for it).
   */
  actor?: { userId: string; role: string };
  /** Chart of accounts of the API serving the request: the core's plus its installed units'. */
  chart: Chart;
  /** Batched, per-request item reads (BatchGetItem). */
  items: ReturnType<typeof createItemLoader>;
  lookups: {
    /** City of a cooperative, cached per request (authorization asks it often). */
    cityOfCoop(coopId: string): Promise<string | undefined>;
  };
}

/** `chart` defaults to the core accounts alone (a caller without units, e.g. a seed or a core test). */
export function createCoreContext(args: { db: Db; clock: Clock; principal: Principal | null; chart?: Chart }): CoreContext {
  const items = createItemLoader(args.db);
  const ctx: CoreContext = {
    ...args,
    chart: args.chart ?? buildChart(),
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
