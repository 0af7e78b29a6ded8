import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@kkmp/store/local';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, dynamoDbLocalPids, killStarted, startAndWait, waitUntil } from '../support/processes';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The quick start's commands, exactly as README.md prints them (comments stripped). */
function quickstart(): { dev: string; test: string } {
  const block = /<!-- quickstart:start -->\s*```sh\n([\s\S]*?)```\s*<!-- quickstart:end -->/.exec(readme);
  if (!block) throw new Error('README.md has no quick start block');
  const lines = block[1]!.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);
  expect(lines).toHaveLength(2);
  return { dev: lines[0]!, test: lines[1]! };
}

const clone = mkdtempSync(join(tmpdir(), 'kkmp-quickstart-'));
afterAll(() => {
  killStarted();
  rmSync(clone, { recursive: true, force: true });
});

describe('README quick start, verbatim, in a fresh clone', () => {
  it('CI runs exactly the README test command', () => {
    const ci = readFileSync(join(root, '.ci/run'), 'utf8').trim().split('\n');
    expect(ci.at(-1)).toBe(quickstart().test);
  });

  it('the dev command starts the API with demo data; the test command passes', async () => {
    const { dev, test } = quickstart();
    execFileSync('git', ['clone', '--quiet', '--no-local', root, clone]);
    const port = await freePort();
    // detached: its own process group, so the signal below reaches every process like Ctrl-C in a terminal.
    const started = await startAndWait('sh', ['-c', dev], { cwd: clone, env: { PORT: String(port), CI: 'true' }, ready: /kkmp API ready/, timeoutMs: 240_000, shell: false, detached: true });
    const ddbPort = Number(/DynamoDB Local: http:\/\/127\.0\.0\.1:(\d+)/.exec(started.output())![1]);
    const [javaPid] = dynamoDbLocalPids(ddbPort);
    const users = JSON.parse(readFileSync(join(clone, '.data/demo-users.json'), 'utf8')) as { label: string; token: string }[];
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${users.find((u) => u.label === 'manager')!.token}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(((await res.json()) as any).data.me.role).toBe('COOP_MANAGER');
    process.kill(-started.child.pid!, 'SIGINT');
    await started.exited;
    await waitUntil(() => !alive(javaPid!), 10_000, 'DynamoDB Local to stop with the dev server');

    // The full suite runs this very command on a clean clone in CI; here one end-to-end file proves
    // the command installs and runs from nothing (the nested run checks for orphaned java itself).
    const out = execFileSync('sh', ['-c', `${test} -- test/e2e/core-flow.test.ts`], { cwd: clone, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 420_000 });
    expect(out).toMatch(/1 passed/);
    expect(out).toMatch(/No DynamoDB Local process left behind/);
  }, 600_000);
});
