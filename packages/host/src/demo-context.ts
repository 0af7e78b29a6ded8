import type { UnitDemoContext } from '@kkmp/plugin-sdk';

type DemoUser = 'manager' | 'staff' | 'supervisor';

/**
 * The context a unit's `demo` runs with, from a way to send operations as the demo users: the dev seed
 * and the unit test host build it the same way, so a demo behaves in its tests as in `npm run dev`.
 */
export function createDemoContext(base: Omit<UnitDemoContext, 'mutate'>): UnitDemoContext {
  return { ...base, mutate: (field, input, opts = {}) => demoMutation(base, field, input, opts) };
}

/** A unit mutation of the demo: its Success data, or an error naming the refusal. */
async function demoMutation(base: Omit<UnitDemoContext, 'mutate'>, field: string, input: Record<string, unknown>, { as = 'manager', fields = '__typename' }: { as?: DemoUser; fields?: string }) {
  const type = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  const query = `mutation($input: ${type}Input!) { ${field}(input: $input) { __typename ... on Error { messageEn } ... on ${type}Success { data { ${fields} } } } }`;
  const data = await base.gql(query, { input: { cooperativeId: base.cooperativeId, ...input } }, as);
  const result = data[field] as { __typename: string; data?: any; messageEn?: string };
  if (!result.__typename.endsWith('Success')) throw new Error(`demo ${field}: ${result.__typename} ${result.messageEn ?? ''}`);
  return result.data;
}
