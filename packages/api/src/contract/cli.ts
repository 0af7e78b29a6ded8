/**
 * The schema contract's commands (through scripts/kkmp.mjs):
 *   npm run schema           writes schema.graphql from the code
 *   npm run release:schema   also makes it the released baseline (schema.released.graphql)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../local/paths';
import { RELEASED_SCHEMA_FILE, SCHEMA_FILE, printHostSchema } from './sdl';

const root = repoRoot();
const command = process.argv[2];
if (command !== 'write' && command !== 'release') {
  console.error('usage: cli.ts write|release');
  process.exit(1);
}
const sdl = printHostSchema();
writeFileSync(join(root, SCHEMA_FILE), sdl);
console.log(`wrote ${SCHEMA_FILE} (${sdl.split('\n').length} lines)`);
if (command === 'release') {
  // Both from the same print: the committed contract and the release baseline cannot disagree.
  writeFileSync(join(root, RELEASED_SCHEMA_FILE), sdl);
  console.log(`wrote ${RELEASED_SCHEMA_FILE}: the baseline the breaking-change check compares against.`);
  console.log('Commit both files, tag the commit, deploy (README.md, "Releasing").');
}
