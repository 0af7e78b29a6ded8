import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../src/client';
import { createTableInput, ensureTable } from '../src/bootstrap';
import { table } from '../src/table';
import { countCalls } from './helpers';

const newDb = () => createDb({ tableName: `test-${randomUUID()}`, endpoint: inject('dynamoDbEndpoint') });

describe('ensureTable', () => {
  it('creates the table with pk/sk, gsi1 and TTL on expiresAt; a second call returns false and creates nothing', async () => {
    const db = newDb();
    expect(await ensureTable(db)).toBe(true);
    const second = await countCalls(db, () => ensureTable(db));
    expect(second.result).toBe(false);
    expect(second.byName).toEqual({ DescribeTableCommand: 1 });

    const { Table } = await db.raw.send(new DescribeTableCommand({ TableName: db.tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.AttributeDefinitions?.map((a) => `${a.AttributeName}:${a.AttributeType}`).sort()).toEqual(['gsi1pk:S', 'gsi1sk:S', 'pk:S', 'sk:S']);
    const gsis = Table?.GlobalSecondaryIndexes ?? [];
    expect(gsis.map((g) => g.IndexName)).toEqual(['gsi1']);
    expect(gsis[0]?.KeySchema).toEqual([
      { AttributeName: 'gsi1pk', KeyType: 'HASH' },
      { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
    ]);
    expect(gsis[0]?.Projection?.ProjectionType).toBe('ALL');

    const ttl = await db.raw.send(new DescribeTimeToLiveCommand({ TableName: db.tableName }));
    expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe('expiresAt');
  });

  it('two concurrent calls on a missing table: one creates, the other returns false', async () => {
    const db = newDb();
    const results = await Promise.all([ensureTable(db), ensureTable(createDb({ tableName: db.tableName, endpoint: inject('dynamoDbEndpoint') }))]);
    expect(results.sort()).toEqual([false, true]);
    const ttl = await db.raw.send(new DescribeTimeToLiveCommand({ TableName: db.tableName }));
    expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
  });

  it('createTableInput is derived from the one table definition', () => {
    const input = createTableInput('t');
    expect(input.TableName).toBe('t');
    expect(input.AttributeDefinitions?.map((a) => a.AttributeName)).toEqual(Object.keys(table.fields));
    expect(input.KeySchema?.[0]?.AttributeName).toBe(table.primaryIndex.hashKey);
    expect(input.KeySchema?.[1]?.AttributeName).toBe(table.primaryIndex.rangeKey);
    expect(input.GlobalSecondaryIndexes?.map((g) => g.IndexName)).toEqual(Object.keys(table.globalIndexes));
  });
});
