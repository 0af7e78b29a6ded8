import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@kkmp/store/local';
import { startAndWait, type Started } from './processes';

const root = join(import.meta.dirname, '..', '..');

/**
 * `npm run dev` as a front-end team uses it: the real dev server in a child process, on a dev clock
 * (KKMP_CLOCK) and in a data folder of its own, reached only over HTTP (GraphQL and /dev/clock) and the
 * token CLI. Every HTTP call is counted, so a test can keep its conversation with the API in check.
 */
export interface DevServer {
  port: number;
  process: Started;
  /** Tokens of the demo users by label (platform, city, manager, staff, supervisor, member). */
  demoTokens: Record<string, string>;
  /** HTTP calls made so far (GraphQL requests and clock moves). */
  readonly calls: number;
  /** One GraphQL request; a GraphQL-level error (bad query, armor limit) fails the caller loudly. */
  gql<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** POST /dev/clock: moves the dev clock forward (an offset, a date or an instant); returns its WIB time. */
  moveClock(setting: string): Promise<string>;
  /** `npm run token -- <args>` against this server's data folder: a token for any user. */
  mintToken(args: string[]): Promise<string>;
  /** Ctrl-C, as a person stops it: the server stops DynamoDB Local and exits; its exit code. */
  stop(): Promise<number | null>;
}

export async function startDevServer(opts: { clock: string; dataDir: string; timeoutMs?: number }): Promise<DevServer> {
  const port = await freePort();
  const started = await startAndWait(process.execPath, ['--import', 'tsx', 'packages/api/src/local/dev.ts'], {
    cwd: root,
    env: { PORT: String(port), KKMP_DATA_DIR: opts.dataDir, KKMP_CLOCK: opts.clock },
    ready: /kkmp API ready/,
    timeoutMs: opts.timeoutMs ?? 120_000,
  });
  const users = JSON.parse(readFileSync(join(opts.dataDir, 'demo-users.json'), 'utf8')) as { label: string; token: string }[];
  let calls = 0;
  const base = `http://127.0.0.1:${port}`;
  return {
    port,
    process: started,
    demoTokens: Object.fromEntries(users.map((u) => [u.label, u.token])),
    get calls() {
      return calls;
    },
    async gql(token, query, variables = {}) {
      calls++;
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}\n${query}`);
      return body.data;
    },
    async moveClock(setting) {
      calls++;
      const res = await fetch(`${base}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clock: setting }) });
      const body = (await res.json()) as { wib?: string; error?: unknown };
      if (res.status !== 200 || !body.wib) throw new Error(`the dev clock did not move to ${setting}: ${res.status} ${JSON.stringify(body)}`);
      return body.wib;
    },
    mintToken: (args) => tokenCli(args, opts.dataDir),
    stop: async () => {
      if (started.child.exitCode === null) started.child.kill('SIGINT');
      return started.exited;
    },
  };
}

/** Runs the token CLI as `npm run token -- ...` does (asynchronously: several can run at once). */
function tokenCli(args: string[], dataDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['scripts/kkmp.mjs', 'token', ...args],
      { cwd: root, env: { ...process.env, KKMP_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 60_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`token ${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout.trim())),
    );
  });
}
