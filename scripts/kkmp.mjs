#!/usr/bin/env node
// One entry point for the README's commands on any machine with Node and Java: it gets the pinned
// pnpm (through npx when pnpm is not installed or differs; corepack's signature check fails on mirrors
// that serve no signatures), installs the locked dependencies, then runs the task. `token` skips the
// install (and pnpm) when node_modules is already current: a token is wanted in a second, not nine.
//   node scripts/kkmp.mjs dev|test|typecheck|build|token|schema|release-schema|soak|faults [args...]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installIsCurrent } from './install-state.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [task, ...args] = process.argv.slice(2);
const tasks = new Set(['dev', 'test', 'typecheck', 'build', 'token', 'schema', 'release-schema', 'install', 'soak', 'faults']);
if (!tasks.has(task)) fail(`usage: node scripts/kkmp.mjs ${[...tasks].join('|')} [args...]`);

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) fail(`Node ${process.versions.node} is too old: kkmp needs Node 20 or newer.`);
if (['dev', 'test', 'soak', 'faults'].includes(task)) {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) fail('Java (17 or newer) is needed for DynamoDB Local: install a JDK/JRE and put `java` on PATH.');
  const version = /version "(\d+)/.exec(java.stderr ?? '')?.[1];
  if (version && Number(version) < 17) fail(`Java ${version} is too old for DynamoDB Local: install Java 17 or newer.`);
}

const wanted = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const env = { ...process.env, COREPACK_INTEGRITY_KEYS: '0', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
function pnpm() {
  try {
    if (execFileSync('pnpm', ['--version'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] }).trim() === wanted) return ['pnpm'];
  } catch {
    // not installed, or corepack refused to fetch it: use npx below
  }
  // --prefer-offline: npx's cache answers once pnpm was fetched, with no trip to the registry per command.
  return ['npx', '--prefer-offline', '-y', `pnpm@${wanted}`];
}

function run(argv, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: root, env, stdio: 'inherit', ...opts });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

// A new workspace package (a scaffolded unit) changes the lockfile: only then is a plain install allowed.
if (!(task === 'token' && installIsCurrent(root).current)) {
  // token's stdout is the token alone (`$(npm run -s token -- ...)`): the install reports on stderr.
  const stdio = task === 'token' ? ['inherit', 2, 'inherit'] : 'inherit';
  // pnpm freezes the lockfile by itself when CI is set, so `install` says --no-frozen-lockfile out loud.
  const lockfile = task === 'install' ? '--no-frozen-lockfile' : '--frozen-lockfile';
  const argv = [...pnpm(), 'install', lockfile, '--prefer-offline', '--reporter=append-only'];
  // A plain install (a new workspace package) asks the registry for metadata; a mirror that drops a
  // connection now and then should not fail the command, so a failed install is tried twice more.
  let install = await run(argv, { stdio });
  for (const wait of [5_000, 20_000]) {
    if (install === 0) break;
    console.error(`pnpm install failed (exit ${install}); trying again in ${wait / 1000} s`);
    await new Promise((done) => setTimeout(done, wait));
    install = await run(argv, { stdio });
  }
  if (install !== 0) fail('pnpm install failed (see above).');
}
if (task === 'install') process.exit(0);

// Tasks run node directly, not through `pnpm run`: every extra shell layer is a place where Ctrl-C or
// SIGTERM gets lost and DynamoDB Local outlives the command.
const node = process.execPath;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const tsx = (file, rest = []) => [node, '--import', 'tsx', file, ...rest];

if (task === 'test') {
  const before = dynamoDbLocalPids();
  let code = await run([bin('tsc'), '-p', 'tsconfig.json', '--noEmit']);
  if (code === 0) code = await typecheckInfra();
  if (code === 0) code = await run([bin('vitest'), 'run', ...args]);
  // The suite must not leave DynamoDB Local running: that is part of passing.
  const orphans = await waitForOrphans(before);
  if (orphans.length) {
    console.error(`\nFAIL: ${orphans.length} DynamoDB Local java process(es) left behind: ${orphans.join(', ')}`);
    for (const pid of orphans) try { process.kill(Number(pid), 'SIGKILL'); } catch {}
    code = code || 1;
  } else {
    console.log('No DynamoDB Local process left behind.');
  }
  process.exit(code);
}
// The long versions of the suite's soak and fault-injection tests (docs/reliability.md); env overrides win.
if (task === 'soak' || task === 'faults') {
  const file = task === 'soak' ? 'test/e2e/soak.test.ts' : 'test/e2e/faults.test.ts';
  const defaults = task === 'soak' ? { SOAK_SECONDS: '60', SOAK_COOPS: '3', SOAK_DESKS: '4' } : { FAULT_OPS: '3000' };
  const code = await run([bin('vitest'), 'run', file, ...args], { env: { ...defaults, ...env } });
  process.exit(code);
}
const commands = {
  dev: tsx('packages/api/src/local/dev.ts', args),
  typecheck: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'],
  build: tsx('packages/api/src/lambda/build.ts', args),
  token: tsx('packages/api/src/cli/token.ts', args),
  schema: tsx('packages/api/src/contract/cli.ts', ['write']),
  'release-schema': tsx('packages/api/src/contract/cli.ts', ['release']),
};
let code = await run(commands[task]);
if (task === 'typecheck' && code === 0) code = await typecheckInfra();
// The example client's types come from schema.graphql: regenerate them with it.
if ((task === 'schema' || task === 'release-schema') && code === 0) {
  const client = join(root, 'examples/client');
  code = await run([join(client, 'node_modules/.bin/gql-tada'), 'generate', 'output'], { cwd: client });
}
process.exit(code);

/**
 * SST's platform types come from `sst install` (npm packages into the git-ignored .sst/); they are
 * fetched again only when the pinned sst version changes. No AWS account is needed for this.
 */
async function typecheckInfra() {
  let have = '';
  try {
    have = readFileSync(join(root, '.sst/platform/version'), 'utf8').trim();
  } catch {}
  const want = JSON.parse(readFileSync(join(root, 'node_modules/sst/package.json'), 'utf8')).version;
  if (have !== want || !existsSync(join(root, '.sst/platform/node_modules/@pulumi/aws'))) {
    const installed = await run([bin('sst'), 'install', '--stage', 'dev'], {
      env: { ...env, SST_NO_BUN: '1', SST_SKIP_DEPENDENCY_CHECK: '1', SST_TELEMETRY_DISABLED: '1' },
    });
    if (installed !== 0) return installed;
  }
  return run([bin('tsc'), '-p', 'infra/tsconfig.json']);
}

/** DynamoDB Local processes started from this checkout (their working directory is inside it). */
function dynamoDbLocalPids() {
  if (process.platform !== 'linux') return [];
  const pids = [];
  const here = realpathSync(root);
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal.jar')) continue;
      if (readlinkSync(`/proc/${pid}/cwd`).startsWith(here + '/')) pids.push(pid);
    } catch {}
  }
  return pids;
}

async function waitForOrphans(before) {
  if (process.platform !== 'linux') return [];
  for (let i = 0; i < 50; i++) {
    const left = dynamoDbLocalPids().filter((p) => !before.includes(p));
    if (left.length === 0) return [];
    await new Promise((r) => setTimeout(r, 100));
  }
  return dynamoDbLocalPids().filter((p) => !before.includes(p));
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
