import type { Builder } from '@kkmp/plugin-sdk';
import type { CoreRefs } from '../refs';
import { registerShuMutations } from './mutations';
import { registerShuReads } from './reads';
import { registerShuTypes } from './types';

/** SHU (sisa hasil usaha), year close and the members' meeting (RAT) in GraphQL. */
export function registerShuSchema(builder: Builder, refs: CoreRefs) {
  const types = registerShuTypes(builder);
  registerShuReads(builder, refs, types);
  registerShuMutations(builder, types);
}
