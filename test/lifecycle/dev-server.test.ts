import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@kkmp/store/local';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, dynamoDbLocalPids, killStarted, startAndWait, waitUntil } from '../support/processes';

const root = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'kkmp-dev-'));
afterAll(() => {
  killStarted();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startDev() {
  const port = await freePort();
  const started = await startAndWait(process.execPath, ['--import', 'tsx', 'packages/api/src/local/dev.ts'], {
    cwd: root,
    env: { PORT: String(port), KKMP_DATA_DIR: dataDir },
    ready: /kkmp API ready/,
    timeoutMs: 60_000,
  });
  const ddbPort = Number(/DynamoDB Local: http:\/\/127\.0\.0\.1:(\d+)/.exec(started.output())![1]);
  const [javaPid] = dynamoDbLocalPids(ddbPort);
  expect(javaPid, 'java process of this dev server').toBeTruthy();
  return { ...started, url: `http://127.0.0.1:${port}/graphql`, javaPid: javaPid! };
}

function demoToken(label: string): string {
  const users = JSON.parse(readFileSync(join(dataDir, 'demo-users.json'), 'utf8')) as { label: string; token: string }[];
  return users.find((u) => u.label === label)!.token;
}

async function gql(url: string, query: string, token: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  return (await res.json()) as { data: any };
}

describe('local dev server: DynamoDB Local started and stopped with it, data kept across restarts', () => {
  it('serves demo data, stops java on SIGINT, keeps data for the next start, and leaves no java after SIGKILL', async () => {
    const first = await startDev();
    // The folder it really uses, absolute, whatever KKMP_DATA_DIR said.
    expect(first.output()).toContain(`Data folder: ${dataDir} `);
    const cities = `{ cities { edges { node { name dashboard { counts { total active } } cooperatives(first: 100) { edges { node { name status } } } } } } }`;
    const seeded = await gql(first.url, cities, demoToken('platform'));
    expect(seeded.data.cities.edges).toHaveLength(1);
    // The demo city: about 150 cooperatives in every lifecycle state, about a quarter of them active.
    const city = seeded.data.cities.edges[0].node;
    expect(new Set(city.cooperatives.edges.map((e: any) => e.node.status))).toEqual(new Set(['FORMED', 'LEGAL_ENTITY', 'OPERATING']));
    expect(city.dashboard.counts.total).toBe(150);
    expect(city.dashboard.counts.active).toBeGreaterThan(20);
    const members = await gql(first.url, `{ me { cooperativeId } }`, demoToken('manager'));
    const coopId = members.data.me.cooperativeId;
    // GraphiQL is served to browsers.
    const page = await fetch(first.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toMatch(/graphiql/i);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(alive(first.javaPid)).toBe(false);

    const second = await startDev();
    expect(second.output()).not.toBe('');
    const again = await gql(second.url, cities, demoToken('platform'));
    expect(again.data.cities.edges).toHaveLength(1); // not seeded twice
    expect((await gql(second.url, `{ me { cooperativeId } }`, demoToken('manager'))).data.me.cooperativeId).toBe(coopId);
    const list = await gql(second.url, `query { cooperative(id: "${coopId}") { ... on Cooperative { members { edges { node { name } } } } } }`, demoToken('manager'));
    expect(list.data.cooperative.members.edges.length).toBe(8);

    // A dev server killed outright must not orphan its DynamoDB Local either.
    second.child.kill('SIGKILL');
    await second.exited;
    await waitUntil(() => !alive(second.javaPid), 10_000, 'java to stop after its dev server was killed');
  }, 180_000);
});
