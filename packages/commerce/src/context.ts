import type { UnitContext, UnitMutationContext } from '@kkmp/plugin-sdk';

/** The unit context as the kit sees it: the unit's own settings type does not matter to it. */
export type ReadCtx = UnitContext<unknown>;
export type WriteCtx = UnitMutationContext<unknown>;
