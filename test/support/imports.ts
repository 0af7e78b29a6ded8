import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult, type IViolation } from 'dependency-cruiser';

/**
 * The import rules live in .dependency-cruiser.json at the repository root (dependency-cruiser's own
 * format, so `depcruise --config .dependency-cruiser.json packages plugins test` reports the same).
 * The architecture test, the rule fixtures and the scaffold test all cruise with this one rule set.
 */
export const repoRoot = join(import.meta.dirname, '..', '..');
export const importRules: IConfiguration = JSON.parse(readFileSync(join(repoRoot, '.dependency-cruiser.json'), 'utf8'));

/** Cruises `paths` (relative to `baseDir`, a checkout or a fixture tree of the same layout) with the rules. */
export async function cruiseImports(baseDir: string, paths: string[]): Promise<ICruiseResult> {
  const { output } = await cruise(paths, { ...importRules.options, baseDir, validate: true, ruleSet: { forbidden: importRules.forbidden } });
  if (typeof output === 'string') throw new Error('dependency-cruiser returned a report instead of a cruise result');
  return output;
}

/** An npm package's name for a path into node_modules (stable across pnpm's store layout), else the path. */
export function moduleLabel(path: string): string {
  const npm = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return npm ? `npm:${npm[1]}` : path;
}

/** One line per violation, e.g. "sdk-imports-no-host: packages/plugin-sdk/src/x.ts -> packages/host/src/y.ts". */
export function violationLines(result: ICruiseResult): string[] {
  return (result.summary.violations as IViolation[]).map((v) => {
    const path = v.cycle ? [v.from, ...v.cycle.map((c) => c.name)] : [v.from, v.to];
    return `${v.rule.name}: ${path.map(moduleLabel).join(' -> ')}`;
  });
}
