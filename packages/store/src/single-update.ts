import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import type { Key } from './keys';

/**
 * One UpdateItem outside any transaction, for derived data maintained after a commit (summaries that
 * must not become a hot item inside busy transactions). Answers false when the condition did not hold,
 * which for a monotonic update ("only raise") means there was nothing to do.
 */
export async function updateOne(
  db: Db,
  key: Key,
  change: { expression: string; condition?: string; names?: Record<string, string>; values?: Record<string, unknown> },
): Promise<boolean> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: { pk: key.pk, sk: key.sk },
        UpdateExpression: change.expression,
        ...(change.condition ? { ConditionExpression: change.condition } : {}),
        ...(change.names && Object.keys(change.names).length ? { ExpressionAttributeNames: change.names } : {}),
        ...(change.values && Object.keys(change.values).length ? { ExpressionAttributeValues: change.values } : {}),
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}
