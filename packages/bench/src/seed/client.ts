import type { BenchApi } from '../env';

/** Runs `work` over `items` with at most `width` in flight (seeding is I/O bound; DynamoDB Local keeps up). */
export async function pool<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/** A mutation's Success data through the API; anything else (a typed error) stops the seed with its message. */
export async function mutate(api: BenchApi, token: string, field: string, input: Record<string, unknown>, fields = '__typename', inputType?: string): Promise<any> {
  const type = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  const query = `mutation($input: ${inputType ?? `${type}Input`}!) { ${field}(input: $input) { __typename ... on Error { messageEn } ... on ${type}Success { data { ${fields} } } } }`;
  const data = await api.http.gql(query, { input }, token);
  const result = data[field] as { __typename: string; data?: any; messageEn?: string };
  if (!result.__typename.endsWith('Success')) throw new Error(`seed ${field}: ${result.__typename} ${result.messageEn ?? ''} ${JSON.stringify(input).slice(0, 300)}`);
  return result.data;
}

/** The internal ids inside an opaque GraphQL id ("Member:<coop>:<member>" in base64url). */
export function rawIds(id: string): string[] {
  return Buffer.from(id, 'base64url').toString().split(':').slice(1);
}

/** A business date `days` from `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
