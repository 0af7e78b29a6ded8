import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleLambda, type LambdaBundle } from '@kkmp/api/bundle';
import { SigningKeys, accessTokenIssuer, newPrivateJwk } from '@kkmp/host';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';

// The bundle as deployed (packages/api/src/lambda/bundle.ts; SST ships npm run build's folder as is):
// handler.mjs, the chunks it imports, and the chunks loaded on demand. lambda.test.ts runs the handler's
// source; this runs the bundle, in a fresh Node process, as Lambda does.
const dir = mkdtempSync(join(tmpdir(), 'kkmp-lambda-bundle-'));
let bundle: LambdaBundle;
let api: TestApi;

beforeAll(async () => {
  bundle = await bundleLambda(require.resolve('@kkmp/api/lambda'), join(dir, 'lambda'));
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Lambda bundle', () => {
  it('loads at cold start only what a request needs: SES/SNS, the ESC/POS encoder and the demos are chunks loaded on demand', () => {
    const loaded = new Map(bundle.byPackage);
    const lazy = new Map(bundle.lazyByPackage);
    for (const pkg of ['@aws-sdk/client-sesv2', '@aws-sdk/client-sns', '@point-of-sale/receipt-printer-encoder']) {
      expect(loaded.has(pkg), `${pkg} loaded at cold start`).toBe(false);
      expect(lazy.get(pkg) ?? 0, `${pkg} in a chunk`).toBeGreaterThan(0);
    }
    expect(bundle.total).toBeGreaterThan(bundle.size);
    const chunks = readdirSync(join(dir, 'lambda', 'chunks')).filter((f) => f.endsWith('.mjs'));
    // The LPG demo's buyers are in a chunk of their own, not in the handler.
    expect(readFileSync(join(dir, 'lambda', 'handler.mjs'), 'utf8')).not.toContain('Bu Siti Aminah');
    expect(chunks.some((f) => readFileSync(join(dir, 'lambda', 'chunks', f), 'utf8').includes('Bu Siti Aminah'))).toBe(true);
  });

  it('answers API Gateway events from DynamoDB Local in a fresh Node process (the deployed file, not the source), typed errors included', async () => {
    const f = await cityWithCoop(api, 'Kota Bundel');
    const other = await cityWithCoop(api, 'Kota Lain');
    const jwk = newPrivateJwk('bundle-test-key');
    const issuer = accessTokenIssuer(SigningKeys.fromJwks([jwk]), { issuer: 'kkmp', audience: 'kkmp-api' });
    const { token } = await issuer.issue({ userId: 'mgr', role: 'COOP_MANAGER', coopId: f.rawCoopId, grantId: 'g', sessionId: 's' }, new Date());
    const domainName = 'abc123.execute-api.ap-southeast-3.amazonaws.com';
    const event = (id: string) => ({
      version: '2.0',
      rawPath: '/graphql',
      rawQueryString: '',
      headers: { 'content-type': 'application/json', host: domainName, authorization: `Bearer ${token}` },
      requestContext: { domainName, requestId: 'bundle-1', http: { method: 'POST', path: '/graphql', sourceIp: '203.0.113.7' } },
      body: JSON.stringify({ query: 'query($id: ID!) { cooperative(id: $id) { __typename ... on Cooperative { name city { name } } ... on Error { code } } }', variables: { id } }),
      isBase64Encoded: false,
    });
    const events = [event(f.coopId), event(other.coopId)];
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle.outfile).href)}); const out = []; for (const e of ${JSON.stringify(events)}) out.push(await handler(e)); process.stdout.write(JSON.stringify(out));`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KKMP_TABLE_NAME: api.db.tableName,
      KKMP_DYNAMODB_ENDPOINT: inject('dynamoDbEndpoint'),
      KKMP_SIGNING_KEYS: JSON.stringify([jwk]),
      AWS_REGION: 'ap-southeast-3',
    };
    delete env.KKMP_JWT_SECRET;
    delete env.KKMP_CLOCK;
    delete env.KKMP_MODE;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const [own, foreign] = JSON.parse(run.stdout);
    expect(own.statusCode).toBe(200);
    expect(JSON.parse(own.body).data.cooperative).toEqual({ __typename: 'Cooperative', name: expect.stringContaining('KKMP'), city: { name: 'Kota Bundel' } });
    // Another tenant's cooperative: the typed error, found by instanceof and named explicitly (the bundle
    // keeps no function names).
    expect(foreign.statusCode).toBe(200);
    expect(JSON.parse(foreign.body).data.cooperative).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
  });

  it('gives the units no GraphiQL examples, and each demo still runs, loading its module when called', async () => {
    const out = join(dir, 'units');
    const units = await bundleLambda(join(__dirname, 'fixtures', 'lambda-units-entry.ts'), out);
    const { installedUnits } = (await import(pathToFileURL(join(out, 'handler.mjs')).href)) as { installedUnits: AnyUnit[] };
    expect(installedUnits.length).toBeGreaterThan(0);
    for (const unit of installedUnits) expect(unit.examples ?? [], unit.id).toEqual([]);
    const lpg = installedUnits.find((u) => u.id === 'lpg')!;
    // The demo's first step is a mutation: reaching it proves the real demo code ran from its chunk.
    const reached = new Error('the demo reached its first mutation');
    const ctx = new Proxy({}, { get: () => () => { throw reached; } });
    await expect(lpg.demo!(ctx as never)).rejects.toBe(reached);
    expect(units.lazyByPackage.length).toBeGreaterThan(0);
  });
});
