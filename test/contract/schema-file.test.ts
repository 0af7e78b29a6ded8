import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_FILE, printHostSchema } from '@kkmp/api/contract';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('schema.graphql: the committed contract front-end teams build against', () => {
  it('is exactly what the code prints (run `npm run schema` after changing the schema)', () => {
    const committed = readFileSync(join(root, SCHEMA_FILE), 'utf8');
    expect(committed, `${SCHEMA_FILE} is out of date: run \`npm run schema\` and commit it`).toBe(printHostSchema());
  });
});
