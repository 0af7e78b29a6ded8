import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { forbiddenImport, importsOf, tsFiles } from './support/imports';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('plugins depend on the plugin SDK only', () => {
  const pluginsDir = join(root, 'plugins');
  const plugins = readdirSync(pluginsDir).filter((d) => statSync(join(pluginsDir, d)).isDirectory() && !d.startsWith('.'));

  it('no file under plugins/ imports another plugin, the API package, or core/store directly', () => {
    const offences: string[] = [];
    for (const p of plugins) {
      const dir = join(pluginsDir, p);
      for (const file of tsFiles(dir)) {
        for (const spec of importsOf(readFileSync(file, 'utf8'))) {
          const why = forbiddenImport(dir, file, spec);
          if (why) offences.push(`${relative(root, file)}: ${why}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('no plugin package declares a workspace dependency other than the SDK', () => {
    for (const p of plugins) {
      const pkg = JSON.parse(readFileSync(join(pluginsDir, p, 'package.json'), 'utf8'));
      const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies }).filter((d) => d.startsWith('@kkmp/'));
      expect(deps.filter((d) => !['@kkmp/plugin-sdk', '@kkmp/commerce', '@kkmp/unit-testing'].includes(d)), `${p}/package.json`).toEqual([]);
      expect(Object.keys(pkg.dependencies ?? {}), `${p}: unit-testing is a dev dependency`).not.toContain('@kkmp/unit-testing');
      expect(pkg.name).toBe(`@kkmp/unit-${p}`);
    }
  });

  it('the rule itself catches what it must', () => {
    const dir = '/repo/plugins/lpg';
    const file = `${dir}/src/index.ts`;
    expect(forbiddenImport(dir, file, '@kkmp/api')).toMatch(/plugin-sdk and @kkmp\/commerce only/);
    expect(forbiddenImport(dir, file, '@kkmp/unit-sembako')).toMatch(/plugin-sdk and @kkmp\/commerce only/);
    expect(forbiddenImport(dir, file, '@kkmp/core')).toMatch(/plugin-sdk and @kkmp\/commerce only/);
    expect(forbiddenImport(dir, file, '../../sembako/src/index')).toMatch(/leaves the plugin/);
    expect(forbiddenImport(dir, file, '../../../packages/api/src/app')).toMatch(/leaves the plugin/);
    expect(forbiddenImport(dir, file, './quota')).toBeUndefined();
    expect(forbiddenImport(dir, file, '@kkmp/unit-testing')).toMatch(/tests also/);
    expect(forbiddenImport(dir, `${dir}/test/sale.test.ts`, '@kkmp/unit-testing')).toBeUndefined();
    expect(forbiddenImport(dir, file, '@kkmp/commerce')).toBeUndefined();
    expect(forbiddenImport(dir, file, '@kkmp/host')).toMatch(/only/);
    expect(importsOf(`import x from '@kkmp/api';\nexport { y } from "../z";\nconst m = await import('@kkmp/unit-a');\nimport '@kkmp/unit-b';`)).toEqual(['@kkmp/api', '../z', '@kkmp/unit-a', '@kkmp/unit-b']);
  });
});
