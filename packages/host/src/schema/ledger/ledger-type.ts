import { generalLedger, getCashFlow, getChangesInEquity, getPositionView, getResults, getTrialBalance, listDrafts, listJournal, lockedThrough } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { pageRequest, toConnection } from '@kkmp/plugin-sdk';
import type { CoreRefs } from '../refs';
import { selectsAny } from './selection';
import type { registerMovementTypes } from './movement-types';
import type { JournalTypes, Ledger } from './shared';
import type { registerStatementTypes } from './statement-types';

/** Every type the `Ledger` fields return. */
export type LedgerTypes = JournalTypes & ReturnType<typeof registerStatementTypes> & ReturnType<typeof registerMovementTypes>;

/** `Cooperative.ledger`: the books of one cooperative, consolidated or for one unit's segment. */
export function registerLedgerType(builder: Builder, { CooperativeRef }: CoreRefs, types: LedgerTypes) {
  const { AccountRef, EntryRef, DraftRef, TrialBalanceRef, PositionRef, ResultsRef, CashFlowRef, ChangesRef, GlLineRef } = types;
  const scope = (l: Ledger, unitId?: string | null) => ({ coopId: l.coop.id, ...(unitId ? { unitId } : {}) });

  const LedgerRef = builder.objectRef<Ledger>('Ledger').implement({
    description: "The cooperative's books. Statements read maintained balances; `unitId` gives one unit's segment, absent is consolidated.",
    fields: (t) => ({
      accounts: t.field({ type: [AccountRef], description: 'The chart of accounts.', resolve: (_l, _a, ctx) => ctx.core.chart.accounts }),
      lockedThrough: t.string({ nullable: true, description: 'Last locked month (YYYY-MM); no entry can be dated in or before it.', resolve: (l, _a, ctx) => lockedThrough(ctx.core, l.coop.id).then((v) => v ?? null) }),
      journal: t.connection({
        type: EntryRef,
        description: 'Posted entries dated in a range, oldest first.',
        args: { from: t.arg({ type: 'Date', description: 'First day.' }), to: t.arg({ type: 'Date', description: 'Last day.' }) },
        resolve: async (l, args, ctx) => toConnection(await listJournal(ctx.core, l.coop.id, args.from, args.to, pageRequest(args))),
      }),
      drafts: t.field({ type: [DraftRef], description: 'Manual entries awaiting approval.', resolve: (l, _a, ctx) => listDrafts(ctx.core, l.coop.id) }),
      trialBalance: t.field({
        type: TrialBalanceRef,
        description: 'Neraca saldo.',
        args: { from: t.arg({ type: 'Date', description: 'First day.' }), to: t.arg({ type: 'Date', description: 'Last day.' }), unitId: t.arg.string({ required: false, description: 'One unit only.' }) },
        resolve: (l, a, ctx) => getTrialBalance(ctx.core, scope(l, a.unitId), a.from, a.to),
      }),
      financialPosition: t.field({
        type: PositionRef,
        description: 'Laporan posisi keuangan.',
        args: { asOf: t.arg({ type: 'Date', description: 'As of.' }), unitId: t.arg.string({ required: false, description: 'One unit only.' }) },
        // Asked with its account lines, the statement is computed anyway: its totals come with it, consistent.
        resolve: (l, a, ctx, info) => getPositionView(ctx.core, scope(l, a.unitId), a.asOf, { lines: selectsAny(info, ['assets', 'liabilities', 'equity']) }),
      }),
      results: t.field({
        type: ResultsRef,
        description: 'Laporan hasil usaha.',
        args: { from: t.arg({ type: 'Date', description: 'First day.' }), to: t.arg({ type: 'Date', description: 'Last day.' }), unitId: t.arg.string({ required: false, description: 'One unit only.' }) },
        resolve: (l, a, ctx) => getResults(ctx.core, scope(l, a.unitId), a.from, a.to),
      }),
      cashFlow: t.field({
        type: CashFlowRef,
        description: 'Laporan arus kas (direct method).',
        args: { from: t.arg({ type: 'Date', description: 'First day.' }), to: t.arg({ type: 'Date', description: 'Last day.' }), unitId: t.arg.string({ required: false, description: 'One unit only.' }) },
        resolve: (l, a, ctx) => getCashFlow(ctx.core, scope(l, a.unitId), a.from, a.to),
      }),
      changesInEquity: t.field({
        type: ChangesRef,
        description: 'Laporan perubahan ekuitas.',
        args: { from: t.arg({ type: 'Date', description: 'First day.' }), to: t.arg({ type: 'Date', description: 'Last day.' }), unitId: t.arg.string({ required: false, description: 'One unit only.' }) },
        resolve: (l, a, ctx) => getChangesInEquity(ctx.core, scope(l, a.unitId), a.from, a.to),
      }),
      generalLedger: t.field({
        type: [GlLineRef],
        description: 'Buku besar of one account in a range.',
        args: { account: t.arg.string({ description: 'Account code.' }), from: t.arg({ type: 'Date', description: 'First day.' }), to: t.arg({ type: 'Date', description: 'Last day.' }) },
        resolve: (l, a, ctx) => generalLedger(ctx.core, l.coop.id, a.account, a.from, a.to),
      }),
    }),
  });

  builder.objectField(CooperativeRef, 'ledger', (t) =>
    t.field({ type: LedgerRef, nullable: true, description: 'The books: managers, supervisors, and the city admin for statements.', resolve: (coop) => ({ coop }) }),
  );
  return LedgerRef;
}
