import { changeCooperativeStatus, createCooperative, updateCooperative } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { one, two } from '../../ids';
import { MUTATION_ERRORS } from '../errors';
import type { CoreRefs } from '../refs';
import { registerCooperativeInputs } from './inputs';

/** Creating cooperatives (city admin), their profile, and their lifecycle status. */
export function registerCooperativeMutations(builder: Builder, refs: CoreRefs) {
  const { CreateCooperativeInput, UpdateCooperativeInput, ChangeStatusInput } = registerCooperativeInputs(builder, refs);
  const { CooperativeRef } = refs;
  builder.mutationFields((t) => ({
    createCooperative: t.field({
      type: CooperativeRef,
      description: 'Register the cooperative of a kelurahan. City admin of that city.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: CreateCooperativeInput }) },
      resolve: (_r, { input }, ctx) => {
        const [cityId, kelurahanId] = two(input.kelurahanId, 'Kelurahan', 'input.kelurahanId');
        return createCooperative(ctx.core, {
          ...input,
          cityId,
          kelurahanId,
          board: input.board ?? undefined,
          supervisors: input.supervisors ?? undefined,
          equity: input.equity ?? undefined,
        });
      },
    }),
    updateCooperative: t.field({
      type: CooperativeRef,
      description: 'Change the profile, board, supervisors or equity rules. Manager of the cooperative or its city admin.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: UpdateCooperativeInput }) },
      resolve: (_r, { input }, ctx) =>
        updateCooperative(ctx.core, { ...input, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') }),
    }),
    changeCooperativeStatus: t.field({
      type: CooperativeRef,
      description: 'FORMED -> LEGAL_ENTITY (needs the registration number) -> OPERATING.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: ChangeStatusInput }) },
      resolve: (_r, { input }, ctx) =>
        changeCooperativeStatus(ctx.core, { ...input, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') }),
    }),
  }));
}
