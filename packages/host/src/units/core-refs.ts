import { NotFoundError, getMember } from '@kkmp/core';
import type { CoreRefs } from '@kkmp/plugin-sdk';
import type { CoreSchemaRefs } from '../schema/index';

/** The core types a unit may link to, and the member lookup behind a unit's `member: Member` fields. */
export function unitCoreRefs(refs: CoreSchemaRefs): CoreRefs {
  return {
    CooperativeRef: refs.CooperativeRef,
    MemberRef: refs.MemberRef,
    ErrorInterface: refs.ErrorInterface,
    // getMember authorizes (member:read; a member reads only their own) and loads through the request's
    // batching loader, so a page of sales with their members is one BatchGetItem.
    member: (ctx, coopId, memberId) =>
      getMember(ctx.core, coopId, memberId).catch((e: unknown) => {
        if (e instanceof NotFoundError) return null;
        throw e;
      }),
  };
}
