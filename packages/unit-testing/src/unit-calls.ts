import type { UnitTestCooperative, UnitTestHost } from './host';

/** What a unit's tests call its operations with, as one of the cooperative's people. */
export interface UnitCalls {
  /** Runs a unit mutation (`<field>(input:)`, the cooperative filled in); answers the union member it got. */
  run(field: string, input: Record<string, unknown>, token?: string): Promise<any>;
  /** Like `run`, but throws unless the answer is the Success member; answers its `data`. */
  ok(field: string, input: Record<string, unknown>, token?: string): Promise<any>;
  /** Runs a query with `$c` bound to the cooperative's id; throws on GraphQL errors; answers `data`. */
  query(q: string, vars?: Record<string, unknown>, token?: string): Promise<any>;
}

const typeName = (field: string) => `${field[0]!.toUpperCase()}${field.slice(1)}`;

/**
 * The mutation and query calls every unit's test support needs. `selections` names what each mutation's
 * Success `data` selects (default `id`); every error member's fields are selected, so a test sees the
 * field, rule and both languages of any refusal. Calls run as the cooperative's manager unless given a token.
 */
export function unitCalls(host: UnitTestHost, coop: UnitTestCooperative, selections: Record<string, string> = {}): UnitCalls {
  const run = async (field: string, input: Record<string, unknown>, token = coop.manager) => {
    const q = `mutation($input: ${typeName(field)}Input!) { ${field}(input: $input) { __typename
      ... on ${typeName(field)}Success { data { ${selections[field] ?? 'id'} } }
      ... on ValidationError { fields { field messageEn messageId } }
      ... on BusinessRuleError { rule field details }
      ... on Error { code messageEn messageId } } }`;
    const r = await host.gql(q, { input: { cooperativeId: coop.id, ...input } }, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data[field];
  };
  const ok = async (field: string, input: Record<string, unknown>, token?: string) => {
    const r = await run(field, input, token);
    if (!r.__typename.endsWith('Success')) throw new Error(`${field}: ${JSON.stringify(r)}`);
    return r.data;
  };
  const query = async (q: string, vars: Record<string, unknown> = {}, token = coop.manager) => {
    const r = await host.gql(q, { c: coop.id, ...vars }, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  return { run, ok, query };
}
