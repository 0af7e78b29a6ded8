import type { Builder } from '@kkmp/plugin-sdk';
import type { CoreRefs } from '../refs';
import { registerPeopleMutations } from './mutations';
import { registerPeopleReads } from './reads';
import { registerPeopleTypes } from './types';

/** People and access: invitations, sign-in, sessions, grants. */
export function registerPeopleSchema(builder: Builder, refs: CoreRefs) {
  const types = registerPeopleTypes(builder, refs);
  registerPeopleMutations(builder, refs, types);
  registerPeopleReads(builder, refs, types);
}
