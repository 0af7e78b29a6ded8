import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { Db } from './client';
import { table } from './table';

/** CreateTable input built from the shared definition (used locally; AWS gets the same via infra/). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: Object.keys(table.fields).map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: table.primaryIndex.hashKey, KeyType: 'HASH' },
      { AttributeName: table.primaryIndex.rangeKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: Object.entries(table.globalIndexes).map(([name, idx]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: idx.hashKey, KeyType: 'HASH' },
        { AttributeName: idx.rangeKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

/** Creates the table if it is missing (idempotent); returns true when it was created now. */
export async function ensureTable(db: Db): Promise<boolean> {
  try {
    await db.raw.send(new DescribeTableCommand({ TableName: db.tableName }));
    return false;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  try {
    await db.raw.send(new CreateTableCommand(createTableInput(db.tableName)));
  } catch (err) {
    if (err instanceof ResourceInUseException) return false;
    throw err;
  }
  await db.raw.send(
    new UpdateTimeToLiveCommand({
      TableName: db.tableName,
      TimeToLiveSpecification: { AttributeName: table.ttl, Enabled: true },
    }),
  );
  return true;
}
