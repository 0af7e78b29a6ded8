import { closeYear, recordRat, setShuSplit } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { one } from '../../ids';
import { MUTATION_ERRORS } from '../errors';
import type { ShuTypes } from './shared';
import { registerShuInputs } from './inputs';

/** Year end: the SHU split per year, closing the year, and the RAT that approves the distribution. */
export function registerShuMutations(builder: Builder, { SplitRef, CloseRef, RatRef }: ShuTypes) {
  const { SplitInput, CloseInput, RatInput } = registerShuInputs(builder);
  const coopId = (id: string) => one(id, 'Cooperative', 'input.cooperativeId');
  builder.mutationFields((t) => ({
    setShuSplit: t.field({
      type: SplitRef,
      description: 'Store the AD/ART split of the SHU for a year (before it is closed). Manager.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: SplitInput }) },
      resolve: async (_r, { input }, ctx) => ({ ...(await setShuSplit(ctx.core, { ...input, cooperativeId: coopId(input.cooperativeId) })), isDefault: false }),
    }),
    closeYear: t.field({
      type: CloseRef,
      description: "Close an ended financial year: locks its months, computes the SHU and every member's share. Manager.",
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: CloseInput }) },
      resolve: (_r, { input }, ctx) => closeYear(ctx.core, { ...input, cooperativeId: coopId(input.cooperativeId) }),
    }),
    recordRat: t.field({
      type: RatRef,
      description: "Record a members' meeting. Decisions need the quorum; approving the SHU posts its distribution. Manager.",
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: RatInput }) },
      resolve: (_r, { input }, ctx) =>
        recordRat(ctx.core, {
          ...input,
          cooperativeId: coopId(input.cooperativeId),
          decisions: input.decisions ?? [],
          approveFinancialStatements: input.approveFinancialStatements ?? false,
          approveShuDistribution: input.approveShuDistribution ?? false,
          approveBudget: input.approveBudget ?? false,
        }),
    }),
  }));
}
