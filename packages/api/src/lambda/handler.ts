import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createApi } from '../app';
import { apiOptionsFromEnv, refuseDevClock, refuseDevelopmentMode, refuseSharedSecret } from '../config';

// Checked at load, so a function deployed with KKMP_CLOCK, the HS256 development secret or
// KKMP_MODE=development fails its cold start instead of serving. apiOptionsFromEnv sets production mode.
refuseDevClock();
refuseSharedSecret();
refuseDevelopmentMode();

// Built once per Lambda instance, at module load: in the init phase (which runs at full CPU and before the
// first request arrives), not on the first invocation. Reused by every invocation the instance serves.
// "deployed": build.ts built this unit set's schema with every check before it bundled this handler, so
// the checks that depend only on code are not repeated here (configuration and secrets still are, above
// and in apiOptionsFromEnv).
const api = createApi({ ...apiOptionsFromEnv(), schemaChecks: 'deployed' });
// One trivial operation through the whole app, still during init: yoga and envelop set up what they
// build lazily (plugins, the parse and validate caches), so the first real request finds them ready.
// It reads nothing from DynamoDB.
try {
  await (await api.fetch('https://init.local/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).text();
} catch {
  // A failed warm-up only means the first request does this work itself.
}

/** API Gateway HTTP API (payload format 2.0) -> yoga -> API Gateway result. */
export async function handler(event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> {
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const url = `https://${event.requestContext.domainName}${event.rawPath}${query}`;
  const method = event.requestContext.http.method;
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers.set(name, value);
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  if (!headers.has('x-request-id')) headers.set('x-request-id', event.requestContext.requestId);
  const body = event.body === undefined || method === 'GET' || method === 'HEAD' ? undefined : event.isBase64Encoded ? Buffer.from(event.body, 'base64') : event.body;
  const response = await api.fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) }, { lambdaContext: context, sourceIp: event.requestContext.http.sourceIp });
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (lower !== 'set-cookie') outHeaders[lower] = value;
  });
  const cookies = response.headers.getSetCookie();
  return {
    statusCode: response.status,
    headers: outHeaders,
    body: await response.text(),
    isBase64Encoded: false,
    ...(cookies.length ? { cookies } : {}),
  };
}
