import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** Local state (DynamoDB Local files, demo users); git-ignored. KKMP_DATA_DIR moves it. */
export function dataDir(): string {
  return process.env.KKMP_DATA_DIR ?? join(repoRoot(), '.data');
}

export const demoUsersFile = () => join(dataDir(), 'demo-users.json');
