import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELEASED_SCHEMA_FILE, printHostSchema } from '@kkmp/api/contract';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkCompatibility, describeChanges } from './breaking-policy';

const root = join(import.meta.dirname, '..', '..');

describe('no release breaks a client silently', () => {
  it(`the schema breaks nothing of ${RELEASED_SCHEMA_FILE} that was not deprecated first`, async () => {
    const released = buildSchema(readFileSync(join(root, RELEASED_SCHEMA_FILE), 'utf8'));
    const { refused } = await checkCompatibility(released, buildSchema(printHostSchema()));
    expect(
      refused,
      `Breaking changes against the last release:\n${describeChanges(refused)}\n` +
        'Deprecate first (deprecationReason in the code), release, and remove in a later release. A release that\n' +
        'breaks clients on purpose (agreed with every front-end team) re-baselines: `npm run release:schema`.',
    ).toEqual([]);
  });
});
