/**
 * Several mutations in one GraphQL request, each under its own alias. GraphQL runs a mutation's root
 * fields one after another in the order written, so a batch is the same as the calls made one by one,
 * in one round trip. The API's armor allows at most 20 aliases per request.
 */
export interface MutationCall {
  /** Mutation field, e.g. "sembakoSell". */
  field: string;
  /** Its input object (sent as a variable). */
  input: Record<string, unknown>;
  /** GraphQL type of the input when it is not `<Field>Input` (e.g. enableUnit takes UnitSettingsInput). */
  inputType?: string;
  /** Selection inside the success payload's `data`; `__typename` when nothing is needed back. */
  data?: string;
}

export interface MutationResult {
  __typename: string;
  data?: any;
  code?: string;
  messageEn?: string;
  messageId?: string;
  fields?: { field: string; messageEn: string; messageId: string }[];
}

export const MAX_ALIASES = 20;

const capitalized = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The request of a batch: aliases are the keys of `calls`, each with its own `$alias` input variable. */
export function batchRequest(calls: Record<string, MutationCall>): { query: string; variables: Record<string, unknown> } {
  const entries = Object.entries(calls);
  if (entries.length === 0 || entries.length > MAX_ALIASES) throw new Error(`a batch holds 1 to ${MAX_ALIASES} mutations, not ${entries.length}`);
  const params = entries.map(([alias, c]) => `$${alias}: ${c.inputType ?? `${capitalized(c.field)}Input`}!`);
  const fields = entries.map(
    ([alias, c]) =>
      `${alias}: ${c.field}(input: $${alias}) { __typename ... on Error { code messageEn messageId } ... on ValidationError { fields { field messageEn messageId } } ` +
      `... on ${capitalized(c.field)}Success { data { ${c.data ?? '__typename'} } } }`,
  );
  return { query: `mutation(${params.join(', ')}) {\n  ${fields.join('\n  ')}\n}`, variables: Object.fromEntries(entries.map(([alias, c]) => [alias, c.input])) };
}

/** The `data` of every alias, or an Error naming each alias that did not succeed and why. */
export function successes(results: Record<string, MutationResult>): Record<string, any> {
  const failed = Object.entries(results).filter(([, r]) => !r.__typename.endsWith('Success'));
  if (failed.length) throw new Error(`not all mutations succeeded:\n${failed.map(([alias, r]) => `  ${alias}: ${JSON.stringify(r)}`).join('\n')}`);
  return Object.fromEntries(Object.entries(results).map(([alias, r]) => [alias, r.data]));
}
