// Whether node_modules already holds exactly what the lockfile and the workspace ask for, judged from
// files pnpm writes on every install. Cheap (a few stats and one file compare) and conservative: any
// doubt answers "not current", and the caller installs as before.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @returns {{ current: boolean, reason?: string }} */
export function installIsCurrent(root) {
  const modules = join(root, 'node_modules');
  let state;
  try {
    state = JSON.parse(readFileSync(join(modules, '.pnpm-workspace-state-v1.json'), 'utf8'));
  } catch {
    return { current: false, reason: 'no record of a finished install' };
  }
  const validated = Number(state.lastValidatedTimestamp);
  if (!Number.isFinite(validated)) return { current: false, reason: 'no install time' };
  // pnpm copies the lockfile it installed into node_modules/.pnpm/lock.yaml.
  const installed = join(modules, '.pnpm', 'lock.yaml');
  const wanted = join(root, 'pnpm-lock.yaml');
  if (!existsSync(installed) || !readFileSync(installed).equals(readFileSync(wanted))) return { current: false, reason: 'pnpm-lock.yaml changed' };
  if (statSync(join(root, 'pnpm-workspace.yaml')).mtimeMs > validated) return { current: false, reason: 'pnpm-workspace.yaml changed' };
  const projects = workspaceProjects(root);
  if (!projects) return { current: false, reason: 'workspace patterns too complex to check' };
  const known = Object.keys(state.projects ?? {});
  if (known.length !== projects.length || !projects.every((p) => known.includes(p))) return { current: false, reason: 'workspace packages added or removed' };
  for (const dir of projects) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const was = state.projects[dir];
    if (was.name !== manifest.name || (was.version ?? '0.0.0') !== (manifest.version ?? '0.0.0')) return { current: false, reason: `${dir} renamed` };
    if (statSync(join(dir, 'package.json')).mtimeMs > validated) return { current: false, reason: `${dir}/package.json changed` };
    if (dir !== root && !existsSync(join(dir, 'node_modules')) && hasDependencies(manifest)) return { current: false, reason: `${dir}/node_modules missing` };
  }
  return { current: true };
}

/** The root and the workspace packages (pnpm-workspace.yaml's `dir` and `dir/*` patterns), or null. */
function workspaceProjects(root) {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const block = /^packages:\s*\n((?:[ \t]+-.*\n?)+)/m.exec(yaml);
  if (!block) return null;
  const patterns = block[1].split('\n').map((l) => l.replace(/^\s*-\s*/, '').replace(/['"]/g, '').trim()).filter(Boolean);
  const dirs = [root];
  for (const pattern of patterns) {
    if (/[*?{}[\]!]/.test(pattern.replace(/\/\*$/, ''))) return null;
    const base = join(root, pattern.replace(/\/\*$/, ''));
    const candidates = pattern.endsWith('/*') ? (existsSync(base) ? readdirSync(base).map((d) => join(base, d)) : []) : [base];
    dirs.push(...candidates.filter((d) => existsSync(join(d, 'package.json'))));
  }
  return dirs;
}

function hasDependencies(manifest) {
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.optionalDependencies }).length > 0;
}
