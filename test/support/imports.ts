import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The plugin import rule, shared by the architecture test and the scaffold test. */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

export const importsOf = (source: string) => [...source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);

/** Why an import of a plugin file is not allowed, or undefined when it is. */
export function forbiddenImport(pluginDir: string, file: string, spec: string): string | undefined {
  if (spec.startsWith('.')) {
    const target = resolve(file, '..', spec);
    return target.startsWith(pluginDir + '/') || target === pluginDir ? undefined : `relative import leaves the plugin: ${spec}`;
  }
  if (spec.startsWith('@kkmp/')) {
    const name = spec.split('/').slice(0, 2).join('/');
    if (name === '@kkmp/plugin-sdk' || name === '@kkmp/commerce') return undefined;
    if (name === '@kkmp/unit-testing' && file.startsWith(join(pluginDir, 'test') + '/')) return undefined;
    return `imports ${spec}: plugins depend on @kkmp/plugin-sdk and @kkmp/commerce only (tests also on @kkmp/unit-testing)`;
  }
  return undefined;
}

