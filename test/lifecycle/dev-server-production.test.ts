import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_DEV_SECRET, mintToken } from '@kkmp/api';
import { freePort } from '@kkmp/store/local';
import { afterAll, describe, expect, it } from 'vitest';
import { killStarted, startAndWait } from '../support/processes';

/** `KKMP_MODE=production npm run dev`: the dev server started in the deployed API's mode. */
const root = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'kkmp-dev-prod-'));
afterAll(() => {
  killStarted();
  rmSync(dataDir, { recursive: true, force: true });
});

function refusedStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'packages/api/src/local/dev.ts'], { cwd: root, env: { ...process.env, KKMP_DATA_DIR: dataDir, PORT: '1', ...env }, timeout: 60_000 }, (err, _out, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stderr }),
    );
  });
}

describe('dev server in production mode (KKMP_MODE=production)', () => {
  it('refuses the development secret, a weak secret and an unknown mode before starting anything', async () => {
    const [devSecret, weak, unknown] = await Promise.all([
      refusedStart({ KKMP_MODE: 'production', KKMP_JWT_SECRET: LOCAL_DEV_SECRET }),
      refusedStart({ KKMP_MODE: 'production', KKMP_JWT_SECRET: 'changeme'.repeat(5) }),
      refusedStart({ KKMP_MODE: 'prod' }),
    ]);
    expect(devSecret).toMatchObject({ code: 2, stderr: expect.stringMatching(/development secret published in the repository/) });
    expect(weak).toMatchObject({ code: 2, stderr: expect.stringMatching(/JWT secret is weak/) });
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/KKMP_MODE must be "development" or "production"/) });
  }, 90_000);

  it('serves as deployed: no GraphiQL, no anonymous introspection; its own demo tokens work, development-secret tokens are refused', async () => {
    const port = await freePort();
    const started = await startAndWait(process.execPath, ['--import', 'tsx', 'packages/api/src/local/dev.ts'], {
      cwd: root,
      env: { PORT: String(port), KKMP_DATA_DIR: dataDir, KKMP_MODE: 'production' },
      ready: /kkmp API ready/,
      timeoutMs: 240_000,
    });
    expect(started.output()).toMatch(/Production mode \(KKMP_MODE=production\)/);
    const url = `http://127.0.0.1:${port}/graphql`;
    const gql = async (query: string, token?: string) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
      return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
    };
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    expect((await gql('{ __schema { queryType { name } } }')).body.errors?.[0].message).toMatch(/introspection/i);
    const users = JSON.parse(readFileSync(join(dataDir, 'demo-users.json'), 'utf8')) as { label: string; token: string; principal: any }[];
    const manager = users.find((u) => u.label === 'manager')!;
    expect((await gql('{ me { role } }', manager.token)).body.data.me.role).toBe('COOP_MANAGER');
    const devToken = await mintToken(manager.principal, { secret: LOCAL_DEV_SECRET });
    expect((await gql('{ me { role } }', devToken)).status).toBe(401);
    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
  }, 300_000);
});
