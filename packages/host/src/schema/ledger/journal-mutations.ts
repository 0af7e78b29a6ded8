import { approveJournalEntry, draftJournalEntry, lockPeriod, rejectJournalEntry, reverseJournalEntry } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { one, two } from '../../ids';
import { MUTATION_ERRORS } from '../errors';
import type { JournalTypes } from './shared';
import { registerJournalInputs } from './journal-inputs';

/** Manual entries under maker-checker, reversals, and the period lock. */
export function registerJournalMutations(builder: Builder, { EntryRef, DraftRef }: JournalTypes) {
  const { DraftInput, DecideInput, ReverseInput, LockInput, LockRef } = registerJournalInputs(builder);
  builder.mutationFields((t) => ({
    draftJournalEntry: t.field({
      type: DraftRef,
      description: 'Draft a manual journal entry (manager). It is validated now and posted on approval by another manager.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: DraftInput }) },
      resolve: (_r, { input }, ctx) =>
        draftJournalEntry(ctx.core, {
          ...input,
          cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId'),
          lines: input.lines.map((l) => ({ ...l, debit: l.debit ?? 0, credit: l.credit ?? 0 })),
        }),
    }),
    approveJournalEntry: t.field({
      type: EntryRef,
      description: 'Approve and post a draft. The approver must not be its maker.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: DecideInput }) },
      resolve: (_r, { input }, ctx) => {
        const [cooperativeId, draftId] = two(input.draftId, 'JournalDraft', 'input.draftId');
        return approveJournalEntry(ctx.core, { ...input, cooperativeId, draftId });
      },
    }),
    rejectJournalEntry: t.field({
      type: DraftRef,
      description: 'Reject a draft.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: DecideInput }) },
      resolve: (_r, { input }, ctx) => {
        const [cooperativeId, draftId] = two(input.draftId, 'JournalDraft', 'input.draftId');
        return rejectJournalEntry(ctx.core, { ...input, cooperativeId, draftId });
      },
    }),
    reverseJournalEntry: t.field({
      type: DraftRef,
      description: 'Draft the reversing entry of a posted manual entry; another manager approves it (approveJournalEntry). Once per entry.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: ReverseInput }) },
      resolve: (_r, { input }, ctx) => {
        const [cooperativeId, ref] = two(input.entryId, 'JournalEntry', 'input.entryId');
        const [entryDate, entryId] = ref.split('_') as [string, string];
        return reverseJournalEntry(ctx.core, { ...input, cooperativeId, entryDate, entryId });
      },
    }),
    lockPeriod: t.field({
      type: LockRef,
      description: 'Lock the books through a month (after closing it). Locks only move forward.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: LockInput }) },
      resolve: (_r, { input }, ctx) => lockPeriod(ctx.core, { ...input, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') }),
    }),
  }));

}
