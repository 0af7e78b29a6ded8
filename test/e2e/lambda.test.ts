import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { LOCAL_DEV_SECRET, mintToken } from '@kkmp/api';
import { SigningKeys, accessTokenIssuer, newPrivateJwk } from '@kkmp/host';
import type { Principal } from '@kkmp/core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let handler: typeof import('@kkmp/api/lambda').handler;

// The deployment's ES256 key (KKMP_SIGNING_KEYS in AWS); tokens below are signed with it, as sign-in does.
const jwk = newPrivateJwk('lambda-test-key');
const issuer = accessTokenIssuer(SigningKeys.fromJwks([jwk]), { issuer: 'kkmp', audience: 'kkmp-api' });
const es256 = async (p: Principal) => (await issuer.issue({ ...p, grantId: 'g', sessionId: 's' }, new Date())).token;

beforeAll(async () => {
  api = await startTestApi();
  f = await cityWithCoop(api, 'Kota Lambda');
  // The handler reads its settings from the environment, as in AWS; only the endpoint points to DynamoDB Local.
  process.env.KKMP_TABLE_NAME = api.db.tableName;
  process.env.KKMP_DYNAMODB_ENDPOINT = inject('dynamoDbEndpoint');
  process.env.KKMP_SIGNING_KEYS = JSON.stringify([jwk]);
  ({ handler } = await import('@kkmp/api/lambda'));
});
afterAll(() => api.close());

function event(over: Partial<APIGatewayProxyEventV2> & { method?: string }): APIGatewayProxyEventV2 {
  const method = over.method ?? 'POST';
  return {
    version: '2.0',
    routeKey: `${method} /graphql`,
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'abc123.execute-api.ap-southeast-3.amazonaws.com' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-southeast-3.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: `${method} /graphql`,
      stage: '$default',
      time: '23/Nov/2026:10:00:00 +0000',
      timeEpoch: 1795466400000,
    },
    isBase64Encoded: false,
    ...over,
  };
}

const query = `query($id: ID!) { cooperative(id: $id) { __typename ... on Cooperative { name city { name } } } }`;

