import { buildHostSchema } from '@kkmp/host';
import { installedUnits } from '@kkmp/api';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { undocumented } from '../support/undocumented';

describe('every type, field, argument, input field, enum value and directive of the schema has a description', () => {
  it('has no undocumented element, installed units included (front-end teams read them in GraphiQL)', () => {
    const { schema } = buildHostSchema(installedUnits);
    expect(undocumented(schema)).toEqual([]);
  });

  it('the check finds each kind of undocumented element', () => {
    const schema = buildSchema(/* GraphQL */ `
      "Documented." type Query { "Documented." a(x: Int): Thing "Documented." b: Kind }
      type Thing { "Documented." id: ID! name: String }
      "Documented." enum Kind { "Documented." ONE TWO }
      "Documented." input Filter { q: String "Documented." r: Int }
      "Documented." type Mutation { "Documented." f("Documented." filter: Filter, blank: String = ""): Int }
      "  " scalar Rupiah
      directive @cost(weight: Int) on FIELD_DEFINITION
    `);
    expect(undocumented(schema).sort()).toEqual(
      ['@cost', '@cost(weight)', 'Filter.q', 'Kind.TWO', 'Mutation.f(blank)', 'Query.a(x)', 'Rupiah', 'Thing', 'Thing.name'].sort(),
    );
  });
});
