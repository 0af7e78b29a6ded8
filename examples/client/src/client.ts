import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';

/** A GraphQL error as the API sends it: `extensions.code` is one of the codes in docs/api.md. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly errors: unknown[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Client {
  request<Result, Variables>(document: TadaDocumentNode<Result, Variables>, variables: Variables): Promise<Result>;
}

/**
 * The whole transport: POST JSON with the bearer token. Any fetch-based client (urql, graphql-request,
 * Apollo) does the same; this one keeps the example free of a framework.
 */
export function createClient(options: { url: string; token?: string; fetch?: typeof fetch }): Client {
  const doFetch = options.fetch ?? fetch;
  return {
    async request(document, variables) {
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: JSON.stringify({ query: print(document), variables }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      if (body.errors?.length) {
        const [first] = body.errors;
        throw new ApiError(first!.message, first!.extensions?.code, body.errors);
      }
      return body.data as never;
    },
  };
}

/**
 * A field the caller may be refused is nullable, so one refusal does not null the whole answer
 * (docs/api.md, "Errors"). It is null only with an entry in `errors[]`, and `request` above throws on
 * those; this narrows the type for a client that, like this one, treats any error as a failure.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value == null) throw new ApiError(`${what} is missing from the answer`, undefined, []);
  return value;
}
