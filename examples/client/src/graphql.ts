import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * `graphql()` typed from the committed schema.graphql (through graphql-env.d.ts, which `npm run schema`
 * regenerates). Custom scalars as they travel in JSON: Rupiah is a whole-rupiah number.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    ID: string;
    Rupiah: number;
    Date: string;
    DateTime: string;
    JSON: unknown;
  };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
