import { endMembership, recordEquityPayment, refundEquity, registerMember, updateMember } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { one, two } from '../../ids';
import { MUTATION_ERRORS } from '../errors';
import type { CoreRefs } from '../refs';
import { registerMemberInputs } from './inputs';

/** Registering, changing and ending memberships; equity payments and refunds. */
export function registerMemberMutations(builder: Builder, refs: CoreRefs) {
  const { RegisterMemberInput, UpdateMemberInput, EndMembershipInput, RecordEquityPaymentInput, RefundEquityInput, EquityPaymentResultRef } = registerMemberInputs(builder, refs);
  const { MemberRef } = refs;
  const memberRef = (id: string) => {
    const [cooperativeId, memberId] = two(id, 'Member', 'input.memberId');
    return { cooperativeId, memberId };
  };

  builder.mutationFields((t) => ({
    registerMember: t.field({
      type: MemberRef,
      description: 'Register a member. NIK is validated (length, region, birth date) and must be new in the cooperative. Cooperative manager.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: RegisterMemberInput }) },
      resolve: (_r, { input }, ctx) => registerMember(ctx.core, { ...input, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') }),
    }),
    updateMember: t.field({
      type: MemberRef,
      description: 'Change name, address, phone or simpanan wajib of a member. Cooperative manager.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: UpdateMemberInput }) },
      resolve: (_r, { input }, ctx) => updateMember(ctx.core, { ...input, ...memberRef(input.memberId) }),
    }),
    endMembership: t.field({
      type: MemberRef,
      description: 'End a membership (resigned or deceased). Cooperative manager.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: EndMembershipInput }) },
      resolve: (_r, { input }, ctx) => endMembership(ctx.core, { ...input, ...memberRef(input.memberId) }),
    }),
    recordEquityPayment: t.field({
      type: EquityPaymentResultRef,
      description: 'Record simpanan pokok or wajib paid by an active member. Manager or staff.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: RecordEquityPaymentInput }) },
      resolve: (_r, { input }, ctx) => recordEquityPayment(ctx.core, { ...input, ...memberRef(input.memberId), method: input.method ?? undefined }),
    }),
    refundEquity: t.field({
      type: EquityPaymentResultRef,
      description: 'Refund pokok and wajib to a member whose membership ended. Refused while the member is active. Cooperative manager.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: RefundEquityInput }) },
      resolve: (_r, { input }, ctx) => refundEquity(ctx.core, { ...input, ...memberRef(input.memberId), method: input.method ?? undefined }),
    }),
  }));
}
