import { buildHostSchema } from '@kkmp/host';
import { printSchema } from 'graphql';
import { installedUnits } from '../units.config';

/** The committed schema contract (schema.graphql at the repo root). */
export const SCHEMA_FILE = 'schema.graphql';
/** The schema of the last release: what the breaking-change check compares against. */
export const RELEASED_SCHEMA_FILE = 'schema.released.graphql';

const HEADER = '# Generated from the code by `npm run schema`. Do not edit: change the code and run it again.\n\n';

/**
 * The SDL of this deployment's schema: core plus installed units, types in lexicographic order (the host
 * sorts them) so the file diffs cleanly in review.
 */
export function printHostSchema(): string {
  return HEADER + printSchema(buildHostSchema(installedUnits).schema) + '\n';
}
