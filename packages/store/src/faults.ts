import { ProvisionedThroughputExceededException, ThrottlingException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Db } from './client';

/**
 * Fault injection for tests: SDK middleware on the real client (the storage stays DynamoDB Local) that,
 * at random points chosen by a seeded generator, makes a call fail the way DynamoDB and the network do.
 * Two layers, because they reach different code:
 * - `app`: at the `initialize` step, outside the SDK's own retries, so our code sees the error;
 * - `sdk`: inside the retry loop (each attempt), so the SDK retries it, including a write that was
 *   applied before the reply was lost.
 * "after" faults let the call reach DynamoDB and then throw: the write happened, the caller saw an error.
 */
export type FaultKind = 'throttle' | 'timeout-before' | 'timeout-after' | 'reset-before' | 'reset-after' | 'transaction-cancelled';

export interface FaultOptions {
  seed: number;
  /** Probability that one read (one attempt, in the sdk layer) is faulted, 0 to 1; writes get three times it. */
  rate: number;
}

export interface FaultInjector {
  readonly seed: number;
  /** Faults injected so far by layer and kind, e.g. "app:timeout-after". */
  readonly injected: Map<string, number>;
  total(): number;
  /** Faults only while on (set-up and final checks run without them). */
  enable(on: boolean): void;
  /** The next call of `command` (e.g. "TransactWriteItems") fails with `kind`, where our code sees it, even while off. */
  failNext(command: string, kind: FaultKind): void;
  remove(): void;
}

/** mulberry32: a small seeded generator, so a failing run is reproduced from its printed seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const meta = { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 };

function faultError(kind: FaultKind, command: string, items: number, random: () => number): Error {
  switch (kind) {
    case 'throttle':
      return random() < 0.5
        ? new ProvisionedThroughputExceededException({ message: `injected: ${command} throttled`, $metadata: meta })
        : new ThrottlingException({ message: `injected: ${command} throttled`, $metadata: meta });
    case 'timeout-before':
    case 'timeout-after':
      return Object.assign(new Error(`injected: ${command} timed out (${kind})`), { name: 'TimeoutError', $metadata: {} });
    case 'reset-before':
    case 'reset-after':
      return Object.assign(new Error(`injected: ${command} socket hang up (${kind})`), { code: 'ECONNRESET', $metadata: {} });
    case 'transaction-cancelled': {
      // Another writer touched one of the items: DynamoDB answers one reason per action.
      const reasons = Array.from({ length: items }, (_, i) => ({ Code: i === 0 ? 'TransactionConflict' : 'None' }));
      return new TransactionCanceledException({ message: 'injected: Transaction cancelled [TransactionConflict]', $metadata: meta, CancellationReasons: reasons });
    }
  }
}

const APP_KINDS: FaultKind[] = ['throttle', 'timeout-before', 'timeout-after', 'reset-before', 'reset-after', 'transaction-cancelled'];
const SDK_KINDS: FaultKind[] = ['throttle', 'timeout-after', 'reset-after'];
const WRITES = new Set(['TransactWriteItems', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

/** Adds fault injection to `db`'s real client; answers the counters and the switch. */
export function injectFaults(db: Db, options: FaultOptions): FaultInjector {
  const random = seededRandom(options.seed);
  const injected = new Map<string, number>();
  let on = false;
  const planned: { command: string; kind: FaultKind }[] = [];
  const names: string[] = [];
  const add = (layer: 'app' | 'sdk', kinds: FaultKind[]) => {
    const name = `kkmpFaults-${layer}-${options.seed}`;
    names.push(name);
    const middleware =
      (next: (args: any) => Promise<any>, context: { commandName?: string }) =>
      async (args: any): Promise<any> => {
        const command = (context.commandName ?? 'unknown').replace(/Command$/, '');
        // Writes are where a lost reply hurts (applied, yet reported failed): they are faulted three
        // times as often, and half of their faults come after DynamoDB applied them.
        const write = WRITES.has(command);
        const items: number = args.input?.TransactItems?.length ?? 0;
        const plan = layer === 'app' ? planned.findIndex((p) => p.command === command) : -1;
        let kind: FaultKind;
        if (plan >= 0) kind = planned.splice(plan, 1)[0]!.kind;
        else {
          if (!on || random() >= options.rate * (write ? 3 : 1)) return next(args);
          const after = kinds.filter((k) => k.endsWith('-after'));
          const applicable = write && random() < 0.5 ? after : kinds.filter((k) => k !== 'transaction-cancelled' || items > 0);
          kind = applicable[Math.floor(random() * applicable.length)]!;
        }
        injected.set(`${layer}:${kind}`, (injected.get(`${layer}:${kind}`) ?? 0) + 1);
        if (kind.endsWith('-after')) await next(args);
        throw faultError(kind, command, items, random);
      };
    if (layer === 'app') db.raw.middlewareStack.add(middleware as never, { step: 'initialize', name, priority: 'high' });
    // finalizeRequest, low priority: inside the SDK's retry middleware, so each attempt may fail.
    else db.raw.middlewareStack.add(middleware as never, { step: 'finalizeRequest', name, priority: 'low' });
  };
  add('app', APP_KINDS);
  add('sdk', SDK_KINDS);
  return {
    seed: options.seed,
    injected,
    total: () => [...injected.values()].reduce((a, b) => a + b, 0),
    enable: (v) => {
      on = v;
    },
    failNext: (command, kind) => {
      planned.push({ command, kind });
    },
    remove: () => {
      for (const n of names) db.raw.middlewareStack.remove(n);
    },
  };
}
