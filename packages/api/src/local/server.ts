import { createServer, type Server } from 'node:http';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as graphiqlAssets from '@graphql-yoga/render-graphiql/graphiql';
import { systemClock, type Clock } from '@kkmp/core';
import { createDb, ensureTable, type Db } from '@kkmp/store';
import { startDynamoDbLocal, type DynamoDbLocal } from '@kkmp/store/local';
import { createApi } from '../app';
import { corsFromEnv } from '../config';
import { encodeId } from '@kkmp/plugin-sdk';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, LOCAL_DEV_SECRET, Outbox, SigningKeys, accessTokenIssuer, mintToken, type ApiMode, type AuthConfig } from '@kkmp/host';
import type { Principal } from '@kkmp/core';
import { seedDemoPeople, type DemoLogin } from './demo-people';
import { CLOCK_PATH, clockEndpoint } from './clock-endpoint';
import { DevClock } from './dev-clock';
import { dataDir, demoUsersFile } from './paths';
import { loadDemoUsers, seedDemoData, type DemoUser } from './seed';
import { loadDemoValues } from './unit-demos';

export const LOCAL_TABLE = 'kkmp-local';

export interface LocalServer {
  url: string;
  ddb: DynamoDbLocal;
  users: (DemoUser & { token: string } & Partial<DemoLogin>)[];
  /** Invitation codes sent (printed as they go; the dev server has no SMS or e-mail). */
  outbox: Outbox;
  /** The API's clock (the system's unless KKMP_CLOCK or POST /dev/clock moved it). */
  clock: DevClock;
  /** The absolute folder of DynamoDB Local's files and demo-users.json. */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The API as `npm run dev` runs it, on any table: demo data seeded once, GraphiQL served from this
 * process (no CDN) with example tabs, the demo tokens and the demo's ids. The clock is the API's (and
 * the first seed's) "now".
 */
export async function createDevApi(
  db: Db,
  clock: Clock = systemClock,
  print: (line: string) => void = () => {},
  production?: ProductionSetup,
): Promise<{ yoga: ReturnType<typeof createApi>; users: LocalServer['users']; outbox: Outbox }> {
  const seeded = (await loadDemoUsers(db)) ?? (await seedDemoData(db, clock));
  const logins = await seedDemoPeople(db, clock, seeded);
  const demoToken = production ? productionDemoToken(production, clock) : (p: Principal) => mintToken(p, { secret: LOCAL_DEV_SECRET, expiresIn: '30d' });
  const users = await Promise.all(
    seeded.map(async (u) => ({
      ...u,
      ...logins.find((l) => l.label === u.label),
      token: await demoToken(u.principal),
    })),
  );
  const outbox = new Outbox(print);
  const principal = (label: string) => users.find((u) => u.label === label)?.principal;
  const [coop, city, member] = [principal('manager'), principal('city'), principal('member')];
  // Principals hold internal ids; GraphQL speaks opaque ones.
  const ids = {
    cooperativeId: coop?.coopId && encodeId('Cooperative', coop.coopId),
    cityId: city?.cityId && encodeId('City', city.cityId),
    memberId: member?.coopId && member.memberId && encodeId('Member', member.coopId, member.memberId),
  };
  if (production) {
    // As deployed: no GraphiQL, no development secret; the demo tokens above are the API's own.
    const auth = { ...production.auth, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE };
    return { yoga: createApi({ db, clock, auth, codeSender: outbox, mode: 'production', ...(production.corsOrigins ? { corsOrigins: production.corsOrigins } : {}) }), users, outbox };
  }
  const yoga = createApi({
    db,
    clock,
    auth: { secret: LOCAL_DEV_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
    codeSender: outbox,
    graphiql: {
      assets: graphiqlAssets,
      tokens: Object.fromEntries(users.map((u) => [u.label, u.token])),
      substitutions: {
        ...(await loadDemoValues(db)),
        ...Object.fromEntries(Object.entries(ids).filter((e): e is [string, string] => typeof e[1] === 'string')),
        // The sign-in example signs in as the demo manager.
        ...signInAs(users.find((u) => u.label === 'manager')),
      },
    },
  });
  return { yoga, users, outbox };
}

/** `KKMP_MODE=production npm run dev`: the API's keys, and an HS256 secret only if one is given (checked). */
export interface ProductionSetup {
  auth: { signingKeys: SigningKeys; secret?: string };
  corsOrigins?: string[];
}

export function productionSetupFromEnv(env: NodeJS.ProcessEnv, signingKeys: SigningKeys): ProductionSetup {
  const secret = env.KKMP_JWT_SECRET?.trim();
  const origins = corsFromEnv(env).corsOrigins;
  return { auth: { signingKeys, ...(secret ? { secret } : {}) }, ...(origins ? { corsOrigins: origins } : {}) };
}

/**
 * Demo tokens in production mode: signed with the given HS256 secret (30 days), else the API's own
 * ES256 access tokens, which live at most an hour (sign in again, or restart, for fresh ones).
 */
function productionDemoToken(setup: ProductionSetup, clock: Clock): (p: Principal) => Promise<string> {
  const { secret, signingKeys } = setup.auth satisfies Partial<AuthConfig>;
  if (secret) return (p) => mintToken(p, { secret, expiresIn: '30d' });
  const issuer = accessTokenIssuer(signingKeys, { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, minutes: 60 });
  return async (p) => (await issuer.issue({ ...p, grantId: 'demo', sessionId: 'demo' }, clock.now())).token;
}

function signInAs(user: Partial<DemoLogin> | undefined): Record<string, string> {
  return user?.login && user.password ? { 'core.managerLogin': user.login, 'core.managerPassword': user.password } : {};
}

/**
 * DynamoDB Local (persisted under .data/) + demo data + the API with GraphiQL on node:http, and the
 * local-only /dev/clock endpoint that moves the API's clock forward.
 */
export async function startLocalServer(opts: { port?: number; dynamoPort?: number; clock?: DevClock; mode?: ApiMode; production?: ProductionSetup } = {}): Promise<LocalServer> {
  const clock = opts.clock ?? new DevClock();
  const dir = dataDir();
  const ddb = await startDynamoDbLocal({ dbPath: join(dir, 'dynamodb'), ...(opts.dynamoPort ? { port: opts.dynamoPort } : {}) });
  let server: Server | undefined;
  try {
    const db = createDb({ tableName: LOCAL_TABLE, endpoint: ddb.endpoint, region: 'local' });
    await ensureTable(db);
    const production = opts.mode === 'production' ? (opts.production ?? productionSetupFromEnv(process.env, SigningKeys.ephemeral())) : undefined;
    const { yoga, users, outbox } = await createDevApi(db, clock, (line) => console.log(`Code sent ${line}`), production);
    mkdirSync(dir, { recursive: true });
    writeFileSync(demoUsersFile(), JSON.stringify(users, null, 2));
    const moveClock = clockEndpoint(clock);
    server = createServer((req, res) => {
      if (req.url?.split('?')[0] !== CLOCK_PATH) return void yoga(req, res);
      moveClock(req, res).catch((err: unknown) => res.writeHead(500).end(String(err)));
    });
    const port = opts.port ?? 4000;
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', resolve);
    });
    const s = server;
    return {
      url: `http://localhost:${port}/graphql`,
      ddb,
      users,
      outbox,
      clock,
      dataDir: dir,
      stop: async () => {
        await new Promise<void>((r) => s.close(() => r()));
        s.closeAllConnections();
        await ddb.stop();
      },
    };
  } catch (err) {
    server?.close();
    await ddb.stop();
    throw err;
  }
}
