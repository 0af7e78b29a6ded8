import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Pids of DynamoDB Local java processes listening on a port (Linux /proc). */
export function dynamoDbLocalPids(port?: number): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!cmd.some((a) => a.endsWith('DynamoDBLocal.jar'))) continue;
      if (port === undefined || cmd[cmd.indexOf('-port') + 1] === String(port)) pids.push(Number(pid));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const started = new Set<ChildProcess>();

/** Kills whatever a test started and left running (a failed assertion must not orphan a server). */
export function killStarted(): void {
  for (const child of started) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      // Detached children lead their own process group: take the whole group.
      process.kill((child as { detachedGroup?: boolean }).detachedGroup ? -child.pid! : child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  started.clear();
}

/** Spawns a command and resolves once its output matches `ready` (or rejects if it exits first). */
export async function startAndWait(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number; shell?: boolean; detached?: boolean }): Promise<Started> {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], shell: opts.shell ?? false, detached: opts.detached ?? false });
  (child as { detachedGroup?: boolean }).detachedGroup = opts.detached ?? false;
  started.add(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within ${opts.timeoutMs} ms:\n${out}`)), opts.timeoutMs);
    const poll = setInterval(() => {
      if (opts.ready.test(out)) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve();
      }
    }, 50);
    void exited.then((code) => {
      clearTimeout(timer);
      clearInterval(poll);
      if (!opts.ready.test(out)) reject(new Error(`exited (${code}) before ready:\n${out}`));
    });
  });
  return { child, output: () => out, exited };
}
