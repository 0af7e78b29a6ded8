import { createHash } from 'node:crypto';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import type { AnyUnit, UnitExample } from '@kkmp/plugin-sdk';
import { coreExamples } from './examples';

/**
 * The GraphiQL bundle as @graphql-yoga/render-graphiql/graphiql exports it. The dev server passes it in,
 * so the Lambda bundle never carries its 9 MB and the page needs no CDN (the browser may be offline).
 */
export interface GraphiQLAssets {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}

export interface GraphiQLSetup {
  assets: GraphiQLAssets;
  /** Demo tokens by user label (platform, city, manager, ...); an example's `as` picks one. */
  tokens?: Record<string, string>;
  /** The token in the header editor and of examples without `as` (default: tokens.manager). */
  token?: string;
  /** Demo ids that replace "$cooperativeId", "$cityId", "$memberId" in examples' variables. */
  substitutions?: Record<string, string>;
}

/** Yoga's GraphiQL options: one tab per example (core first, then each unit's), headers pre-filled. */
export function graphiqlOptions(units: readonly AnyUnit[], setup: GraphiQLSetup): GraphiQLOptions {
  const token = setup.token ?? setup.tokens?.manager;
  const today = new Date().toISOString().slice(0, 10);
  const values: Record<string, string> = { today, monthStart: `${today.slice(0, 8)}01`, ...setup.substitutions };
  const headersFor = (as?: string) => {
    const t = (as && setup.tokens?.[as]) || token;
    return t ? JSON.stringify({ Authorization: `Bearer ${t}` }, null, 2) : '{}';
  };
  const examples: [string, UnitExample][] = [
    ...coreExamples.map((e): [string, UnitExample] => ['kkmp', e]),
    ...units.flatMap((u) => (u.examples ?? []).map((e): [string, UnitExample] => [u.id, e])),
  ];
  return {
    title: 'kkmp GraphQL',
    headers: headersFor(),
    defaultTabs: examples.map(([owner, e]) => ({
      query: `# ${owner}: ${e.name}\n${e.description ? `# ${e.description}\n` : ''}${e.query.trim()}\n`,
      variables: JSON.stringify(substitute(e.variables ?? {}, values), null, 2),
      headers: headersFor(e.as),
    })),
  };
}

/** "$name" strings anywhere in the variables become the demo value of that name, when one is known. */
function substitute(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string' && value.startsWith('$')) return values[value.slice(1)] ?? value;
  if (Array.isArray(value)) return value.map((v) => substitute(v, values));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, values)]));
  return value;
}

interface Asset {
  body: string | ArrayBuffer;
  type: string;
}

/**
 * The page and its assets, served by this server under /graphiql/<content hash>/ (cached for good: a new
 * bundle gets a new path). Monaco's workers load from the same origin too.
 */
export function selfHostedGraphiQL(assets: GraphiQLAssets): { render: (opts: GraphiQLOptions) => string; plugin: Plugin } {
  const base = `/graphiql/${createHash('sha256').update(assets.js).digest('hex').slice(0, 12)}`;
  const [, iconType = 'image/x-icon', iconData = ''] = /^data:([^;]+);base64,(.*)$/s.exec(assets.favicon) ?? [];
  const files = new Map<string, Asset>([
    [`${base}/graphiql.js`, { body: assets.js, type: 'text/javascript; charset=utf-8' }],
    [`${base}/graphiql.css`, { body: assets.css, type: 'text/css; charset=utf-8' }],
    [`${base}/editor.worker.js`, { body: assets.editorWorkerService, type: 'text/javascript; charset=utf-8' }],
    [`${base}/json.worker.js`, { body: assets.jsonWorker, type: 'text/javascript; charset=utf-8' }],
    [`${base}/graphql.worker.js`, { body: assets.graphqlWorker, type: 'text/javascript; charset=utf-8' }],
    [`${base}/favicon.ico`, { body: new Uint8Array(Buffer.from(iconData, 'base64')).buffer, type: iconType }],
  ]);
  const workers = { editorWorkerService: `${base}/editor.worker.js`, json: `${base}/json.worker.js`, graphql: `${base}/graphql.worker.js` };
  const render = (opts: GraphiQLOptions) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(opts.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${base}/favicon.ico" />
    <link rel="stylesheet" href="${base}/graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run GraphiQL.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(workers)};
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workers[label] };
    </script>
    <script src="${base}/graphiql.js"></script>
    <script>YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${scriptJson(opts)});</script>
  </body>
</html>
`;
  const plugin: Plugin = {
    onRequest({ url, endResponse, fetchAPI }) {
      const file = files.get(url.pathname);
      if (!file) return;
      endResponse(
        new fetchAPI.Response(file.body, { status: 200, headers: { 'content-type': file.type, 'cache-control': 'public, max-age=31536000, immutable' } }),
      );
    },
  };
  return { render, plugin };
}

/** JSON that is safe inside a <script> element (no "</script>", no HTML comment openers). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
