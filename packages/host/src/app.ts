import { systemClock, createCoreContext, type Clock, type Principal } from '@kkmp/core';
import type { Db } from '@kkmp/store';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { createVerifier, InvalidToken, type AuthConfig } from './auth';
import { accessTokenIssuer } from './auth/issuer';
import { jwksEndpoint } from './auth/jwks-endpoint';
import { SigningKeys } from './auth/keys';
import { noSender } from './auth/code-sender';
import { sourceOf, type HostContext } from './auth/context';
import type { CodeSender } from '@kkmp/core';
import type { ApiContext } from '@kkmp/plugin-sdk';
import { maskError } from './errors';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import { buildHostSchema, type HostSchema, type SchemaChecks } from './build-schema';
import { graphiqlOptions, selfHostedGraphiQL, type GraphiQLSetup } from './graphiql';
import { authenticateDevice, isDeviceHeader } from './devices/authenticate';
import { useDeviceScope } from './devices/scope';
import type { ApiMode } from './http/mode';
import { MAX_REQUEST_BYTES, useRequestBodyLimit } from './http/limits';
import { useJsonOnlyPosts } from './http/json-only';
import { checkOrigins, corsOptions } from './http/cors';
import { assertStrongSecret } from './http/secrets';
import { defaultLogger, type ErrorLogger } from './http/logger';
import { requestIdOf, useRequestId } from './http/request-id';
import { useProductionIntrospection } from './http/introspection';

export interface ApiOptions {
  db: Db;
  auth: AuthConfig;
  clock?: Clock;
  /** GraphiQL in the browser, self-hosted, with example tabs and demo tokens: local development only. */
  graphiql?: false | GraphiQLSetup;
  graphqlEndpoint?: string;
  /** The unit plugins this deployment installs (validated at start-up). */
  units: readonly AnyUnit[];
  /** Delivers invitation and sign-in codes (SMS/e-mail in AWS, an outbox locally). */
  codeSender?: CodeSender;
  /** Access-token lifetime in minutes (default 5). */
  accessTokenMinutes?: number;
  /**
   * "production" (the Lambda handler; `KKMP_MODE=production npm run dev`): introspection only for a
   * PLATFORM_ADMIN, no GraphiQL, no field suggestions, no CORS but the configured origins, and the
   * development or a weak HS256 secret refused at start-up. Default "development".
   */
  mode?: ApiMode;
  /** Web origins allowed to call from a browser (KKMP_CORS_ORIGINS); see http/cors.ts. */
  corsOrigins?: readonly string[];
  /** Where unexpected errors are logged, with the request id (default: Powertools' JSON logger). */
  logger?: ErrorLogger;
  /**
   * "deployed" only in the Lambda handler, whose unit set `npm run build` checked in full before bundling
   * it: the code-only start-up checks are not repeated on every cold start (see SchemaChecks). Default "all".
   */
  schemaChecks?: SchemaChecks;
}

// Building and validating the schema is start-up work: once per unit set (and depth of checking), not
// once per app instance.
const schemas = { all: new WeakMap<readonly AnyUnit[], HostSchema>(), deployed: new WeakMap<readonly AnyUnit[], HostSchema>() };

