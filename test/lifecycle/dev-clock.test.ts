import { request } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { freePort } from '@kkmp/store/local';
import { afterAll, describe, expect, it } from 'vitest';
import { killStarted, startAndWait } from '../support/processes';

const root = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'kkmp-devclock-'));
afterAll(() => {
  killStarted();
  rmSync(dataDir, { recursive: true, force: true });
});

const devArgs = ['--import', 'tsx', 'packages/api/src/local/dev.ts'];

/** A raw HTTP call, so a test can send the Host and Origin headers a browser or an attacker would. */
function call(port: number, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/dev/clock', method, headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('npm run dev on the dev clock (KKMP_CLOCK)', () => {
  it('refuses a bad value before starting anything, with the forms that work and no stack trace', () => {
    const run = spawnSync(process.execPath, devArgs, { cwd: root, env: { ...process.env, KKMP_CLOCK: '2026-12-31 16:00', KKMP_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('KKMP_CLOCK: "2026-12-31 16:00" is not a clock setting. Use an instant with its zone');
    expect(run.stderr).toMatch(/\+45d/);
    expect(run.stderr + run.stdout).not.toMatch(/\n\s+at /);
    expect(run.stdout).not.toMatch(/DynamoDB Local/);
    expect(existsSync(join(dataDir, 'dynamodb'))).toBe(false);
  });

  it('runs the API on it (seed included), prints it and the absolute data folder, and moves it forward over /dev/clock', async () => {
    const port = await freePort();
    // A relative KKMP_DATA_DIR: the server must print (and use) the absolute folder it resolves to.
    const started = await startAndWait(process.execPath, devArgs, {
      cwd: root,
      env: { PORT: String(port), KKMP_DATA_DIR: relative(root, dataDir), KKMP_CLOCK: '2027-01-05' },
      ready: /kkmp API ready/,
      timeoutMs: 120_000,
    });
    const out = started.output();
    expect(out).toContain(`Data folder: ${dataDir} `);
    // The clock starts at 09:00 and runs: printed after the demo seed, which takes over a minute on a busy machine.
    expect(out).toMatch(/Dev clock \(KKMP_CLOCK=2027-01-05\): 2027-01-05 09:0\d:\d\d WIB/);
    const users = JSON.parse(readFileSync(join(dataDir, 'demo-users.json'), 'utf8')) as { label: string; token: string }[];
    const manager = users.find((u) => u.label === 'manager')!.token;
    const gql = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
        body: JSON.stringify({ query, variables }),
      });
      return ((await res.json()) as { data: any }).data;
    };
    const { me } = await gql(`{ me { cooperativeId } }`);
    const members = await gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { members(first: 1) { edges { node { id joinDate } } } } } }`, { id: me.cooperativeId });
    const member = members.cooperative.members.edges[0].node;
    // The first start seeded on the dev clock: Siti joined six months before 2027-01-05.
    expect(member.joinDate).toBe('2026-07-01');
    const pay = `mutation($input: RecordEquityPaymentInput!) { recordEquityPayment(input: $input) { __typename ... on RecordEquityPaymentSuccess { data { payment { paidOn } } } } }`;
    const paidOn = async () => (await gql(pay, { input: { memberId: member.id, kind: 'WAJIB', amount: 20_000 } })).recordEquityPayment.data.payment.paidOn;
    expect(await paidOn()).toBe('2027-01-05');

    const local = { host: `localhost:${port}`, 'content-type': 'application/json' };
    const moved = await call(port, 'POST', local, JSON.stringify({ clock: '+45d' }));
    expect(moved.status).toBe(200);
    expect(moved.json.wib).toMatch(/^2027-02-19 09:\d\d:\d\d WIB$/);
    expect(await paidOn()).toBe('2027-02-19');
    expect(started.output()).toMatch(/Dev clock moved \(\+45d\): now 2027-02-19 09:/);

    // Only forward, only JSON, only from this machine's own pages.
    const back = await call(port, 'POST', local, JSON.stringify({ clock: '2027-01-05' }));
    expect(back).toMatchObject({ status: 400, json: { error: { messageEn: expect.stringMatching(/only moves forward/), messageId: expect.stringMatching(/hanya bisa maju/) } } });
    const bad = await call(port, 'POST', local, JSON.stringify({ clock: 'next month' }));
    expect(bad).toMatchObject({ status: 400, json: { error: { code: 'BAD_CLOCK' } } });
    expect((await call(port, 'POST', { ...local, 'content-type': 'text/plain' }, JSON.stringify({ clock: '+1d' }))).status).toBe(415);
    expect((await call(port, 'POST', { ...local, origin: 'https://evil.example' }, JSON.stringify({ clock: '+1d' }))).status).toBe(403);
    expect((await call(port, 'POST', { ...local, host: `rebound.example:${port}` }, JSON.stringify({ clock: '+1d' }))).status).toBe(403);
    const now = await call(port, 'GET', { host: `127.0.0.1:${port}` });
    expect(now.json.wib).toMatch(/^2027-02-19 /);
    expect(await paidOn()).toBe('2027-02-19');

    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
  }, 180_000);
});
