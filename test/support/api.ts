import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApi, mintToken, LOCAL_DEV_SECRET } from '@kkmp/api';
import { Outbox, createApi as createHostApi } from '@kkmp/host';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import { ManualClock, type Principal } from '@kkmp/core';
import { createDb, ensureTable, type Db } from '@kkmp/store';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';

export interface TestApi {
  url: string;
  db: Db;
  clock: ManualClock;
  /** POSTs a GraphQL operation over HTTP; returns the parsed body and status. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; data: T; errors?: any[] }>;
  token(p: Principal): Promise<string>;
  /** Invitation and sign-in codes the API sent (what SMS or e-mail would deliver). */
  outbox: Outbox;
  close(): Promise<void>;
}

/** A fresh table in the run's DynamoDB Local plus the real yoga app behind node:http on a free port. */
export async function startTestApi(opts: { now?: string; units?: readonly AnyUnit[]; wrapDb?: (db: Db) => Db } = {}): Promise<TestApi> {
  const real = createDb({ tableName: `test-${randomUUID()}`, endpoint: inject('dynamoDbEndpoint') });
  await ensureTable(real);
  // Fault-injection tests wrap the real client; the storage is still DynamoDB Local.
  const db = opts.wrapDb ? opts.wrapDb(real) : real;
  const clock = new ManualClock(opts.now ?? '2026-03-15T03:00:00Z');
  const auth = { secret: LOCAL_DEV_SECRET, issuer: 'kkmp', audience: 'kkmp-api' };
  // The deployment's installed units by default; a test of the plugin system brings its own set.
  const outbox = new Outbox();
  const yoga = opts.units ? createHostApi({ db, clock, auth, units: opts.units, codeSender: outbox }) : createApi({ db, clock, auth, codeSender: outbox });
  const server: Server = createServer(yoga);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    db,
    clock,
    async gql(query, variables, token) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data: any; errors?: any[] };
      return { status: res.status, data: body.data, ...(body.errors ? { errors: body.errors } : {}) };
    },
    token: (p) => mintToken(p, { secret: LOCAL_DEV_SECRET }),
    outbox,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export const platformAdmin: Principal = { userId: 'platform-1', role: 'PLATFORM_ADMIN', name: 'Platform Admin' };
