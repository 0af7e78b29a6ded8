import type { Builder } from '@kkmp/plugin-sdk';
import type { CoreRefs } from '../refs';
import { registerEquityTypes } from './equity-types';
import { registerMemberType } from './member-type';
import { registerMemberMutations } from './mutations';

/** Members (anggota) and their equity savings. */
export function registerMemberSchema(builder: Builder, refs: CoreRefs) {
  registerMemberType(builder, refs);
  registerEquityTypes(builder, refs);
  registerMemberMutations(builder, refs);
}
