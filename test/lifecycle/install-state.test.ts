import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

type Check = (root: string) => { current: boolean; reason?: string };
const script = join(import.meta.dirname, '..', '..', 'scripts', 'install-state.mjs');
const { installIsCurrent } = (await import(script)) as { installIsCurrent: Check };

/**
 * The files pnpm leaves after an install (the lockfile's copy, the workspace state), written the way
 * pnpm 10 writes them, so each test changes one thing and sees the check ask for an install again.
 */
let root: string;
const validatedAt = Date.now();
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
  // Older than the install, as after a checkout followed by `pnpm install`.
  utimesSync(join(root, path), new Date(validatedAt - 60_000), new Date(validatedAt - 60_000));
};
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kkmp-install-state-'));
  write('package.json', JSON.stringify({ name: 'kkmp', devDependencies: { tsx: '4.23.15' } }));
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - test\nautoInstallPeers: true\n');
  write('packages/core/package.json', JSON.stringify({ name: '@kkmp/core', version: '0.1.0', dependencies: { zod: '4.6.7' } }));
  write('packages/core/node_modules/.keep', '');
  write('test/package.json', JSON.stringify({ name: '@kkmp/test', version: '0.1.0' }));
  write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
  write('node_modules/.pnpm/lock.yaml', "lockfileVersion: '9.0'\n");
  const projects = { [root]: { name: 'kkmp' }, [join(root, 'packages/core')]: { name: '@kkmp/core', version: '0.1.0' }, [join(root, 'test')]: { name: '@kkmp/test', version: '0.1.0' } };
  write('node_modules/.pnpm-workspace-state-v1.json', JSON.stringify({ lastValidatedTimestamp: validatedAt, projects }));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('scripts/install-state.mjs: may `npm run token` skip the install?', () => {
  it('yes, right after an install', () => {
    expect(installIsCurrent(root)).toEqual({ current: true });
  });

  it('no, when the lockfile differs from the one installed', () => {
    write('pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters: {}\n");
    expect(installIsCurrent(root)).toMatchObject({ current: false, reason: 'pnpm-lock.yaml changed' });
  });

  it('no, when a package.json changed after the install', () => {
    writeFileSync(join(root, 'packages/core/package.json'), JSON.stringify({ name: '@kkmp/core', version: '0.1.0', dependencies: { zod: '4.6.8' } }));
    expect(installIsCurrent(root)).toMatchObject({ current: false, reason: expect.stringMatching(/packages\/core\/package\.json changed/) });
  });

  it('no, when a workspace package was added (a scaffolded unit)', () => {
    write('packages/parkir/package.json', JSON.stringify({ name: '@kkmp/unit-parkir', version: '0.1.0' }));
    expect(installIsCurrent(root)).toMatchObject({ current: false, reason: 'workspace packages added or removed' });
  });

  it("no, when a package's node_modules is gone, or nothing was ever installed", () => {
    rmSync(join(root, 'packages/core/node_modules'), { recursive: true });
    expect(installIsCurrent(root).current).toBe(false);
    rmSync(join(root, 'node_modules'), { recursive: true });
    expect(installIsCurrent(root)).toMatchObject({ current: false, reason: 'no record of a finished install' });
  });

});
