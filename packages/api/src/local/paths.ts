import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where pnpm-workspace.yaml is), found from this file. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('pnpm-workspace.yaml not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

/**
 * Local state (DynamoDB Local files, demo users); git-ignored. KKMP_DATA_DIR moves it (a relative one
 * counts from the current folder). Always absolute, so what the dev server prints is where it writes.
 */
export function dataDir(): string {
  return process.env.KKMP_DATA_DIR ? resolve(process.env.KKMP_DATA_DIR) : join(repoRoot(), '.data');
}

export const demoUsersFile = () => join(dataDir(), 'demo-users.json');
