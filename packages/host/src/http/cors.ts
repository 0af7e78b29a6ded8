import type { YogaServerOptions } from 'graphql-yoga';
import type { ApiMode } from './mode';

type CorsOption = YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors'];

/** Headers a browser client may read from a cross-origin answer. */
const EXPOSED = ['x-request-id'];

/**
 * Which web pages may call the API from a browser. A configured list (KKMP_CORS_ORIGINS) is exact:
 * an origin not on it gets no CORS headers, so the browser keeps the answer from that page. Without a
 * list, production answers no other origin at all and development answers any (GraphiQL and local
 * front ends). Credentials are never allowed: the API reads bearer tokens, never cookies.
 */
export function corsOptions(mode: ApiMode, origins: readonly string[] | undefined): CorsOption {
  const common = { credentials: false, exposedHeaders: EXPOSED, maxAge: 600 };
  if (origins?.length) {
    const allowed = new Set(origins);
    return (request: Request) => {
      const origin = request.headers.get('origin');
      // Two entries, not one: the library then answers this origin and adds "Vary: Origin", which a
      // cache needs because other origins get a different answer.
      return origin && allowed.has(origin) ? { ...common, origin: [origin, origin] } : false;
    };
  }
  if (mode === 'production') return false;
  return { ...common, origin: '*' };
}

/** An origin as a browser sends it: scheme, host and port, nothing more. */
export function checkOrigins(origins: readonly string[]): string[] {
  return origins.map((o) => {
    let url: URL | undefined;
    try {
      url = new URL(o);
    } catch {
      url = undefined;
    }
    if (!url || url.origin !== o || !/^https?:$/.test(url.protocol)) {
      throw new Error(`CORS origin ${JSON.stringify(o)} is not an origin (scheme://host[:port], no path or trailing slash, no "*")`);
    }
    return o;
  });
}
