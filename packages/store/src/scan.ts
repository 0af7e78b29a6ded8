import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';

/**
 * Every item of the table matching a filter, page by page (for one-off operator jobs such as backfills,
 * never on a request path: a scan reads the whole table).
 */
export async function scanAll(
  db: Db,
  filter: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
  page: (items: Record<string, unknown>[]) => Promise<void>,
): Promise<void> {
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.doc.send(
      new ScanCommand({
        TableName: db.tableName,
        FilterExpression: filter.expression,
        ...(filter.names ? { ExpressionAttributeNames: filter.names } : {}),
        ...(filter.values ? { ExpressionAttributeValues: filter.values } : {}),
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    if (res.Items?.length) await page(res.Items);
    start = res.LastEvaluatedKey;
  } while (start);
}
