import type { Builder } from '@kkmp/plugin-sdk';
import type { CoreRefs } from '../refs';
import { registerCityViewFields } from './fields';
import { registerCityViewMutations } from './mutations';
import { registerCityViewTypes } from './types';

/** The city's view (issue 17): activity, dashboard, follow-ups, training, partners, CSV exports. */
export function registerCityViewSchema(builder: Builder, refs: CoreRefs) {
  const types = registerCityViewTypes(builder, refs);
  registerCityViewFields(builder, refs, types);
  registerCityViewMutations(builder, types);
}
