import { randomBytes } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { createApi, LOCAL_DEV_SECRET } from '@kkmp/api';
import { MAX_REQUEST_BYTES, SigningKeys, accessTokenIssuer, newPrivateJwk } from '@kkmp/host';
import type { Principal } from '@kkmp/core';
import { createDb, ensureTable, type Db } from '@kkmp/store';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve, type Served } from '../support/serve';

/**
 * Production mode against development mode, each the real yoga app behind node:http on DynamoDB Local.
 * Every finding of issue 20 that belongs to the HTTP layer has its test here; each failed before.
 */
const keys = SigningKeys.fromJwks([newPrivateJwk('prod-mode-test')]);
const own = accessTokenIssuer(keys, { issuer: 'kkmp', audience: 'kkmp-api' });
const ownToken = async (p: Principal) => (await own.issue({ ...p, grantId: 'g', sessionId: 's' }, new Date())).token;
const platform: Principal = { userId: 'ops', role: 'PLATFORM_ADMIN' };
const manager: Principal = { userId: 'mgr', role: 'COOP_MANAGER', coopId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' };
const ORIGINS = ['https://kasir.kkmp.example', 'https://dinas.kkmp.example'];

// The logger writes JSON lines to stderr; the test reads what it wrote.
const logLines: string[] = [];
const logger = new Logger({ serviceName: 'kkmp-api' });
// The real DynamoDB client, with one injected connection failure on demand: an unexpected error.
let failNext = false;
let prod: Served;
let dev: Served;
const stderrWrite = process.stderr.write.bind(process.stderr);

function failing(real: Db): Db {
  const doc = new Proxy(real.doc, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return (...args: Parameters<typeof target.send>) => {
        if (!failNext) return (target.send as (...a: unknown[]) => unknown)(...args);
        failNext = false;
        return Promise.reject(Object.assign(new Error('injected: socket hang up'), { code: 'ECONNRESET' }));
      };
    },
  });
  return { ...real, doc };
}

