import { approveBudget, setBudget } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { one } from '../../ids';
import { MUTATION_ERRORS } from '../errors';
import { IDEMPOTENCY_KEY_FIELD as idem } from '../idempotency';
import type { BudgetTypes } from './shared';

/** Setting a year's RAPBK and recording its approval at the RAT. */
export function registerBudgetMutations(builder: Builder, { BudgetRef }: BudgetTypes) {
  const LineInput = builder.inputType('BudgetLineInput', {
    description: 'The budget of one account (and unit) for the year.',
    fields: (t) => ({
      account: t.string({ description: 'Account code of the chart, e.g. 4110 or 6120.' }),
      unitId: t.string({ required: false, description: 'Business unit (segment), e.g. sembako; absent for the cooperative as a whole.' }),
      months: t.field({ type: ['Rupiah'], description: "Exactly twelve amounts, January first, whole rupiah, not negative, in the account's normal direction." }),
    }),
  });
  const SetInput = builder.inputType('SetBudgetInput', {
    description: "Set a year's RAPBK: replaces the current draft, or starts the next version when the latest is approved.",
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      year: t.int({ description: 'Financial year (2000-2100).' }),
      notes: t.string({ required: false, description: 'Notes of the managers (up to 1000 characters).' }),
      lines: t.field({ type: [LineInput], description: 'Budget lines (1-500), one per account and unit.' }),
    }),
  });
  const ApproveInput = builder.inputType('ApproveBudgetInput', {
    description: "Record the members' meeting (RAT) that approved a draft version; the version becomes read-only.",
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      year: t.int({ description: 'Financial year.' }),
      version: t.int({ description: 'The draft version the meeting approved.' }),
      meetingDate: t.field({ type: 'Date', description: 'Date of the meeting (not in the future).' }),
      ratReference: t.string({ description: 'Reference of the decision, e.g. "RAT 2026, keputusan no. 3".' }),
    }),
  });
  const coopId = (id: string) => one(id, 'Cooperative', 'input.cooperativeId');
  builder.mutationFields((t) => ({
    setBudget: t.field({
      type: BudgetRef,
      description: "Set a year's RAPBK (manager). Replaces the draft whole; after an approval it starts the next version.",
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: SetInput }) },
      resolve: (_r, { input }, ctx) => setBudget(ctx.core, { ...input, cooperativeId: coopId(input.cooperativeId) }),
    }),
    approveBudget: t.field({
      type: BudgetRef,
      description: "Record the members' meeting that approved a draft budget version (manager). It is read-only from then on.",
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: ApproveInput }) },
      resolve: (_r, { input }, ctx) => approveBudget(ctx.core, { ...input, cooperativeId: coopId(input.cooperativeId) }),
    }),
  }));
}
