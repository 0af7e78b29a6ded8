import { ManualClock } from '@kkmp/core';
import { newPrivateJwk, SigningKeys, accessTokenIssuer } from '@kkmp/host';
import { createDevApi } from '@kkmp/api/local';
import { createDb, ensureTable } from '@kkmp/store';
import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lambdaBridge, serve, type Served } from '../support/serve';

/**
 * The GraphQL-over-HTTP conformance audits (graphql-http's serverAudits: every MUST, SHOULD and MAY)
 * against the real servers over real HTTP on DynamoDB Local: development mode as `npm run dev` serves
 * it (demo data, GraphiQL), production mode as the Lambda handler behind a loopback bridge standing in
 * for API Gateway.
 */
const jwk = newPrivateJwk('audit-key');
let dev: Served;
let prod: Served;
const summary: Record<string, string> = {};

beforeAll(async () => {
  const db = createDb({ tableName: `audits-${Date.now()}`, endpoint: inject('dynamoDbEndpoint') });
  await ensureTable(db);
  dev = await serve((await createDevApi(db, new ManualClock('2026-03-15T03:00:00Z'))).yoga);
  process.env.KKMP_TABLE_NAME = db.tableName;
  process.env.KKMP_DYNAMODB_ENDPOINT = inject('dynamoDbEndpoint');
  process.env.KKMP_SIGNING_KEYS = JSON.stringify([jwk]);
  const { handler } = await import('@kkmp/api/lambda');
  prod = await serve(lambdaBridge(handler));
}, 180_000);
afterAll(async () => {
  console.log(`graphql-http audits: ${Object.entries(summary).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  await Promise.all([dev?.close(), prod?.close()]);
});

async function audit(url: string, headers: Record<string, string> = {}): Promise<AuditResult[]> {
  const fetchFn = (input: string, init: RequestInit = {}) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), ...headers } });
  return Promise.all(serverAudits({ url, fetchFn }).map((a) => a.fn()));
}

const level = (name: string) => /^(MUST|SHOULD|MAY)/.exec(name)?.[1] ?? '?';
function tally(results: AuditResult[]): string {
  const by = (l: string) => results.filter((r) => level(r.name) === l);
  const ok = (rs: AuditResult[]) => rs.filter((r) => r.status === 'ok').length;
  return `${ok(results)}/${results.length} (${['MUST', 'SHOULD', 'MAY'].map((l) => `${l} ${ok(by(l))}/${by(l).length}`).join(', ')})`;
}
const failures = (results: AuditResult[]) => results.filter((r) => r.status !== 'ok').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);

describe('graphql-http audits (GraphQL over HTTP spec)', () => {
  it('development mode (the dev server\'s app): every MUST, SHOULD and MAY passes', async () => {
    const results = await audit(dev.url);
    summary.development = tally(results);
    expect(failures(results)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(40);
  });

  it('production mode (the Lambda handler over HTTP), as an operator allowed to introspect: every MUST, SHOULD and MAY passes', async () => {
    const issuer = accessTokenIssuer(SigningKeys.fromJwks([jwk]), { issuer: 'kkmp', audience: 'kkmp-api' });
    const token = (await issuer.issue({ userId: 'ops', role: 'PLATFORM_ADMIN', grantId: 'g', sessionId: 's' }, new Date())).token;
    const results = await audit(prod.url, { authorization: `Bearer ${token}` });
    summary.production = tally(results);
    expect(failures(results)).toEqual([]);
  });

  it('production mode, anonymous: only the audits whose documents use __type fail, because introspection is closed to anonymous callers', async () => {
    const results = await audit(prod.url);
    summary['production anonymous'] = tally(results);
    const failed = results.filter((r) => r.status !== 'ok');
    // Every failing audit is one that introspects; everything about HTTP itself passes.
    expect(failed.map((r) => r.id).sort()).toEqual(['28B9', '2EA1', '6A70', 'D6D5']);
  });
});
