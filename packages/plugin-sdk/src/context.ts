import type { CoreContext, Principal } from '@kkmp/core';

/** GraphQL context: the core context for services plus request facts. */
export interface ApiContext {
  core: CoreContext;
  principal: Principal | null;
  requestId: string;
}
