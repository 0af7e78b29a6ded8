import * as ddb from '@aws-sdk/client-dynamodb';
import type { Db } from '@kkmp/store';
import type { RecordedCall } from './record';

type AnyInput = Record<string, any>;
type CommandClass = new (input: any) => any;

/** The commands a request may send (marshalled inputs, as the document client hands them on). */
const bare: Record<string, CommandClass> = {
  GetItem: ddb.GetItemCommand,
  BatchGetItem: ddb.BatchGetItemCommand,
  Query: ddb.QueryCommand,
  Scan: ddb.ScanCommand,
  PutItem: ddb.PutItemCommand,
  UpdateItem: ddb.UpdateItemCommand,
  DeleteItem: ddb.DeleteItemCommand,
  BatchWriteItem: ddb.BatchWriteItemCommand,
  TransactWriteItems: ddb.TransactWriteItemsCommand,
  TransactGetItems: ddb.TransactGetItemsCommand,
};

/** One request's DynamoDB work, ready to send again: its waves, each a list of commands sent together. */
export interface Replay {
  waves: { command: string; input: AnyInput }[][];
}

/**
 * The floor of a request: the same commands, in the same waves, with nothing else. Reads are sent as
 * recorded. Writes are made repeatable: their conditions (ConditionExpression, a transaction's
 * ConditionCheck items) and the transaction's ClientRequestToken are dropped, so every replay does the
 * same writes on the same items, of the same sizes, and succeeds, instead of failing a condition
 * (idempotency record exists, version moved on) and skipping the write. Placeholders only a dropped
 * condition used go with it (DynamoDB refuses unused ones). The commands go out on the bare client with
 * the API's configuration: no document marshalling, so the floor is, if anything, a little fast.
 */
export function toReplay(waves: readonly RecordedCall[][]): Replay {
  return { waves: waves.map((wave) => wave.map((c) => ({ command: c.command, input: repeatable(c.command, structuredClone(c.input)) }))) };
}

function repeatable(command: string, input: AnyInput): AnyInput {
  switch (command) {
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return withoutCondition(input);
    case 'TransactWriteItems': {
      delete input.ClientRequestToken;
      input.TransactItems = (input.TransactItems as AnyInput[])
        .filter((item) => !item.ConditionCheck)
        .map((item) => Object.fromEntries(Object.entries(item).map(([op, body]) => [op, withoutCondition(body as AnyInput)])));
      return input;
    }
    default:
      return input;
  }
}

function withoutCondition(body: AnyInput): AnyInput {
  delete body.ConditionExpression;
  delete body.ReturnValuesOnConditionCheckFailure;
  const used = [body.UpdateExpression, body.ProjectionExpression].filter(Boolean).join(' ');
  for (const field of ['ExpressionAttributeNames', 'ExpressionAttributeValues'] as const) {
    const map = body[field] as AnyInput | undefined;
    if (!map) continue;
    for (const placeholder of Object.keys(map)) if (!new RegExp(`${escape(placeholder)}(?![A-Za-z0-9_])`).test(used)) delete map[placeholder];
    if (Object.keys(map).length === 0) delete body[field];
  }
  return body;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

/** Sends one request's commands wave by wave, as the API did. */
export async function replayOnce(db: Db, replay: Replay): Promise<void> {
  for (const wave of replay.waves) await Promise.all(wave.map((c) => send(db, c.command, c.input)));
}

function send(db: Db, command: string, input: AnyInput): Promise<any> {
  return db.raw.send(new (bare[command] ?? unknownCommand(command))(input)).catch((err: Error) => {
    throw new Error(`floor ${command}: ${err.name}: ${err.message} ${JSON.stringify(input).slice(0, 400)}`);
  });
}

/**
 * The capacity units one request consumes, from DynamoDB's own ReturnConsumedCapacity on each command
 * sent again. DynamoDB Local charges a transaction's items without their size, so a transaction is
 * sized item by item (each write sent alone, reported by size) and doubled, as DynamoDB bills
 * transactional writes; a ConditionCheck counts as a transactional write of one unit (2).
 */
export async function capacityOf(db: Db, waves: readonly RecordedCall[][]): Promise<{ read: number; write: number }> {
  const used = { read: 0, write: 0 };
  const units = (answer: any): number =>
    (Array.isArray(answer.ConsumedCapacity) ? answer.ConsumedCapacity : [answer.ConsumedCapacity]).reduce((a: number, cc: any) => a + (cc?.CapacityUnits ?? 0), 0);
  for (const c of waves.flat()) {
    if (c.command === 'TransactWriteItems') {
      for (const item of c.input.TransactItems as AnyInput[]) {
        const [op, body] = Object.entries(item)[0]!;
        if (op === 'ConditionCheck') {
          used.write += 2;
          continue;
        }
        const single = { ...withoutCondition(structuredClone(body as AnyInput)), ReturnConsumedCapacity: 'TOTAL' };
        used.write += 2 * units(await send(db, `${op}Item`, single));
      }
      continue;
    }
    const input = { ...repeatable(c.command, structuredClone(c.input)), ReturnConsumedCapacity: 'TOTAL' };
    used[WRITES.has(c.command) ? 'write' : 'read'] += units(await send(db, c.command, input));
  }
  return used;
}

function unknownCommand(name: string): never {
  throw new Error(`floor: no replay for DynamoDB ${name}`);
}
