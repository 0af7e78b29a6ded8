import type { Rupiah } from '@kkmp/core';
import { UnauthenticatedError } from '@kkmp/core/kernel';
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';

import type { ApiContext } from './context';

export interface BuilderTypes {
  Context: ApiContext;
  AuthScopes: {
    /** Any signed-in caller. Tenant and role checks happen in the services, on every path. */
    authenticated: boolean;
  };
  Scalars: {
    ID: { Input: string; Output: string };
    Rupiah: { Input: Rupiah; Output: Rupiah };
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}

const capitalize = (s: string) => s.slice(0, 1).toUpperCase() + s.slice(1);

/**
 * A fresh schema builder with the project's plugins and conventions. One per schema: the host builds the
 * core types and every installed unit's types on the same builder, so the result is one static schema.
 * Plugin order matters: errors before scope-auth so an authorization failure can be a typed error.
 */
export function createBuilder() {
  const builder = new SchemaBuilder<BuilderTypes>({
    plugins: [ErrorsPlugin, ScopeAuthPlugin, RelayPlugin],
    defaultFieldNullability: false,
    defaultInputFieldRequiredness: true,
    scopeAuth: {
      authScopes: (ctx) => ({ authenticated: !!ctx.principal }),
      // The one scope is "authenticated": failing it means no token, which the API answers as
      // UNAUTHENTICATED (the plugin's own ForbiddenError would be masked as INTERNAL).
      unauthorizedError: () => new UnauthenticatedError(),
    },
    relay: {
      // Ids already encode type and tenant (see ids.ts); generic node/nodes root fields would bypass tenant checks.
      nodeQueryOptions: false,
      nodesQueryOptions: false,
      clientMutationId: 'omit',
      cursorType: 'String',
      edgesFieldOptions: { nullable: false },
      nodeFieldOptions: { nullable: false },
    },
    errors: {
      defaultResultOptions: {
        name: ({ fieldName }) => `${capitalize(fieldName)}Success`,
        description: 'The operation succeeded; its result is in `data`.',
      },
      defaultUnionOptions: {
        name: ({ fieldName }) => `${capitalize(fieldName)}Result`,
        description: 'Either the success type or one of the typed errors (all implement `Error`).',
      },
    },
  });
  builder.queryType({ description: "Read operations. Every field checks the caller's tenant and role." });
  builder.mutationType({
    description:
      'Write operations. Each takes an `input` with an optional `idempotencyKey`: repeating a mutation with the same key returns the first result and writes nothing more. Each returns a union of its success type and typed errors.',
  });
  return builder;
}

/** The builder type plugins receive. */
export type Builder = ReturnType<typeof createBuilder>;
