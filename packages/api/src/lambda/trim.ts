/**
 * esbuild plugins that keep what the Lambda never runs out of its bundle, without changing any import in
 * the code (plugin authors still write `import { z } from '@kkmp/plugin-sdk'`).
 */
import { dirname, join, sep } from 'node:path';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/**
 * zod re-exports every locale (`z.locales`, `z.core.locales`): about 260 KiB minified, over half of zod in
 * the bundle, since a namespace re-export cannot be tree-shaken. The API speaks English (zod's default)
 * and Indonesian (`z.locales.id`, the core's validation messages); only those two are bundled.
 */
export const zodLocales: Plugin = {
  name: 'kkmp-zod-locales',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${sep}zod${sep}v4${sep}`) ? { path: join(dirname(args.importer), args.path), namespace: 'kkmp-zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'kkmp-zod-locales' }, (args) => ({
      contents: `export { default as en } from './en.js';\nexport { default as id } from './id.js';\n`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * In Lambda the function's role always reaches the SDK as environment variables (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN). The SDK's default chain would also bundle SSO, STS web
 * identity, profile files, process and IMDS providers with their nested clients (about 100 KiB) that can
 * never be used there; the bundle gets the chain's environment provider alone.
 */
export const envCredentialsOnly: Plugin = {
  name: 'kkmp-env-credentials',
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, (args) => {
      // Resolved from the chain's own package, whose dependency the environment provider is.
      const chain = createRequire(join(args.resolveDir, 'index.js')).resolve('@aws-sdk/credential-provider-node');
      return { path: chain, namespace: 'kkmp-env-credentials' };
    });
    build.onLoad({ filter: /.*/, namespace: 'kkmp-env-credentials' }, (args) => ({
      contents: `import { fromEnv } from '@aws-sdk/credential-provider-env';\nexport const defaultProvider = (init = {}) => fromEnv(init);\n`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * graphql ships CommonJS (`.js`) and ESM (`.mjs`) side by side. A deep import without an extension
 * (graphql-armor's max-tokens rule: `graphql/language/parser`) resolves to the CommonJS file, which
 * brought a second copy of graphql's parser, lexer and AST helpers (about 43 KiB) next to the ESM one
 * everything else uses, and two GraphQL classes of each kind. Such imports get the `.mjs` file of the same
 * graphql, so the bundle holds one graphql.
 */
export const graphqlEsmOnly: Plugin = {
  name: 'kkmp-graphql-esm',
  setup(build) {
    build.onResolve({ filter: /^graphql\/.+/ }, async (args) => {
      if (/\.m?js$/.test(args.path) || args.pluginData === 'kkmp-graphql-esm') return undefined;
      const esm = await build.resolve(`${args.path}.mjs`, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'kkmp-graphql-esm' });
      return esm.errors.length ? undefined : { path: esm.path };
    });
  },
};

/**
 * graphql-yoga's landing page (a 12 KiB HTML string) is imported by its unhandled-route plugin even when
 * the landing page is off, as it always is here (`landingPage: false` in @kkmp/host's createApi): the
 * Lambda gets an empty page instead.
 */
export const noYogaLandingPage: Plugin = {
  name: 'kkmp-no-yoga-landing-page',
  setup(build) {
    build.onResolve({ filter: /\/landing-page-html\.js$/ }, (args) =>
      /graphql-yoga/.test(args.importer) ? { path: args.path, namespace: 'kkmp-no-landing-page' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'kkmp-no-landing-page' }, () => ({ contents: `export default '';\n`, loader: 'js' }));
  },
};

const UNIT_FILE = /[\\/]plugins[\\/][^\\/]+[\\/]src[\\/](demo|examples)\.ts$/;
const REAL = 'kkmp-dev-only-real';

/**
 * A unit's `src/demo.ts` (seeds `npm run dev`'s demo data) and `src/examples.ts` (GraphiQL's tabs) are
 * development tools the Lambda never runs: production serves no GraphiQL, and the deployed schema build
 * does not check examples (build.ts and the suite do). Examples become empty lists; each demo function
 * stays, but loads its module (a chunk of its own) when called. A file of any other shape (an export that
 * is not an `export const <unit>Examples`, or not an `export async function`) is bundled as it is.
 */
export const devOnlyUnitFiles: Plugin = {
  name: 'kkmp-dev-only-unit-files',
  setup(build) {
    build.onLoad({ filter: UNIT_FILE, namespace: 'file' }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const kind = UNIT_FILE.exec(args.path)![1];
      const exports = [...source.matchAll(/^export\s+(.*?)(\w+)\s*[=(:<]/gm)].map((m) => ({ how: m[1]!.trim(), name: m[2]! }));
      if (exports.length === 0) return undefined;
      if (kind === 'examples' && exports.every((e) => e.how === 'const' && e.name.endsWith('Examples'))) {
        return { contents: exports.map((e) => `export const ${e.name} = [];`).join('\n'), loader: 'js' };
      }
      if (kind === 'demo' && exports.every((e) => e.how === 'async function')) {
        const real = JSON.stringify(`${args.path}?${REAL}`);
        const wrappers = exports.map((e) => `export async function ${e.name}(...args) { return (await import(${real})).${e.name}(...args); }`);
        return { contents: wrappers.join('\n'), loader: 'js', resolveDir: dirname(args.path) };
      }
      return undefined;
    });
    build.onResolve({ filter: new RegExp(`\\?${REAL}$`) }, (args) => ({ path: args.path.slice(0, -REAL.length - 1), namespace: REAL }));
    build.onLoad({ filter: /.*/, namespace: REAL }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'ts', resolveDir: dirname(args.path) }));
  },
};
