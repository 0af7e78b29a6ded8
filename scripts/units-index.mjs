#!/usr/bin/env node
// The list of unit pages in docs/units/README.md, generated from the units' own pages (plugins/<id>/README.md)
// so that a new unit's docs stay inside its folder. `pnpm create-unit` runs it; test/contract/docs.test.ts
// runs it with --check and fails when the list is out of date.
//   node scripts/units-index.mjs           rewrite the list
//   node scripts/units-index.mjs --check   exit 1 if the list is out of date
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const START = '<!-- units:start (generated from plugins/*/README.md by scripts/units-index.mjs) -->';
const END = '<!-- units:end -->';

/** The table of unit pages: one row per plugins/<id>/README.md, titled by its first heading. */
export function unitsTable(root) {
  const plugins = join(root, 'plugins');
  const rows = readdirSync(plugins, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(plugins, d.name, 'README.md')))
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const heading = /^# (.+)$/m.exec(readFileSync(join(plugins, id, 'README.md'), 'utf8'))?.[1] ?? id;
      const title = heading.replace(/\s*\(`[^`]*`\)\s*$/, '');
      return `| ${title} | \`${id}\` | [plugins/${id}](../../plugins/${id}/README.md) |`;
    });
  return ['| unit | id | page |', '|---|---|---|', ...rows].join('\n');
}

/** docs/units/README.md with its generated list replaced by the current one. */
export function withCurrentTable(root) {
  const file = join(root, 'docs/units/README.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file}: the markers ${START} ... ${END} are missing`);
  return { file, text, updated: `${text.slice(0, start + START.length)}\n${unitsTable(root)}\n${text.slice(end)}` };
}

export function writeUnitsIndex(root) {
  const { file, text, updated } = withCurrentTable(root);
  if (updated !== text) writeFileSync(file, updated);
  return updated !== text;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  if (process.argv.includes('--check')) {
    const { text, updated } = withCurrentTable(root);
    if (updated !== text) {
      console.error('docs/units/README.md does not list the pages in plugins/*/README.md: run `node scripts/units-index.mjs`.');
      process.exit(1);
    }
  } else {
    console.log(writeUnitsIndex(root) ? 'docs/units/README.md: list of units updated' : 'docs/units/README.md: list of units up to date');
  }
}
