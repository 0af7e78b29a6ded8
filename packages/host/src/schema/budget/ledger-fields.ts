import { budgetVsActual, getBudget, listBudgetVersions } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import type { BudgetTypes, LedgerRef } from './shared';
import type { registerVarianceTypes } from './variance-types';

/** `Ledger.budget`, `budgetVersions` and `budgetVsActual`. */
export function registerBudgetFields(builder: Builder, LedgerRef: LedgerRef, { BudgetRef }: BudgetTypes, { BvaRef }: ReturnType<typeof registerVarianceTypes>) {
  builder.objectFields(LedgerRef, (t) => ({
    budget: t.field({
      type: BudgetRef,
      nullable: true,
      description: "A year's RAPBK: the given version, or the latest (draft or approved); null when none was set.",
      args: {
        year: t.arg.int({ description: 'Financial year.' }),
        version: t.arg.int({ required: false, description: 'A version; the latest when absent.' }),
      },
      resolve: async (l, a, ctx) => (await getBudget(ctx.core, l.coop.id, a.year, a.version)) ?? null,
    }),
    budgetVersions: t.field({
      type: [BudgetRef],
      description: "Every version of a year's RAPBK, oldest first.",
      args: { year: t.arg.int({ description: 'Financial year.' }) },
      resolve: (l, a, ctx) => listBudgetVersions(ctx.core, l.coop.id, a.year),
    }),
    budgetVsActual: t.field({
      type: BvaRef,
      description: 'Budget against actual per account and month, for the whole cooperative or one unit.',
      args: {
        year: t.arg.int({ description: 'Financial year.' }),
        unitId: t.arg.string({ required: false, description: 'One unit only (its budget lines and its segment of the books).' }),
      },
      resolve: (l, a, ctx) => budgetVsActual(ctx.core, l.coop.id, a.year, a.unitId),
    }),
  }));
}
