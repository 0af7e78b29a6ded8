import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface DynamoDbLocalOptions {
  /** Directory for the database file; omitted means in memory (tests). */
  dbPath?: string;
  /** Port to listen on; omitted means a free one. */
  port?: number;
  /** Give up waiting for readiness after this many milliseconds. */
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** Pid of the java process (for tests that prove it is gone). */
  javaPid: number;
  stop(): Promise<void>;
}

const supervisorPath = fileURLToPath(new URL('./supervisor.mjs', import.meta.url));

/** Starts DynamoDB Local and resolves once it answers requests. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freePort());
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const child = fork(supervisorPath, [JSON.stringify({ port, dbPath: options.dbPath })], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // The supervisor must not keep a parent alive that has nothing else to do.
    detached: false,
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const javaPid = await new Promise<number>((resolve, reject) => {
    child.once('message', (msg: { type: string; pid?: number; message?: string }) => {
      if (msg.type === 'spawned' && msg.pid) resolve(msg.pid);
      else reject(new Error(`DynamoDB Local did not start: ${msg.message ?? msg.type}`));
    });
    child.once('error', reject);
  });
  let exitInfo: string | undefined;
  child.on('message', (msg: { type: string; stderr?: string; code?: number }) => {
    if (msg.type === 'exited' || msg.type === 'error') {
      exitInfo = `java exited (${msg.code ?? '?'}): ${msg.stderr ?? ''}`;
    }
  });
  try {
    await waitReady(endpoint, options.startTimeoutMs ?? 30_000, () => exitInfo);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  // Keep the IPC channel from holding the event loop open; it still closes when this process dies.
  child.unref();
  child.channel?.unref();
  return {
    endpoint,
    port,
    javaPid,
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Hold the event loop until java is really gone, or a process that ends right after stop() orphans it.
  child.ref();
  child.kill('SIGTERM');
  await exited;
}

async function waitReady(endpoint: string, timeoutMs: number, failed: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = failed();
    if (why) throw new Error(`DynamoDB Local failed to start: ${why}`);
    try {
      // Any HTTP answer means the server is up; an unsigned POST gets a 400 quickly.
      const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' });
      await res.arrayBuffer();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
