import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The API's custom scalars for generated clients (docs/api.md, "Generated clients"). Rupiah is a JSON
 * number (whole rupiah, a safe integer; input also takes a string of digits); Date is YYYY-MM-DD in the
 * cooperative's time zone and DateTime an ISO 8601 instant, both strings; JSON is any JSON value.
 */
export const scalars = {
  Rupiah: { input: 'number | string', output: 'number' },
  Date: 'string',
  DateTime: 'string',
  JSON: 'unknown',
} as const;

/** `npm run generate` here: typed documents for every `graphql(...)` call under app/, into app/gql/. */
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['app/**/*.ts', '!app/gql/**'],
  generates: {
    'app/gql/': {
      preset: 'client',
      // strictScalars: a scalar without a mapping fails generation instead of becoming `any`.
      config: { scalars, strictScalars: true, enumsAsTypes: true, useTypeImports: true },
    },
  },
  ignoreNoDocuments: false,
};
export default config;
