import { createServer, type Server } from 'node:http';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDb, ensureTable } from '@kkmp/store';
import { startDynamoDbLocal, type DynamoDbLocal } from '@kkmp/store/local';
import { createApi } from '../app';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, LOCAL_DEV_SECRET, mintToken } from '@kkmp/plugin-sdk/host';
import { dataDir, demoUsersFile } from './paths';
import { loadDemoUsers, seedDemoData, type DemoUser } from './seed';

export const LOCAL_TABLE = 'kkmp-local';

export interface LocalServer {
  url: string;
  ddb: DynamoDbLocal;
  users: (DemoUser & { token: string })[];
  stop(): Promise<void>;
}

const EXAMPLE_QUERY = `# Welcome to kkmp. The Authorization header below holds a demo manager token.
# Other demo tokens: see the terminal, or run \`npm run token -- --demo city\`.
query MyCooperative {
  me { role cooperativeId }
}
`;

/** DynamoDB Local (persisted under .data/) + demo data + the API with GraphiQL on node:http. */
export async function startLocalServer(opts: { port?: number; dynamoPort?: number } = {}): Promise<LocalServer> {
  const ddb = await startDynamoDbLocal({ dbPath: join(dataDir(), 'dynamodb'), ...(opts.dynamoPort ? { port: opts.dynamoPort } : {}) });
  let server: Server | undefined;
  try {
    const db = createDb({ tableName: LOCAL_TABLE, endpoint: ddb.endpoint, region: 'local' });
    await ensureTable(db);
    const seeded = (await loadDemoUsers(db)) ?? (await seedDemoData(db));
    const users = await Promise.all(
      seeded.map(async (u) => ({ ...u, token: await mintToken(u.principal, { secret: LOCAL_DEV_SECRET, expiresIn: '30d' }) })),
    );
    mkdirSync(dataDir(), { recursive: true });
    writeFileSync(demoUsersFile(), JSON.stringify(users, null, 2));
    const manager = users.find((u) => u.label === 'manager');
    const yoga = createApi({
      db,
      auth: { secret: LOCAL_DEV_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
      graphiql: { defaultQuery: EXAMPLE_QUERY, ...(manager ? { token: manager.token } : {}) },
    });
    server = createServer(yoga);
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
