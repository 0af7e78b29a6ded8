import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import type { Key } from './keys';

/**
 * Atomically takes the next number of a counter item (1, 2, 3, ...). It is not part of any
 * transaction: concurrent takers never wait for each other, and a number taken by a request that then
 * fails stays unused (a gap) rather than being handed out twice.
 */
export async function nextNumber(db: Db, key: Key): Promise<number> {
  const res = await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: { pk: key.pk, sk: key.sk },
      UpdateExpression: 'ADD #v :one SET #t = :type',
      ExpressionAttributeNames: { '#v': 'value', '#t': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':type': 'Counter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(res.Attributes?.value);
}
