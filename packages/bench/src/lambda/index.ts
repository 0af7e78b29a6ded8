import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { bundleLambda } from '@kkmp/api/bundle';
import { SigningKeys, accessTokenIssuer, newPrivateJwk } from '@kkmp/host';
import { median } from '../load';
import { rawIds } from '../seed/client';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export interface BundleResult {
  name: 'real' | 'minimal';
  /** Minified and gzipped bytes a cold start loads: the handler and the chunks it imports statically. */
  size: number;
  gzipped: number;
  /** Every file of the deployable folder, including chunks loaded on demand only (dynamic import()). */
  totalSize: number;
  totalGzipped: number;
  /** Median over the samples: spawn of a fresh Node 22 process to the first event's answer, in ms. */
  coldStartMs: number;
  /** Medians of the bundle's import and of its first invocation, measured inside the process. */
  importMs: number;
  firstInvokeMs: number;
  samples: number;
}

export interface LambdaResult {
  node: string;
  real: BundleResult;
  minimal: BundleResult;
  coldStartRatio: number;
}

/** The DynamoDB Local table, and a cooperative in it, that the first events read. */
export interface ColdStartTarget {
  endpoint: string;
  tableName: string;
  cooperativeId: string;
}

/**
 * Builds the real Lambda bundle and the minimal yoga + DynamoDB one with the same options
 * (@kkmp/api/bundle), then starts each `samples` times in a fresh Node 22 process (the `node@22`
 * package's binary) and hands it one API Gateway event that reads DynamoDB Local.
 */
export async function lambdaBench(target: ColdStartTarget, samples: number): Promise<LambdaResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kkmp-bench-lambda-'));
  try {
    const real = await bundleLambda(require.resolve('@kkmp/api/lambda'), join(dir, 'real'));
    const minimal = await bundleLambda(join(here, 'minimal-handler.ts'), join(dir, 'minimal'));
    const jwk = newPrivateJwk('bench-key');
    const issuer = accessTokenIssuer(SigningKeys.fromJwks([jwk]), { issuer: 'kkmp', audience: 'kkmp-api' });
    const token = (await issuer.issue({ userId: 'bench-cold', role: 'COOP_MANAGER', coopId: rawIds(target.cooperativeId)[0]!, grantId: 'g', sessionId: 's' }, new Date())).token;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KKMP_TABLE_NAME: target.tableName,
      KKMP_DYNAMODB_ENDPOINT: target.endpoint,
      KKMP_SIGNING_KEYS: JSON.stringify([jwk]),
      AWS_REGION: 'ap-southeast-3',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    delete env.KKMP_JWT_SECRET;
    delete env.KKMP_CLOCK;
    const realEvent = apiGatewayEvent(`query($id: ID!) { cooperative(id: $id) { __typename ... on Cooperative { name } } }`, { id: target.cooperativeId }, token);
    const minimalEvent = apiGatewayEvent(`query($pk: String!, $sk: String!) { item(pk: $pk, sk: $sk) }`, { pk: 'bench', sk: 'cold-start' });
    const runs = { real: [] as Sample[], minimal: [] as Sample[] };
    // Alternated, so a slow spell of the shared machine falls on both.
    for (let i = 0; i < samples; i++) {
      runs.real.push(await coldStart(real.outfile, realEvent, env, (body) => body.includes('"Cooperative"')));
      runs.minimal.push(await coldStart(minimal.outfile, minimalEvent, env, (body) => body.includes('"item"')));
    }
    const summary = (name: BundleResult['name'], b: typeof real, s: Sample[]): BundleResult => ({
      name,
      size: b.size,
      gzipped: b.gzipped,
      totalSize: b.total,
      totalGzipped: b.totalGzipped,
      coldStartMs: median(s.map((x) => x.wallMs)),
      importMs: median(s.map((x) => x.importMs)),
      firstInvokeMs: median(s.map((x) => x.invokeMs)),
      samples: s.length,
    });
    const r = summary('real', real, runs.real);
    const m = summary('minimal', minimal, runs.minimal);
    return { node: nodeVersion(), real: r, minimal: m, coldStartRatio: r.coldStartMs / m.coldStartMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Sample {
  wallMs: number;
  importMs: number;
  invokeMs: number;
}

/** The Node 22 binary of the `node@22` npm package (a dev dependency of this package). */
export function node22(): string {
  return join(dirname(require.resolve('node/package.json')), 'bin', 'node');
}

function nodeVersion(): string {
  return require('node/package.json').version as string;
}

function coldStart(bundle: string, event: APIGatewayProxyEventV2, env: NodeJS.ProcessEnv, ok: (body: string) => boolean): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node22(), [join(here, 'cold-start-driver.mjs'), bundle, JSON.stringify(event)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let wallMs = 0;
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (!wallMs && out.includes('\n')) wallMs = performance.now() - started;
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', () => {
      try {
        const line = JSON.parse(out.trim().split('\n').pop()!) as { importMs: number; invokeMs: number; statusCode: number; body: string };
        if (line.statusCode !== 200 || !ok(line.body)) throw new Error(`answered ${line.statusCode}: ${line.body.slice(0, 300)}`);
        resolve({ wallMs, importMs: line.importMs, invokeMs: line.invokeMs });
      } catch (e) {
        reject(new Error(`cold start of ${bundle} failed: ${e instanceof Error ? e.message : e}\n${err.slice(0, 1000)}`));
      }
    });
  });
}

function apiGatewayEvent(query: string, variables: Record<string, unknown>, token?: string): APIGatewayProxyEventV2 {
  const domainName = 'bench.execute-api.ap-southeast-3.amazonaws.com';
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: domainName, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName,
      domainPrefix: 'bench',
      http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'kkmp-bench' },
      requestId: 'bench-cold-start',
      routeKey: 'POST /graphql',
      stage: '$default',
      time: '01/Dec/2026:10:00:00 +0000',
      timeEpoch: Date.now(),
    },
    body: JSON.stringify({ query, variables }),
    isBase64Encoded: false,
  };
}

export function lambdaText(l: LambdaResult): string {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(2)} MB`;
  const kb = (n: number) => `${(n / 1000).toFixed(0)} KB`;
  const row = (b: BundleResult) =>
    `${b.name.padEnd(8)} ${mb(b.size).padStart(8)} minified, ${kb(b.gzipped).padStart(7)} gzipped loaded at cold start (${mb(b.totalSize)}, ${kb(b.totalGzipped)} in all files); ` +
    `cold start ${b.coldStartMs.toFixed(0)} ms (import ${b.importMs.toFixed(0)} ms, first invocation ${b.firstInvokeMs.toFixed(0)} ms; median of ${b.samples})`;
  const sizeOk = l.real.size <= 1_200_000;
  const coldOk = l.coldStartRatio <= 1.5;
  return [
    `Node ${l.node} (node@22 package), bundles built with @kkmp/api/bundle's options (code splitting: "loaded" is the handler and`,
    `the chunks it imports statically, what a cold start reads and compiles; "in all files" adds the chunks a request may load later)`,
    row(l.real),
    row(l.minimal),
    `bundle loaded at cold start ${mb(l.real.size)} <= 1.2 MB: ${sizeOk ? 'PASS' : 'FAIL'}; cold start ${l.coldStartRatio.toFixed(2)}x the minimal bundle's <= 1.5x: ${coldOk ? 'PASS' : 'FAIL'}`,
  ].join('\n');
}
