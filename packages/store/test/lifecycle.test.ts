import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/client';
import { ensureTable } from '../src/bootstrap';
import { startDynamoDbLocal, type DynamoDbLocal } from '../src/local/index';

const root = join(import.meta.dirname, '..', '..', '..');
const localModule = pathToFileURL(join(import.meta.dirname, '..', 'src', 'local', 'index.ts')).href;
const tmp = mkdtempSync(join(tmpdir(), 'kkmp-store-lifecycle-'));
/** Every java pid seen, so a failed test still leaves nothing behind. */
const javaPids = new Set<number>();
const running = new Set<DynamoDbLocal>();

afterAll(async () => {
  for (const ddb of running) await ddb.stop();
  for (const pid of javaPids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Gone, or a zombie nobody reaped yet (an orphan's exit status is its new parent's business). */
function goneOrZombie(pid: number): boolean {
  if (!alive(pid)) return true;
  try {
    return /^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function parentPid(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the ")" that closes the command name: state, ppid, …
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

async function start(opts: Parameters<typeof startDynamoDbLocal>[0] = {}): Promise<DynamoDbLocal> {
  const ddb = await startDynamoDbLocal(opts);
  javaPids.add(ddb.javaPid);
  running.add(ddb);
  return ddb;
}

async function stop(ddb: DynamoDbLocal): Promise<void> {
  await ddb.stop();
  running.delete(ddb);
}

describe('DynamoDB Local lifecycle', () => {
  it('java dies with its owner: SIGKILL of the process that started it leaves no java within 10 s', async () => {
    const script = join(tmp, 'owner.mjs');
    writeFileSync(
      script,
      [
        `import { startDynamoDbLocal } from ${JSON.stringify(localModule)};`,
        `const ddb = await startDynamoDbLocal();`,
        `console.log('READY ' + JSON.stringify({ javaPid: ddb.javaPid, endpoint: ddb.endpoint }));`,
        `setInterval(() => {}, 60_000);`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const ready = await waitUntil(() => /READY (\{.*\})/.test(out) || child.exitCode !== null, 20_000);
      expect(ready && /READY/.test(out), `child output:\n${out}`).toBe(true);
      const { javaPid, endpoint } = JSON.parse(/READY (\{.*\})/.exec(out)![1]!) as { javaPid: number; endpoint: string };
      javaPids.add(javaPid);
      expect(alive(javaPid)).toBe(true);
      expect(readFileSync(`/proc/${javaPid}/cmdline`, 'utf8')).toContain('DynamoDBLocal.jar');
      expect(await answers(endpoint)).toBe(true);
      // java's parent is the supervisor, whose parent is our child.
      const supervisorPid = parentPid(javaPid);
      expect(parentPid(supervisorPid)).toBe(child.pid);

      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const javaGone = await waitUntil(() => !alive(javaPid), 10_000);
      expect(javaGone, `java ${javaPid} still alive 10 s after its owner was killed`).toBe(true);
      expect(await waitUntil(() => goneOrZombie(supervisorPid), 5_000)).toBe(true);
      expect(await answers(endpoint)).toBe(false);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 30_000);

  it('stop() in-process leaves no java process; a persisted dbPath keeps tables and data across stop and start', async () => {
    const dbPath = join(tmp, 'data', 'nested');
    const tableName = 'persisted';
    const first = await start({ dbPath });
    expect(alive(first.javaPid)).toBe(true);
    const db1 = createDb({ tableName, endpoint: first.endpoint });
    expect(await ensureTable(db1)).toBe(true);
    await db1.doc.send(new PutCommand({ TableName: tableName, Item: { pk: 'PLATFORM', sk: 'KEEP', value: 'kept across restarts' } }));
    await stop(first);
    // stop() resolves only once java is gone: no waiting here.
    expect(alive(first.javaPid)).toBe(false);
    expect(await answers(first.endpoint)).toBe(false);
    await first.stop(); // a second stop() is harmless

    const second = await start({ dbPath });
    expect(second.javaPid).not.toBe(first.javaPid);
    const db2 = createDb({ tableName, endpoint: second.endpoint });
    expect(await ensureTable(db2)).toBe(false);
    const got = await db2.doc.send(new GetCommand({ TableName: tableName, Key: { pk: 'PLATFORM', sk: 'KEEP' }, ConsistentRead: true }));
    expect(got.Item?.value).toBe('kept across restarts');
    await stop(second);
    expect(alive(second.javaPid)).toBe(false);
  }, 30_000);
});
