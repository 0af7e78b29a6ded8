import type { Builder } from '@kkmp/plugin-sdk';
import type { UnitRegistry } from '../../units/enablement';
import type { CoreRefs } from '../refs';
import { registerUnitMutations } from './mutations';
import { registerUnitTypes } from './types';

/** GraphQL for the unit catalog and for enabling units per cooperative. */
export function registerUnitSchema(builder: Builder, refs: CoreRefs & { ErrorInterface: unknown }, registry: UnitRegistry) {
  registerUnitMutations(builder, registerUnitTypes(builder, refs, registry), registry);
}
