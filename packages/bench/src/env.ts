import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, LOCAL_DEV_SECRET, createApi, mintToken } from '@kkmp/api';
import { ManualClock, type Principal } from '@kkmp/core';
import { createDb, ensureTable, type Db } from '@kkmp/store';
import { startDynamoDbLocal, type DynamoDbLocal } from '@kkmp/store/local';
import { HttpClient } from './http';

/** The API of one seeded data set: its own table, the real app on a loopback port, its clock. */
export interface BenchApi {
  url: string;
  /** DynamoDB Local's endpoint (the floor's client talks to it too). */
  endpoint: string;
  db: Db;
  clock: ManualClock;
  http: HttpClient;
  /** A development token for a principal, as `npm run dev` and `npm run token` mint them. */
  token(p: Principal): Promise<string>;
  close(): Promise<void>;
}

/** DynamoDB Local in memory (never the dev data folder): one per bench run, a table per data set. */
export function startDynamo(): Promise<DynamoDbLocal> {
  return startDynamoDbLocal();
}

/** A fresh table and the deployment's API (every installed unit) behind node:http on 127.0.0.1. */
export async function startBenchApi(endpoint: string, now: Date): Promise<BenchApi> {
  const db = createDb({ tableName: `bench-${randomUUID()}`, endpoint, region: 'local' });
  await ensureTable(db);
  const api = await serveApi(db, endpoint, now);
  return { ...api, close: async () => (await api.close(), db.raw.destroy()) };
}

/**
 * The API on an existing table with a clock of its own (the seed runs the units' demos side by side, each
 * moving its own clock). Closing it leaves the table's client open.
 */
export async function serveApi(db: Db, endpoint: string, now: Date): Promise<BenchApi> {
  const clock = new ManualClock(now);
  const yoga = createApi({ db, clock, auth: { secret: LOCAL_DEV_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE } });
  const server: Server = createServer(yoga);
  // The load generator's keep-alive sockets sit idle while a floor round runs: Node's 5 s default would
  // close them under a request just being sent (ECONNRESET, counted as a failed request).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const http = new HttpClient(url);
  return {
    url,
    endpoint,
    db,
    clock,
    http,
    token: (p) => mintToken(p, { secret: LOCAL_DEV_SECRET, expiresIn: '1d' }),
    close: async () => {
      http.close();
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
    },
  };
}