describe('Lambda handler with synthetic API Gateway v2 events', () => {
  it('answers a POST query from DynamoDB Local', async () => {
    const token = await es256({ userId: 'mgr', role: 'COOP_MANAGER', coopId: f.rawCoopId });
    const res = await handler(
      event({ headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables: { id: f.coopId } }) }),
    );
    expect(res.statusCode).toBe(200);
    expect(String(res.headers?.['content-type'])).toMatch(/json/);
    expect(JSON.parse(res.body!).data.cooperative).toEqual({ __typename: 'Cooperative', name: expect.stringContaining('KKMP Sukamaju'), city: { name: 'Kota Lambda' } });
  });

  it('accepts a base64-encoded body and a GET with the query in the query string', async () => {
    const token = await es256({ userId: 'dinas', role: 'CITY_ADMIN', cityId: f.rawCityId });
    const b64 = await handler(
      event({
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: Buffer.from(JSON.stringify({ query, variables: { id: f.coopId } })).toString('base64'),
        isBase64Encoded: true,
      }),
    );
    expect(JSON.parse(b64.body!).data.cooperative.city.name).toBe('Kota Lambda');
    const params = new URLSearchParams({ query: `{ me { role cityId } }` });
    const get = await handler(event({ method: 'GET', rawQueryString: params.toString(), headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }));
    expect(get.statusCode).toBe(200);
    expect(JSON.parse(get.body!).data.me).toEqual({ role: 'CITY_ADMIN', cityId: f.cityId });
  });

  it('refuses another tenant and a bad token the same way as over HTTP', async () => {
    const outsider = await es256({ userId: 'x', role: 'COOP_MANAGER', coopId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    const res = await handler(event({ headers: { 'content-type': 'application/json', authorization: `Bearer ${outsider}` }, body: JSON.stringify({ query: query.replace('__typename', '__typename ... on Error { code }'), variables: { id: f.coopId } }) }));
    expect(JSON.parse(res.body!).data.cooperative).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const bad = await handler(event({ headers: { 'content-type': 'application/json', authorization: 'Bearer nope' }, body: JSON.stringify({ query }) }));
    expect(bad.statusCode).toBe(401);
  });

  it('refuses to start with KKMP_CLOCK set: a deployed API never runs on the dev clock', async () => {
    process.env.KKMP_CLOCK = '+45d';
    try {
      vi.resetModules();
      await expect(import('@kkmp/api/lambda')).rejects.toThrow(/KKMP_CLOCK is set \("\+45d"\).*npm run dev/);
    } finally {
      delete process.env.KKMP_CLOCK;
      vi.resetModules();
    }
    // Without it the handler loads and serves as before.
    const fresh = (await import('@kkmp/api/lambda')).handler;
    const res = await fresh(event({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }));
    expect(res.statusCode).toBe(200);
  });

  it('refuses a token signed with the development secret (HS256) with 401', async () => {
    const dev = await mintToken({ userId: 'mgr', role: 'COOP_MANAGER', coopId: f.rawCoopId }, { secret: LOCAL_DEV_SECRET });
    const res = await handler(event({ headers: { 'content-type': 'application/json', authorization: `Bearer ${dev}` }, body: JSON.stringify({ query, variables: { id: f.coopId } }) }));
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body!).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // And one signed with another ES256 key, even with a kid of ours.
    const stranger = accessTokenIssuer(SigningKeys.fromJwks([newPrivateJwk('lambda-test-key')]), { issuer: 'kkmp', audience: 'kkmp-api' });
    const forged = (await stranger.issue({ userId: 'x', role: 'PLATFORM_ADMIN', grantId: 'g', sessionId: 's' }, new Date())).token;
    expect((await handler(event({ headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` }, body: JSON.stringify({ query: '{ me { role } }' }) }))).statusCode).toBe(401);
  });

  it('refuses to start with the development secret configured (KKMP_JWT_SECRET)', async () => {
    process.env.KKMP_JWT_SECRET = LOCAL_DEV_SECRET;
    try {
      vi.resetModules();
      await expect(import('@kkmp/api/lambda')).rejects.toThrow(/KKMP_JWT_SECRET is set/);
    } finally {
      delete process.env.KKMP_JWT_SECRET;
      vi.resetModules();
    }
  });

  it('runs in production mode: no anonymous introspection, no GraphiQL, no CORS without KKMP_CORS_ORIGINS, a request id on every answer', async () => {
    const intro = await handler(event({ body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) }));
    expect(JSON.parse(intro.body!).errors[0].message).toMatch(/introspection/i);
    expect(intro.headers?.['x-request-id']).toBe('req-1'); // API Gateway's request id when the client sent none
    const gatewayShaped = event({ body: JSON.stringify({ query: '{ __typename }' }) });
    gatewayShaped.requestContext.requestId = 'JhJY7gFGjoEEMEw=';
    expect((await handler(gatewayShaped)).headers?.['x-request-id']).toBe('JhJY7gFGjoEEMEw=');
    const page = await handler(event({ method: 'GET', headers: { accept: 'text/html', host: 'abc123.execute-api.ap-southeast-3.amazonaws.com' } }));
    expect(String(page.body)).not.toMatch(/graphiql/i);
    const cors = await handler(event({ headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ query: '{ __typename }' }) }));
    expect(cors.headers?.['access-control-allow-origin']).toBeUndefined();
    expect(cors.headers?.['access-control-allow-credentials']).toBeUndefined();
  });

  it('refuses to start with KKMP_MODE=development: a deployed API is always production mode', async () => {
    process.env.KKMP_MODE = 'development';
    try {
      vi.resetModules();
      await expect(import('@kkmp/api/lambda')).rejects.toThrow(/KKMP_MODE=development is set/);
    } finally {
      delete process.env.KKMP_MODE;
      vi.resetModules();
    }
  });

  it('publishes the public signing keys at /.well-known/jwks.json (no private part)', async () => {
    const res = await handler(event({ method: 'GET', rawPath: '/.well-known/jwks.json', headers: {} }));
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body!);
    expect(body.keys).toEqual([{ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid: 'lambda-test-key', alg: 'ES256', use: 'sig' }]);
    expect(res.body).not.toContain(String(jwk.d));
  });
});
