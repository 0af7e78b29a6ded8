import type { Builder } from '@kkmp/plugin-sdk';
import type { CoreRefs } from '../refs';
import { registerAuditEntryType } from './audit-entry';
import { registerCooperativeType } from './cooperative-type';
import { registerCooperativeMutations } from './mutations';

/** Cooperatives: profile, officers, lifecycle, and their audit log. */
export function registerCooperativeSchema(builder: Builder, refs: CoreRefs) {
  registerCooperativeType(builder, refs);
  registerAuditEntryType(builder, refs);
  registerCooperativeMutations(builder, refs);
}
