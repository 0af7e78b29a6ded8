import type { Principal } from '@kkmp/core';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';

/**
 * Production answers `__schema` and `__type` only to a PLATFORM_ADMIN (operators checking what is
 * deployed). Front ends never need it: codegen and gql.tada read `schema.graphql` from the repository.
 * A full introspection answer is megabytes for a small request and graphql-armor's cost limit does not
 * count it, so it is closed to everyone else, anonymous callers first.
 */
export function useProductionIntrospection(principalOf: (request: Request) => Promise<Principal | null>): Plugin {
  return useDisableIntrospection({
    isDisabled: async (request) => {
      try {
        return (await principalOf(request))?.role !== 'PLATFORM_ADMIN';
      } catch {
        return true; // a bad token: refused with 401 when the context is built
      }
    },
  }) as Plugin;
}
