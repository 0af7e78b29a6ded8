import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import type { Key } from './keys';

/**
 * Atomically counts one more attempt in a window item and answers the new count. An atomic ADD, not a
 * read and a put: a burst of parallel guesses cannot all read "0" and slip under a limit. The item
 * expires with its window (the table's TTL attribute).
 */
export async function countAttempt(db: Db, key: Key, expiresAt: number): Promise<number> {
  const res = await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: { pk: key.pk, sk: key.sk },
      UpdateExpression: 'ADD #c :one SET #t = :type, #e = :exp',
      ExpressionAttributeNames: { '#c': 'count', '#t': 'type', '#e': 'expiresAt' },
      ExpressionAttributeValues: { ':one': 1, ':type': 'AttemptWindow', ':exp': expiresAt },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(res.Attributes?.count);
}
