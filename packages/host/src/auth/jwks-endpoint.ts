import type { Plugin } from 'graphql-yoga';
import type { SigningKeys } from './keys';

export const JWKS_PATH = '/.well-known/jwks.json';

/** Publishes the public signing keys (what a gateway or another service verifies tokens with). */
export function jwksEndpoint(keys: SigningKeys): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== JWKS_PATH) return;
      endResponse(
        new fetchAPI.Response(JSON.stringify(keys.jwks()), {
          headers: { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=300' },
        }),
      );
    },
  };
}
