import type { UnitTestCooperative, UnitTestHost } from '@kkmp/unit-testing';

/** A mutation's result union as JSON, with every typed error's fields; throws on a GraphQL error. */
export async function run(host: UnitTestHost, field: string, input: Record<string, unknown>, selection: string, token = host.a.manager, coop: UnitTestCooperative = host.a): Promise<any> {
  const type = field[0]!.toUpperCase() + field.slice(1);
  const r = await host.gql(
    `mutation($input: ${type}Input!) { ${field}(input: $input) { __typename ... on ${type}Success { data { ${selection} } }
      ... on BusinessRuleError { rule field details } ... on ValidationError { fields { field messageEn messageId } } ... on Error { code messageEn messageId } } }`,
    { input: { cooperativeId: coop.id, ...input } },
    token,
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data[field];
}

/** Like run, but the data of a success, or a thrown error with the refusal. */
export async function ok(host: UnitTestHost, field: string, input: Record<string, unknown>, selection = 'id', token?: string): Promise<any> {
  const r = await run(host, field, input, selection, token);
  if (!String(r.__typename).endsWith('Success')) throw new Error(`${field}: ${JSON.stringify(r)}`);
  return r.data;
}
