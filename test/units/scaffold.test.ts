import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { forbiddenImport, importsOf, tsFiles } from '../support/imports';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// A unique id so a parallel run never collides; the folder is removed afterwards.
const id = `scaf${Math.random().toString(36).slice(2, 8).replace(/[0-9]/g, 'x')}`;
const dir = join(root, 'plugins', id);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pnpm create-unit <id>', () => {
  it('scaffolds a plugin that compiles and passes the conformance suite and its own test unchanged', () => {
    const created = execFileSync(process.execPath, ['scripts/create-unit.mjs', id, '--no-install'], { cwd: root, encoding: 'utf8' });
    expect(created).toMatch(`created plugins/${id}/`);
    for (const f of ['package.json', 'src/index.ts', `test/${id}.test.ts`, 'README.md']) expect(existsSync(join(dir, f)), f).toBe(true);

    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json'), '--noEmit'], { cwd: root, encoding: 'utf8' });
    // The generated unit obeys the plugin import rule (it depends on the SDK only).
    const offences = tsFiles(dir).flatMap((file) => importsOf(readFileSync(file, 'utf8')).flatMap((spec) => forbiddenImport(dir, file, spec) ?? []));
    expect(offences).toEqual([]);
    expect(importsOf(readFileSync(join(dir, 'src/index.ts'), 'utf8'))).toEqual(['@kkmp/plugin-sdk']);

    const out = execFileSync(join(root, 'node_modules/.bin/vitest'), ['run', '--reporter=verbose', `plugins/${id}`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 180_000,
    });
    expect(out).toMatch(/conformance/);
    expect(out).toMatch(/Tests\s+7 passed \(7\)/);
  }, 240_000);

  it('refuses a bad id', () => {
    expect(() => execFileSync(process.execPath, ['scripts/create-unit.mjs', 'Bad-Id', '--no-install'], { cwd: root, stdio: 'pipe' })).toThrow(/lowercase/);
  });
});
