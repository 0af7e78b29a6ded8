// Installing a unit is one line in packages/api/src/units.config.ts: the composition root (@kkmp/api)
// gets every unit plugin under plugins/ as a workspace dependency here, so its package.json needs no edit.
// pnpm applies this to the workspace's own manifests before resolving; the lockfile records the result.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const pluginsDir = join(__dirname, 'plugins');

function unitPackages() {
  return readdirSync(pluginsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(pluginsDir, d.name, 'package.json')))
    .map((d) => JSON.parse(readFileSync(join(pluginsDir, d.name, 'package.json'), 'utf8')).name)
    .sort();
}

function readPackage(pkg) {
  if (pkg.name !== '@kkmp/api') return pkg;
  pkg.dependencies = { ...pkg.dependencies };
  for (const name of unitPackages()) pkg.dependencies[name] ??= 'workspace:*';
  return pkg;
}

module.exports = { hooks: { readPackage } };
