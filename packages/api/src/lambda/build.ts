/**
 * Builds the GraphQL Lambda bundle the way SST's Node runtime does (bundle.ts has the esbuild options),
 * so what `pnpm build` produces is what `sst deploy` ships, and its size can be watched without AWS.
 * Output: dist/lambda/handler.mjs (+ .map) at the repo root; Lambda handler `handler.handler`.
 *
 *   pnpm build:run        (tsx packages/api/src/lambda/build.ts)
 */
import { rm } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHostSchema } from '@kkmp/host';
import { installedUnits } from '../units.config';
import { bundleLambda } from './bundle';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const outdir = resolve(root, 'dist/lambda');

await rm(outdir, { recursive: true, force: true });
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

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `${relative(root, bundle.outfile)}: ${kib(bundle.size)} (${kib(bundle.gzipped)} gzipped), source map ${kib(bundle.map)}, ` +
    `built in ${Math.round(bundle.buildMs)} ms`,
);
// The five largest packages (or source folders) in the bundle, by bytes they contribute.
for (const [name, bytes] of bundle.byPackage.slice(0, 5)) console.log(`  ${kib(bytes).padStart(10)}  ${name}`);