beforeAll(async () => {
  const real = createDb({ tableName: `prod-mode-${Date.now()}`, endpoint: inject('dynamoDbEndpoint') });
  await ensureTable(real);
  const db = failing(real);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = String(chunk);
    if (text.startsWith('{"level"')) return logLines.push(text), true;
    return stderrWrite(chunk, ...rest);
  }) as typeof process.stderr.write;
  prod = await serve(createApi({ db, auth: { signingKeys: keys, issuer: 'kkmp', audience: 'kkmp-api' }, mode: 'production', corsOrigins: ORIGINS, logger }));
  dev = await serve(createApi({ db, auth: { secret: LOCAL_DEV_SECRET, signingKeys: keys, issuer: 'kkmp', audience: 'kkmp-api' }, logger }));
});
afterAll(async () => {
  process.stderr.write = stderrWrite;
  await Promise.all([prod?.close(), dev?.close()]);
});

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, bytes: text.length, body: JSON.parse(text) as { data?: any; errors?: any[] } };
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('production mode: introspection, GraphiQL, suggestions', () => {
  it('refuses introspection to anonymous callers and to every role but PLATFORM_ADMIN (20 aliased __schema: a short refusal, not megabytes)', async () => {
    const twenty = `{ ${Array.from({ length: 20 }, (_, i) => `s${i}: __schema { types { name fields { name args { name } type { name ofType { name } } } } }`).join(' ')} }`;
    const anonymous = await post(prod.url, twenty);
    expect(anonymous.body.data).toBeUndefined();
    expect(anonymous.body.errors?.[0].message).toMatch(/introspection/i);
    expect(anonymous.bytes).toBeLessThan(50_000); // one short error per alias; open, this was 2.56 MB
    const type = await post(prod.url, '{ __type(name: "Cooperative") { fields { name } } }');
    expect(type.body.errors?.[0].message).toMatch(/introspection/i);
    const asManager = await post(prod.url, '{ __schema { queryType { name } } }', bearer(await ownToken(manager)));
    expect(asManager.body.errors?.[0].message).toMatch(/introspection/i);
    const asPlatform = await post(prod.url, '{ __schema { queryType { name } } }', bearer(await ownToken(platform)));
    expect(asPlatform.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    // Development keeps it open (GraphiQL's docs and autocompletion need it).
    expect((await post(dev.url, '{ __schema { queryType { name } } }')).body.data.__schema.queryType.name).toBe('Query');
  });

  it('serves no GraphiQL, refuses to start with it, and suggests no field names', async () => {
    const page = await fetch(prod.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/html/);
    expect(await page.text()).not.toMatch(/graphiql/i);
    expect(() => createApi({ db: {} as Db, auth: { signingKeys: keys, issuer: 'kkmp', audience: 'kkmp-api' }, mode: 'production', graphiql: { assets: {} as never } })).toThrow(/GraphiQL/);
    const typo = await post(prod.url, '{ cooperativ }', bearer(await ownToken(platform)));
    expect(typo.body.errors?.[0].message).toMatch(/Cannot query field "cooperativ"/);
    expect(typo.body.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});

describe('errors: the documented code, and a request id to report', () => {
  it('answers an anonymous { unitCatalog { id } } with UNAUTHENTICATED, not INTERNAL (both modes)', async () => {
    for (const url of [prod.url, dev.url]) {
      const res = await post(url, '{ unitCatalog { id } }');
      expect(res.body.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
      expect(res.body.errors?.[0].extensions).toMatchObject({ messageEn: expect.stringMatching(/sign in/), messageId: expect.stringMatching(/masuk/) });
    }
  });

  it('puts the request id of a masked error in the body, the x-request-id header and one structured log line; honours a sent id, replaces a bad one', async () => {
    const query = '{ cities { edges { node { name } } } }';
    const token = await ownToken(platform);
    for (const url of [prod.url, dev.url]) {
      logLines.length = 0;
      failNext = true;
      const sent = await post(url, query, { ...bearer(token), 'x-request-id': 'kasir-7.2026-12-01:0042' });
      expect(sent.body.errors).toEqual([{ message: 'Unexpected error.', path: ['cities'], extensions: { code: 'INTERNAL', requestId: 'kasir-7.2026-12-01:0042' } }]);
      expect(sent.headers.get('x-request-id')).toBe('kasir-7.2026-12-01:0042');
      expect(JSON.stringify(sent.body)).not.toMatch(/socket hang up|at .*\.ts/);
      expect(logLines).toHaveLength(1);
      const line = JSON.parse(logLines[0]!);
      expect(line).toMatchObject({ level: 'ERROR', message: 'unexpected error', service: 'kkmp-api', requestId: 'kasir-7.2026-12-01:0042', path: 'cities' });
      expect(line.error).toMatchObject({ message: 'injected: socket hang up', stack: expect.stringContaining('injected: socket hang up') });

      // No id sent, or one that is too long: a fresh UUID, the same in all three places.
      for (const header of [{}, { 'x-request-id': 'x'.repeat(500) }] as Record<string, string>[]) {
        logLines.length = 0;
        failNext = true;
        const res = await post(url, query, { ...bearer(token), ...header });
        const id = res.body.errors?.[0].extensions.requestId as string;
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
        expect(res.headers.get('x-request-id')).toBe(id);
        expect(JSON.parse(logLines[0]!).requestId).toBe(id);
      }
    }
    // An answer without errors carries the header too; an expected refusal is no incident (no log).
    logLines.length = 0;
    const ok = await post(prod.url, '{ __typename }', { 'x-request-id': 'till-1' });
    expect(ok.headers.get('x-request-id')).toBe('till-1');
    await post(prod.url, '{ unitCatalog { id } }');
    expect(logLines).toEqual([]);
  });
});

describe('what a request may be: JSON POSTs, a size limit, CORS from a list', () => {
  it('runs operations only from application/json POSTs (and GET queries): form-urlencoded, multipart and application/graphql get 415 in both modes', async () => {
    for (const url of [prod.url, dev.url]) {
      const form = await fetch(url, { method: 'POST', body: new URLSearchParams({ query: '{ __typename }' }) });
      expect(form.status).toBe(415);
      expect(await form.text()).not.toContain('"data"');
      const multipart = new FormData();
      multipart.set('operations', JSON.stringify({ query: '{ __typename }' }));
      multipart.set('map', '{}');
      expect((await fetch(url, { method: 'POST', body: multipart })).status).toBe(415);
      expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/graphql' }, body: '{ __typename }' })).status).toBe(415);
      expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) })).status).toBe(415);
      expect((await post(url, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
      const get = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
      expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    }
  });

  it(`refuses a body over ${MAX_REQUEST_BYTES} bytes with 413 in both modes (a large CSV import still fits)`, async () => {
    const padded = (bytes: number) => {
      const shell = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
      return JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(bytes - shell.length) } });
    };
    for (const url of [prod.url, dev.url]) {
      const over = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: padded(MAX_REQUEST_BYTES + 1) });
      expect(over.status).toBe(413);
      const within = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: padded(MAX_REQUEST_BYTES) });
      expect(within.status).toBe(200);
    }
  });

  it('counts a body of undeclared length (chunked, no Content-Length) and refuses it with 413 past the limit', async () => {
    // A stream body makes fetch send Transfer-Encoding: chunked: the limit is counted as the bytes arrive.
    const chunked = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 65_536) controller.enqueue(bytes.subarray(i, i + 65_536));
          controller.close();
        },
      });
      return { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit;
    };
    const query = (pad: number) => JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(pad) } });
    for (const url of [prod.url, dev.url]) {
      const over = await fetch(url, chunked(query(MAX_REQUEST_BYTES)));
      expect(over.status).toBe(413);
      const within = await fetch(url, chunked(query(MAX_REQUEST_BYTES - 100)));
      expect(within.status).toBe(200);
      expect(await within.json()).toEqual({ data: { __typename: 'Query' } });
    }
  });

  it('answers CORS only to the configured origins, never with credentials, and lets a browser read x-request-id', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    const allowed = await preflight(prod.url, ORIGINS[1]!);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGINS[1]);
    expect(allowed.headers.get('vary')).toMatch(/origin/i);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const evil = await preflight(prod.url, 'https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const evilPost = await post(prod.url, '{ __typename }', { origin: 'https://evil.example' });
    expect(evilPost.headers.get('access-control-allow-origin')).toBeNull();
    const listedPost = await post(prod.url, '{ __typename }', { origin: ORIGINS[0]! });
    expect(listedPost.headers.get('access-control-allow-origin')).toBe(ORIGINS[0]);
    expect(listedPost.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    // Development answers any origin (local front ends), still without credentials.
    const local = await preflight(dev.url, 'http://localhost:5173');
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(local.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('start-up and tokens', () => {
  const base = { db: {} as Db, auth: { issuer: 'kkmp', audience: 'kkmp-api' } };
  it('refuses the development secret and weak secrets in production mode; accepts a random one', () => {
    const withSecret = (secret: string) => () => createApi({ ...base, auth: { ...base.auth, secret }, mode: 'production' });
    expect(withSecret(LOCAL_DEV_SECRET)).toThrow(/development secret/);
    expect(withSecret(`${LOCAL_DEV_SECRET.toUpperCase()}-2`)).toThrow(/development secret/);
    expect(withSecret('s3cr3t')).toThrow(/weak: at least 32 characters/);
    expect(withSecret('a'.repeat(64))).toThrow(/weak: about 0 bits/);
    expect(withSecret('changeme'.repeat(5))).toThrow(/weak/);
    expect(withSecret(randomBytes(48).toString('base64'))).not.toThrow();
    // Development mode still runs on it (npm run dev, tests).
    expect(() => createApi({ ...base, auth: { ...base.auth, secret: LOCAL_DEV_SECRET } })).not.toThrow();
  });

  it('refuses a token that lives longer than the documented maximum (31 days; the API\'s own: 1 hour)', async () => {
    const hs256 = (lifetime: string) =>
      new SignJWT({ role: 'PLATFORM_ADMIN' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('ops')
        .setIssuer('kkmp')
        .setAudience('kkmp-api')
        .setIssuedAt()
        .setExpirationTime(lifetime)
        .sign(new TextEncoder().encode(LOCAL_DEV_SECRET));
    const me = '{ me { role } }';
    expect((await post(dev.url, me, bearer(await hs256('31d')))).body.data.me.role).toBe('PLATFORM_ADMIN');
    const tenYears = await post(dev.url, me, bearer(await hs256('3650d')));
    expect(tenYears.status).toBe(401);
    expect(tenYears.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await post(dev.url, me, bearer(await hs256('32d')))).status).toBe(401);
    const long = accessTokenIssuer(keys, { issuer: 'kkmp', audience: 'kkmp-api', minutes: 120 });
    const twoHours = (await long.issue({ ...platform, grantId: 'g', sessionId: 's' }, new Date())).token;
    expect((await post(prod.url, me, bearer(twoHours))).status).toBe(401);
    expect((await post(prod.url, me, bearer(await ownToken(platform)))).body.data.me.role).toBe('PLATFORM_ADMIN');
  });
});
