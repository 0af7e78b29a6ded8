import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb } from '@kkmp/store';
import type { BenchApi } from './env';
import { capacityOf, replayOnce, toReplay } from './floor';
import { HttpClient } from './http';
import { median, runRound, type Round } from './load';
import { recordRequest } from './record';
import { answered, type Scenario } from './scenarios';

export interface RunSettings {
  concurrency: number;
  rounds: number;
  roundMs: number;
  warmup: number;
}

/** One row of the table (and of the JSON): the API against its floor, and what one request asked of DynamoDB. */
export interface Row {
  scenario: string;
  title: string;
  kind: Scenario['kind'];
  listLevels: number;
  scale: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  floorReqPerSec: number;
  ratio: number;
  /** DynamoDB calls of one request, by operation. */
  calls: Record<string, number>;
  callsTotal: number;
  roundTrips: number;
  /** Capacity one request consumes (DynamoDB's ReturnConsumedCapacity on the floor's replay of it). */
  readUnits: number;
  writeUnits: number;
  /** Requests that failed, in the API's rounds and in the floor's (both should be 0). */
  errors: number;
  floorErrors: number;
  firstError?: string;
}

type Send = () => Promise<boolean | string>;

/** Measures one scenario: warm-up, one request alone (recorded), then the API's and the floor's rounds. */
export async function measure(api: BenchApi, s: Scenario, scale: number, settings: RunSettings): Promise<Row> {
  const headers: Record<string, string> = s.token ? { authorization: `Bearer ${s.token}` } : {};
  const sendApi: Send = async () => {
    const res = await api.http.post(s.body(), headers);
    return answered(s, res.status, res.body);
  };
  for (let i = 0; i < settings.warmup; i++) await sendApi();
  const { result: single, recording } = await recordRequest(api.db, () => api.http.post(s.body(), headers));
  const ok = answered(s, single.status, single.body);
  if (ok !== true) throw new Error(`bench ${s.name}: the API did not answer as expected: ${ok}`);

  const floor = await floorOf(api, s, single.body, single.contentType, recording.waves);
  try {
    const apiRounds: Round[] = [];
    const floorRounds: Round[] = [];
    // Reads leave the data as it was: their rounds alternate with the floor's, so a slow spell of the
    // shared machine falls on both. A write's floor rewrites the items the API just wrote (see floor.ts),
    // so its rounds come after all of the API's.
    const alternate = s.kind === 'read' || s.kind === 'trivial';
    for (let r = 0; r < settings.rounds; r++) {
      apiRounds.push(await runRound(sendApi, settings.concurrency, settings.roundMs));
      if (alternate) floorRounds.push(await runRound(floor.send, settings.concurrency, settings.roundMs));
    }
    if (!alternate) for (let r = 0; r < settings.rounds; r++) floorRounds.push(await runRound(floor.send, settings.concurrency, settings.roundMs));
    const capacity = await floor.capacity();
    const reqPerSec = median(apiRounds.map((r) => r.reqPerSec));
    const floorReqPerSec = median(floorRounds.map((r) => r.reqPerSec));
    const firstError = [...apiRounds, ...floorRounds].find((r) => r.firstError)?.firstError;
    return {
      scenario: s.name,
      title: s.title,
      kind: s.kind,
      listLevels: s.listLevels,
      scale,
      reqPerSec,
      p50Ms: median(apiRounds.map((r) => r.p50Ms)),
      p99Ms: median(apiRounds.map((r) => r.p99Ms)),
      floorReqPerSec,
      ratio: reqPerSec / floorReqPerSec,
      calls: recording.log.byCommand,
      callsTotal: recording.log.total,
      roundTrips: recording.log.roundTrips,
      readUnits: capacity.read,
      writeUnits: capacity.write,
      errors: sum(apiRounds.map((r) => r.errors)),
      floorErrors: sum(floorRounds.map((r) => r.errors)),
      ...(firstError ? { firstError } : {}),
    };
  } finally {
    await floor.close();
  }
}

interface Floor {
  send: Send;
  capacity(): Promise<{ read: number; write: number }>;
  close(): Promise<void>;
}

/**
 * The floor: for the trivial query a bare node:http server answering the API's bytes; otherwise the
 * request's recorded DynamoDB commands sent again, wave by wave, on a client configured as the API's.
 */
async function floorOf(api: BenchApi, s: Scenario, bytes: string, contentType: string, waves: Parameters<typeof toReplay>[0]): Promise<Floor> {
  if (s.kind === 'trivial') {
    const server: Server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(bytes) }).end(bytes));
    });
    server.keepAliveTimeout = 120_000; // as the API's (env.ts)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const http = new HttpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
    const body = s.body();
    return {
      send: async () => (await http.post(body)).status === 200,
      capacity: async () => ({ read: 0, write: 0 }),
      close: async () => {
        http.close();
        await new Promise<void>((r) => server.close(() => r()));
      },
    };
  }
  // Same endpoint, table and SDK configuration as the API's client (createDb), without the API.
  const db = createDb({ tableName: api.db.tableName, endpoint: api.endpoint, region: 'local' });
  const replay = toReplay(waves);
  return {
    send: async () => {
      await replayOnce(db, replay);
      return true;
    },
    capacity: () => capacityOf(db, waves),
    close: async () => db.raw.destroy(),
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
