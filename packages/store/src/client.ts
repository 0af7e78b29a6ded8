import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface StoreConfig {
  tableName: string;
  /** Set for DynamoDB Local; absent in AWS, where the Lambda role and region apply. */
  endpoint?: string;
  region?: string;
}

export interface Db {
  doc: DynamoDBDocumentClient;
  raw: DynamoDBClient;
  tableName: string;
  /** Counts every DynamoDB command sent through this client, by command name (for tests and benchmarks). */
  calls: Map<string, number>;
}

export function createDb(config: StoreConfig): Db {
  const clientConfig: DynamoDBClientConfig = {
    region: config.region ?? process.env.AWS_REGION ?? 'ap-southeast-3',
    maxAttempts: 5,
    // Otherwise looked up (environment, then ~/.aws/config) on first use; DynamoDB's regional endpoints
    // need no endpoint discovery. (Its client has no flexible-checksum settings: its operations have none.)
    endpointDiscoveryEnabled: false,
  };
  if (config.endpoint) {
    clientConfig.endpoint = config.endpoint;
    // DynamoDB Local accepts any credentials; fixed ones keep every run on the same local database.
    clientConfig.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  const raw = new DynamoDBClient(clientConfig);
  const calls = new Map<string, number>();
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'kkmpCallCounter' },
  );
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, raw, tableName: config.tableName, calls };
}

export function totalCalls(db: Db): number {
  let n = 0;
  for (const v of db.calls.values()) n += v;
  return n;
}