/** The yoga app: auth, limits, error masking. Runs the same under node:http, Lambda and tests. */
export function createApi(options: ApiOptions): YogaServerInstance<Record<string, unknown>, ApiContext> {
  const checks = options.schemaChecks ?? 'all';
  let host = schemas[checks].get(options.units);
  if (!host) {
    host = buildHostSchema(options.units, undefined, checks);
    schemas[checks].set(options.units, host);
  }
  const mode = options.mode ?? 'development';
  if (mode === 'production') refuseDevelopmentSetup(options);
  const origins = options.corsOrigins ? checkOrigins(options.corsOrigins) : undefined;
  const clock = options.clock ?? systemClock;
  const signingKeys = options.auth.signingKeys ?? SigningKeys.ephemeral();
  const verify = createVerifier({ ...options.auth, signingKeys }, clock);
  const tokens = accessTokenIssuer(signingKeys, { issuer: options.auth.issuer, audience: options.auth.audience, ...(options.accessTokenMinutes ? { minutes: options.accessTokenMinutes } : {}) });
  const sender = options.codeSender ?? noSender;
  const graphiql = options.graphiql ? selfHostedGraphiQL(options.graphiql.assets) : undefined;
  // One verification per request, shared by the introspection check and the context.
  const principals = new WeakMap<Request, Promise<Principal | null>>();
  const principalOf = (request: Request): Promise<Principal | null> => {
    let p = principals.get(request);
    if (!p) {
      const header = request.headers.get('authorization');
      p = isDeviceHeader(header) ? Promise.resolve(null) : authenticate(header, verify);
      principals.set(request, p);
    }
    return p;
  };
  return createYoga<Record<string, unknown>, ApiContext>({
    schema: host.schema,
    graphqlEndpoint: options.graphqlEndpoint ?? '/graphql',
    landingPage: false,
    // A factory: the examples' "$today" is the day the page is opened.
    graphiql: options.graphiql ? () => graphiqlOptions(options.units, options.graphiql as GraphiQLSetup) : false,
    ...(graphiql ? { renderGraphiQL: graphiql.render } : {}),
    maskedErrors: { maskError },
    // Expected errors are answers, not incidents; unexpected ones are logged by useRequestId.
    logging: false,
    cors: corsOptions(mode, origins),
    // Checked by useRequestBodyLimit (which does not count a body of declared length twice).
    maxRequestBodySize: false,
    multipart: false,
    plugins: [
      useJsonOnlyPosts(),
      useRequestBodyLimit(MAX_REQUEST_BYTES),
      useRequestId(options.logger ?? defaultLogger()),
      ...(mode === 'production' ? [useProductionIntrospection(principalOf)] : []),
      jwksEndpoint(signingKeys),
      ...(graphiql ? [graphiql.plugin] : []),
      EnvelopArmorPlugin({
        maxDepth: { n: 12 },
        maxAliases: { n: 20 },
        maxTokens: { n: 3000 },
        maxDirectives: { n: 20 },
        costLimit: { maxCost: 20000 },
        // Suggestions help people in GraphiQL; in production they only help attackers map the schema.
        blockFieldSuggestion: { enabled: mode === 'production' || !options.graphiql },
      }),
      // A device credential may run only its unit's device mutations.
      useDeviceScope(),
    ],
    context: async (initial): Promise<HostContext> => {
      const { request } = initial;
      const header = request.headers.get('authorization');
      // A device is no user: no principal, so no core rule or unit gate lets it in (see devices/).
      const device = isDeviceHeader(header) ? await authenticateDevice(options.db, header) : null;
      const principal = device ? null : await principalOf(request);
      return {
        principal,
        device,
        requestId: requestIdOf(request),
        core: createCoreContext({ db: options.db, clock, principal, chart: host.chart }),
        people: { tokens, sender, source: sourceOf(initial) },
      };
    },
  });
}

async function authenticate(header: string | null, verify: (token: string) => Promise<Principal>): Promise<Principal | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  try {
    if (!match) throw new InvalidToken('expected "Authorization: Bearer <token>"');
    return await verify(match[1]!);
  } catch (err) {
    if (!(err instanceof InvalidToken)) throw err;
    throw new GraphQLError(err.message, {
      extensions: {
        code: 'UNAUTHENTICATED',
        messageEn: 'your token is invalid or expired; sign in again',
        messageId: 'token Anda tidak valid atau kedaluwarsa; silakan masuk lagi',
        http: { status: 401 },
      },
    });
  }
}

/** Production mode starts only without development conveniences that would open it. */
function refuseDevelopmentSetup(options: ApiOptions): void {
  if (options.graphiql) throw new Error('production mode serves no GraphiQL: remove the graphiql option');
  if (options.auth.secret !== undefined) assertStrongSecret(options.auth.secret);
}
