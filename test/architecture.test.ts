import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cruiseImports, importRules, repoRoot, violationLines } from './support/imports';

const read = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));

describe('import rules (dependency-cruiser, .dependency-cruiser.json)', () => {
  it('the workspace breaks none of them (every violation is listed)', async () => {
    const result = await cruiseImports(repoRoot, ['packages', 'plugins', 'test']);
    expect(violationLines(result)).toEqual([]);
    // The rules see the workspace graph: package names resolve to the packages' sources (so a rule on
    // packages/... can fire at all), and the SDK's type-only imports of core are told from run-time ones.
    const deps = (source: string) => result.modules.find((m) => m.source === source)?.dependencies ?? [];
    expect(deps('plugins/sembako/src/index.ts').map((d) => d.resolved)).toContain('packages/plugin-sdk/src/index.ts');
    expect(deps('packages/plugin-sdk/src/context.ts').find((d) => d.module === '@kkmp/core')?.dependencyTypes).toContain('type-only');
    expect(deps('packages/plugin-sdk/src/ids.ts').find((d) => d.module === '@kkmp/core/kernel')?.dependencyTypes).not.toContain('type-only');
  });

  it('each rule fires on the deliberately bad fixture, and the allowed imports there pass', async () => {
    const result = await cruiseImports(join(repoRoot, 'test/fixtures/architecture'), ['packages', 'plugins']);
    const expected = [
      'commerce-imports-sdk-only: packages/commerce/src/index.ts -> npm:zod',
      'core-imports-no-plugin-host-api-sdk: packages/core/src/index.ts -> packages/host/src/units/enablement.ts',
      'host-imports-no-api-or-units: packages/host/src/index.ts -> plugins/lpg/src/index.ts',
      'no-folder-cycle: packages/core/src -> packages/store/src -> packages/core/src',
      'no-folder-cycle: packages/host/src/schema -> packages/host/src/units -> packages/host/src/schema',
      'no-folder-cycle: packages/host/src/units -> packages/host/src/schema -> packages/host/src/units',
      'no-folder-cycle: packages/store/src -> packages/core/src -> packages/store/src',
      'not-to-unresolvable: packages/api/src/index.ts -> ./missing',
      'nothing-imports-bench: packages/core/src/index.ts -> packages/bench/src/index.ts',
      'only-tests-import-api: plugins/lpg/src/quota.ts -> packages/api/src/index.ts',
      'plugin-imports-sdk-and-commerce-only: plugins/lpg/src/index.ts -> packages/store/src/index.ts',
      'plugin-imports-sdk-and-commerce-only: plugins/lpg/src/index.ts -> plugins/water/src/index.ts',
      'plugin-imports-sdk-and-commerce-only: plugins/lpg/src/quota.ts -> npm:zod',
      'plugin-imports-sdk-and-commerce-only: plugins/lpg/src/quota.ts -> packages/api/src/index.ts',
      'plugin-test-imports-sdk-commerce-unit-testing-only: plugins/lpg/test/sale.ts -> packages/host/src/index.ts',
      'sdk-imports-no-host: packages/plugin-sdk/src/index.ts -> packages/host/src/units/enablement.ts',
      'sdk-runtime-core-kernel-only: packages/plugin-sdk/src/index.ts -> packages/core/src/index.ts',
      'store-imports-no-workspace-package: packages/store/src/index.ts -> packages/core/src/kernel.ts',
      'unit-testing-imports-no-api-or-units: packages/unit-testing/src/index.ts -> packages/commerce/src/index.ts',
    ];
    expect(violationLines(result).sort()).toEqual(expected);
    // No rule without a fixture that shows it biting.
    const fired = new Set(expected.map((line) => line.split(':')[0]));
    expect((importRules.forbidden ?? []).map((rule) => rule.name).filter((name) => !fired.has(name!))).toEqual([]);
  });
});

describe('packages and their dependencies', () => {
  const plugins = readdirSync(join(repoRoot, 'plugins'), { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name);

  it('a plugin declares no workspace dependency but the SDK, the commerce kit and (dev only) unit-testing', () => {
    for (const p of plugins) {
      const pkg = read(`plugins/${p}/package.json`);
      const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies }).filter((d) => d.startsWith('@kkmp/'));
      expect(deps.filter((d) => !['@kkmp/plugin-sdk', '@kkmp/commerce', '@kkmp/unit-testing'].includes(d)), `${p}/package.json`).toEqual([]);
      expect(Object.keys(pkg.dependencies ?? {}), `${p}: unit-testing is a dev dependency`).not.toContain('@kkmp/unit-testing');
      expect(pkg.name).toBe(`@kkmp/unit-${p}`);
    }
  });

  it('@kkmp/plugin-sdk depends on no host, test or AWS package', () => {
    const pkg = read('packages/plugin-sdk/package.json');
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies });
    expect(deps).toContain('zod');
    expect(deps.filter((d) => /^(graphql-yoga|jose|@escape\.tech\/graphql-armor.*|vitest|@aws-sdk\/.*)$/.test(d))).toEqual([]);
  });

  /** The npm packages a fresh Node process loads when it imports `specifier` (test/support/loaded-modules.mjs). */
  function packagesLoadedBy(specifier: string): { files: string[]; packages: Set<string> } {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/support/loaded-modules.mjs', specifier], { cwd: repoRoot, encoding: 'utf8' });
    const files: string[] = JSON.parse(out);
    const packages = new Set(files.flatMap((f) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1] ?? []));
    return { files: files.map((f) => f.replace(`${repoRoot}/`, '')), packages };
  }
  const heavy = (packages: Set<string>) => [...packages].filter((p) => /^(@aws-sdk\/.*|graphql-yoga|jose|vitest|@vitest\/.*|@escape\.tech\/.*)$/.test(p)).sort();

  it('importing @kkmp/plugin-sdk in a fresh process loads no AWS SDK, yoga, jose or vitest module', () => {
    const sdk = packagesLoadedBy('@kkmp/plugin-sdk');
    expect(sdk.files).toContain('packages/plugin-sdk/src/index.ts');
    expect(sdk.files).toContain('packages/core/src/kernel.ts');
    expect(sdk.packages).toContain('zod');
    expect(heavy(sdk.packages)).toEqual([]);
    // Besides the SDK and core's pure kernel, only the store's expression builder, which imports nothing.
    expect(sdk.files.filter((f) => f.startsWith('packages/') && !/^packages\/(plugin-sdk|core)\//.test(f))).toEqual(['packages/store/src/expressions.ts']);
    // The same probe does see them where they belong: the host loads yoga, jose and (through the store) the AWS SDK.
    const host = heavy(packagesLoadedBy('@kkmp/host').packages);
    expect(host).toEqual(expect.arrayContaining(['graphql-yoga', 'jose', '@aws-sdk/lib-dynamodb']));
  }, 60_000);
});
