import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruiseImports, repoRoot, violationLines } from '../support/imports';

// The scaffold runs in a private copy of the working tree (its files as they are now, committed in a
// fresh git repository), so the real checkout stays clean and parallel runs cannot collide.
const id = 'kiosk';
let copy = '';
// CI=true as on the CI machine: pnpm then freezes the lockfile unless told otherwise (the cause of two red CIs).
const env = { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' };
/** Runs a command in the copy; a failure carries the end of its output (pnpm reports on stdout). */
function run(cmd: string, args: string[], opts: ExecFileSyncOptions = {}): string {
  try {
    return execFileSync(cmd, args, { cwd: copy, encoding: 'utf8', env, stdio: 'pipe', timeout: 120_000, ...opts }) as string;
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${String(stdout).slice(-4000)}\n${String(stderr).slice(-2000)}`, { cause: e });
  }
}
const node = (...args: string[]) => run(process.execPath, args);
const git = (...args: string[]) => run('git', ['-c', 'user.name=scaffold-test', '-c', 'user.email=scaffold@test', ...args]);
/** Paths that differ from the copy's first commit, one per file. */
const changed = () => git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).map((line) => line.slice(3));

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'kkmp-scaffold-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' }).split('\0');
  for (const file of files.filter((f) => f && existsSync(join(repoRoot, f)))) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(copy, file));
  }
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'the working tree');
  node('scripts/kkmp.mjs', 'install'); // from pnpm's store: the packages are there already
}, 180_000);
afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('pnpm create-unit <id>', () => {
  it('scaffolds, installs and tests a unit touching nothing outside plugins/<id>/ but units.config.ts and generated files', async () => {
    const before = changed();
    const created = run(process.execPath, ['scripts/create-unit.mjs', id], { timeout: 200_000 }); // its install may retry
    expect(created).toMatch(`created plugins/${id}/`);
    for (const f of ['package.json', 'src/index.ts', 'src/services/records.ts', 'src/examples.ts', `test/${id}.test.ts`, 'README.md']) expect(existsSync(join(copy, 'plugins', id, f)), f).toBe(true);

    // Install it the way the scaffold says: the import it prints, and the unit in installedUnits.
    const importLine = `import ${id} from '@kkmp/unit-${id}';`;
    expect(created).toContain(importLine);
    const config = join(copy, 'packages/api/src/units.config.ts');
    const source = readFileSync(config, 'utf8');
    const installed = source.replace(/^(import [^\n]+\n)(?!import )/m, `$1${importLine}\n`).replace(/(installedUnits[^=]*=\s*\[[^\]]*)\]/, `$1, ${id}]`);
    expect(installed).not.toBe(source);
    writeFileSync(config, installed);
    node('scripts/kkmp.mjs', 'schema'); // schema.graphql and the example client's types
    const schema = readFileSync(join(copy, 'schema.graphql'), 'utf8');
    for (const op of [`${id}AddRecord(`, `${id}Records(`, `type ${id[0]!.toUpperCase()}${id.slice(1)}Record {`]) expect(schema).toContain(op);

    // Its own checks pass unchanged: type check, conformance suite (examples included), input rules, behaviour.
    const out = run('npm', ['run', '--silent', 'test:unit', '--', id, '--reporter=verbose']);
    expect(out).toMatch(/conformance/);
    expect(out).toMatch(/Tests\s+8 passed \(8\)/);

    // It obeys the import rules (its own imports: the cruise follows them into the packages too), and its
    // docs page is listed.
    const own = violationLines(await cruiseImports(copy, [`plugins/${id}`])).filter((line) => line.includes(`: plugins/${id}/`));
    expect(own).toEqual([]);
    node('scripts/units-index.mjs', '--check');
    expect(readFileSync(join(copy, 'docs/units/README.md'), 'utf8')).toContain(`(../../plugins/${id}/README.md)`);

    const touched = changed().filter((f) => !before.includes(f));
    const generated = ['pnpm-lock.yaml', 'schema.graphql', 'examples/client/src/graphql-env.d.ts', 'docs/units/README.md'];
    expect(touched.filter((f) => !f.startsWith(`plugins/${id}/`) && f !== 'packages/api/src/units.config.ts' && !generated.includes(f))).toEqual([]);
    expect(touched).toEqual(expect.arrayContaining([`plugins/${id}/README.md`, 'packages/api/src/units.config.ts', 'pnpm-lock.yaml', 'schema.graphql', 'docs/units/README.md']));
  }, 300_000);

  it('refuses a bad id, the reserved id "testing", and an id that exists', () => {
    expect(() => execFileSync(process.execPath, ['scripts/create-unit.mjs', 'Bad-Id', '--no-install'], { cwd: repoRoot, stdio: 'pipe' })).toThrow(/lowercase/);
    expect(() => execFileSync(process.execPath, ['scripts/create-unit.mjs', 'sembako', '--no-install'], { cwd: repoRoot, stdio: 'pipe' })).toThrow(/exists already/);
    expect(() => execFileSync(process.execPath, ['scripts/create-unit.mjs', 'testing', '--no-install'], { cwd: repoRoot, stdio: 'pipe' })).toThrow(/reserved/);
  });
});
