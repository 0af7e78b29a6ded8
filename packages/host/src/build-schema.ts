import type { Chart } from '@kkmp/core';
import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { createBuilder } from '@kkmp/plugin-sdk/builder';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import type { UnitRegistry } from './units/enablement';
import { chartOf } from './units/chart';
import { createUnitKit } from './units/kit';
import { createSharedTypes } from './units/shared-types';
import { unitCoreRefs } from './units/core-refs';
import { UnitSetError, checkUnitSet, unitOwner, watchBuilder } from './units/validate';
import { describeGenerated } from './describe-generated';
import { undeclaredMoneyMutations } from './units/money-events';
import { checkExamples } from './examples';
import { registerCoreSchema } from './schema/index';
import { registerUnitSchema } from './units/schema/index';

let coreFieldsCache: Map<string, Set<string>> | undefined;

/** Field names of every core type, from a schema built without units (what units may not shadow). */
function coreFields(): Map<string, Set<string>> {
  if (!coreFieldsCache) {
    const b = createBuilder();
    const refs = registerCoreSchema(b);
    registerUnitSchema(b, refs, new Map());
    const schema = b.toSchema({ sortSchema: false });
    coreFieldsCache = new Map();
    for (const type of Object.values(schema.getTypeMap())) {
      if ('getFields' in type && !type.name.startsWith('__')) coreFieldsCache.set(type.name, new Set(Object.keys(type.getFields())));
    }
  }
  return coreFieldsCache;
}

export interface HostSchema {
  schema: GraphQLSchema;
  registry: UnitRegistry;
  /** This API's chart of accounts (core and installed units'); every request's CoreContext carries it. */
  chart: Chart;
}

/**
 * How much of the start-up checking a schema build does.
 * - "all" (the default): every check, types sorted. Tests, `npm run dev`, the contract CLI, and
 *   `npm run build`, which builds the deployment's schema this way before it bundles the Lambda.
 * - "deployed": the Lambda's cold start. Its unit set is code, and `npm run build` (the only bundle SST
 *   deploys, see infra/api.ts) and the suite already built exactly this set with "all"; what depends only
 *   on code is not checked again on every cold start: the core-only schema behind the shadowing and
 *   kit-prefix checks, the GraphiQL examples (GraphiQL is off in production), and the type order
 *   (introspection lists types as registered; schema.graphql is printed sorted). Everything else still
 *   runs: the unit set's ids, versions and dependencies, the names each unit registers, the schema's
 *   own validity, the money mutations' businessEvent.
 */
export type SchemaChecks = 'all' | 'deployed';

/**
 * One static schema: the core types plus every installed unit's, validated at start-up. Any problem with
 * the plugin set (ids, versions, dependencies, permissions, type and field names) fails here, all listed.
 */
export function buildHostSchema(units: readonly AnyUnit[], hostVersion?: string, checks: SchemaChecks = 'all'): HostSchema {
  const all = checks === 'all';
  const problems = checkUnitSet(units, hostVersion);
  if (problems.length) throw new UnitSetError(problems);
  const registry: UnitRegistry = new Map(units.map((u) => [u.id, u]));
  // Units declare the accounts they post to; the core owns the chart, built for this API alone.
  const chart = chartOf(units, problems);
  const builder = createBuilder();
  const refs = registerCoreSchema(builder);
  registerUnitSchema(builder, refs, registry);
  const existing = all ? coreFields() : new Map<string, Set<string>>();
  const claimed = new Map<string, string>();
  const unitCore = unitCoreRefs(refs);
  const shared = createSharedTypes(builder, units, existing, claimed, problems, unitCore);
  for (const unit of units) {
    const watched = watchBuilder(builder, unitOwner(unit), existing, claimed, problems);
    try {
      unit.schema(watched, { ...createUnitKit(watched, unit, unitCore, problems), shared });
    } catch (err) {
      problems.push(`${unit.id}: schema() failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (problems.length) throw new UnitSetError(problems);
  let schema: GraphQLSchema;
  try {
    // Pothos would sort the types itself (a full copy of the schema): sorted once below, and only for "all".
    schema = builder.toSchema({ sortSchema: false });
  } catch (err) {
    throw new UnitSetError([...problems, `schema does not build: ${err instanceof Error ? err.message : String(err)}`]);
  }
  problems.push(...undeclaredMoneyMutations(schema));
  if (problems.length) throw new UnitSetError(problems);
  const host = describeGenerated(all ? lexicographicSortSchema(schema) : schema);
  if (all) {
    // Examples are shown in GraphiQL: a stale one fails start-up here, not later in a browser.
    const stale = checkExamples(host, units);
    if (stale.length) throw new UnitSetError(stale);
  }
  return { schema: host, registry, chart };
}
