import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '@kkmp/store';

/**
 * What became of a root field: "OK", or the error code, whether it came back as a typed union member
 * (mutations, reads by id) or in the GraphQL errors list (nested fields and lists).
 */
export function outcome(res: { data: any; errors?: any[] }, field: string): string {
  const value = res.data?.[field];
  if (value && typeof value === 'object' && typeof value.code === 'string' && String(value.__typename).endsWith('Error')) return value.code;
  const error = res.errors?.find((e) => e.path?.[0] === field) ?? res.errors?.[0];
  if (error) return error.extensions?.code ?? 'ERROR';
  return value == null ? 'NULL' : 'OK';
}

/** Every item of a test's table except audit entries (a refused mutation is audited; nothing else may change). */
export async function businessItems(db: Db): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.doc.send(new ScanCommand({ TableName: db.tableName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return items.filter((i) => !String(i.sk).startsWith('AUDIT#')).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
}
