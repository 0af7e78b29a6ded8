/**
 * Builds the GraphQL Lambda (bundle.ts has the esbuild options) into dist/lambda/ at the repo root:
 * handler.mjs and chunks/*.mjs (their source maps go to dist/lambda-sourcemaps/). That folder is what `sst deploy` ships (infra/api.ts runs this
 * build and deploys the folder as is; Lambda handler `handler.handler`), and its size can be watched
 * without AWS. The whole unit set is checked first (every start-up check), since the handler skips the
 * checks that depend only on code.
 *
 *   pnpm build:run        (tsx packages/api/src/lambda/build.ts)
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHostSchema } from '@kkmp/host';
import { installedUnits } from '../units.config';
import { bundleLambda } from './bundle';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const outdir = resolve(root, 'dist/lambda');
// The source maps, kept out of the deployed folder (see bundle.ts), in the same layout.
const mapsdir = resolve(root, 'dist/lambda-sourcemaps');

await rm(outdir, { recursive: true, force: true });
await rm(mapsdir, { recursive: true, force: true });
let bundle;
try {
  // Every start-up check, here: the handler's cold start skips those that depend only on code
  // (schemaChecks "deployed"), so a bundle is only ever built from a unit set that passes them all.
  buildHostSchema(installedUnits);
  bundle = await bundleLambda(resolve(here, 'handler.ts'), outdir);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
for (const file of await readdir(outdir, { recursive: true })) {
  if (!file.endsWith('.map')) continue;
  await mkdir(dirname(join(mapsdir, file)), { recursive: true });
  await rename(join(outdir, file), join(mapsdir, file));
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `${relative(root, bundle.outfile)} and the chunks it imports: ${kib(bundle.size)} (${kib(bundle.gzipped)} gzipped) loaded at cold start; ` +
    `${kib(bundle.total)} (${kib(bundle.totalGzipped)}) in all files of ${relative(root, outdir)}/, source maps ${kib(bundle.map)} in ${relative(root, mapsdir)}/, built in ${Math.round(bundle.buildMs)} ms`,
);
// The five largest packages (or source folders) a cold start loads, and those loaded on demand only.
for (const [name, bytes] of bundle.byPackage.slice(0, 5)) console.log(`  ${kib(bytes).padStart(10)}  ${name}`);
console.log('  on demand:');
for (const [name, bytes] of bundle.lazyByPackage.slice(0, 5)) console.log(`  ${kib(bytes).padStart(10)}  ${name}`);
