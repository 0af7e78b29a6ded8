import { buildHostSchema, UnitSetError } from '@kkmp/host';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import { installedUnits } from '@kkmp/api';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { broken, notes } from './fixture-units';

// The Lambda builds its schema with checks "deployed" (packages/api/src/lambda/handler.ts): the code-only
// checks ran in `npm run build` and in this suite. Skipping them must change nothing the API serves.
describe('the deployed schema build (the Lambda cold start)', () => {
  it('serves the same schema as the fully checked build, only not sorted', () => {
    const full = buildHostSchema(installedUnits).schema;
    const deployed = buildHostSchema(installedUnits, undefined, 'deployed').schema;
    expect(printSchema(lexicographicSortSchema(deployed))).toBe(printSchema(full));
    // The full build is sorted as printed into schema.graphql; the deployed one keeps registration order.
    expect(printSchema(full)).toBe(printSchema(lexicographicSortSchema(full)));
  });

  it('still refuses a broken unit set: ids, and a unit that does not build', () => {
    expect(() => buildHostSchema([notes, notes] as AnyUnit[], undefined, 'deployed')).toThrow(UnitSetError);
    const failing = broken({
      schema() {
        throw new Error('boom');
      },
    });
    expect(() => buildHostSchema([failing], undefined, 'deployed')).toThrow(/schema\(\) failed: boom/);
  });
});
