import {
  approveJournalEntry,
  draftJournalEntry,
  generalLedger,
  getCashFlow,
  getChangesInEquity,
  getFinancialPosition,
  getResults,
  getTrialBalance,
  listDrafts,
  listJournal,
  lockPeriod,
  lockedThrough,
  rejectJournalEntry,
  reverseJournalEntry,
  type Account,
  type AccountLine,
  type Cooperative,
  type JournalDraft,
  type JournalEntry,
  type TrialBalanceLine,
} from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId, one, two } from '../ids';
import { pageRequest, toConnection } from '@kkmp/plugin-sdk';
import { MUTATION_ERRORS } from './errors';
import type { CoreRefs } from './refs';
import { IDEMPOTENCY_KEY_FIELD as idem } from './idempotency';

type Ledger = { coop: Cooperative };
type Awaited2<T> = T extends Promise<infer U> ? U : T;

/** The books of a cooperative in GraphQL: chart, journal, statements, manual entries, period lock. */
export function registerLedgerSchema(builder: Builder, refs: CoreRefs) {
  const { CooperativeRef } = refs;
  const Bilingual = builder.objectRef<{ id: string; en: string }>('AccountName').implement({
    description: 'Account name in Indonesian and English.',
    fields: (t) => ({ id: t.exposeString('id', { description: 'Bahasa Indonesia.' }), en: t.exposeString('en', { description: 'English.' }) }),
  });
  const AccountRef = builder.objectRef<Account>('Account').implement({
    description: 'An account of the chart (SAK EP headings).',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'Account code, e.g. 1100 (Kas).' }),
      name: t.field({ type: Bilingual, description: 'Name.', resolve: (a) => a.name }),
      kind: t.exposeString('kind', { description: 'ASSET, LIABILITY, EQUITY, REVENUE or EXPENSE.' }),
      cashFlowClass: t.exposeString('cashFlow', { description: 'OPERATING, INVESTING or FINANCING (for the cash-flow statement).' }),
    }),
  });
  const LineRef = builder.objectRef<JournalEntry['lines'][number]>('JournalLine').implement({
    description: 'One debit or credit of an entry.',
    fields: (t) => ({
      account: t.exposeString('account', { description: 'Account code.' }),
      unitId: t.exposeString('unitId', { nullable: true, description: 'Business unit (segment), if any.' }),
      debit: t.expose('debit', { type: 'Rupiah', description: 'Debit.' }),
      credit: t.expose('credit', { type: 'Rupiah', description: 'Credit.' }),
      memo: t.exposeString('memo', { nullable: true, description: 'Line memo.' }),
    }),
  });
  const EntryRef = builder.objectRef<JournalEntry>('JournalEntry').implement({
    description: 'A posted, balanced journal entry. Never edited: corrections are reversing entries.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (e) => encodeId('JournalEntry', e.coopId, `${e.date}_${e.id}`) }),
      date: t.expose('date', { type: 'Date', description: 'Business date.' }),
      memo: t.exposeString('memo', { description: 'What it records.' }),
      sourceKind: t.string({ description: 'What caused it (EQUITY_PAYMENT, SALE, MANUAL, REVERSAL, ...).', resolve: (e) => e.source.kind }),
      sourceUnitId: t.string({ nullable: true, description: 'Unit that posted it.', resolve: (e) => e.source.unitId ?? null }),
      sourceDocumentId: t.string({ description: 'Id of the business record behind it.', resolve: (e) => e.source.documentId }),
      lines: t.field({ type: [LineRef], description: 'Debits and credits.', resolve: (e) => e.lines }),
      total: t.expose('total', { type: 'Rupiah', description: 'Sum of the debits (= sum of the credits).' }),
      reverses: t.exposeString('reverses', { nullable: true, description: 'Entry this one reverses.' }),
      postedAt: t.expose('postedAt', { type: 'DateTime', description: 'When it was posted.' }),
      postedBy: t.exposeString('postedBy', { description: 'Who posted it.' }),
    }),
  });
  const DraftRef = builder.objectRef<JournalDraft>('JournalDraft').implement({
    description: 'A manual entry awaiting approval by another manager (maker-checker).',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (d) => encodeId('JournalDraft', d.coopId, d.id) }),
      status: t.exposeString('status', { description: 'DRAFT, POSTED or REJECTED.' }),
      date: t.expose('date', { type: 'Date', description: 'Business date.' }),
      memo: t.exposeString('memo', { description: 'What it records.' }),
      lines: t.field({ type: [LineRef], description: 'Debits and credits.', resolve: (d) => d.lines }),
      makerId: t.exposeString('makerId', { description: 'Who drafted it.' }),
      checkerId: t.exposeString('checkerId', { nullable: true, description: 'Who approved or rejected it.' }),
      reason: t.exposeString('reason', { nullable: true, description: 'Why it was rejected.' }),
      reverses: t.string({ nullable: true, description: 'For a reversal: id of the entry it reverses.', resolve: (d) => d.reverses?.id ?? null }),
    }),
  });
  const AccountLineRef = builder.objectRef<AccountLine>('StatementLine').implement({
    description: 'An account and its amount in a statement, in its normal direction.',
    fields: (t) => ({
      account: t.exposeString('account', { description: 'Account code.' }),
      name: t.field({ type: Bilingual, description: 'Account name.', resolve: (l) => l.name }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Amount.' }),
    }),
  });
  const TrialLineRef = builder.objectRef<TrialBalanceLine>('TrialBalanceLine').implement({
    description: 'One account of the trial balance (neraca saldo).',
    fields: (t) => ({
      account: t.exposeString('account', { description: 'Account code.' }),
      name: t.field({ type: Bilingual, description: 'Account name.', resolve: (l) => l.name }),
      openingDebit: t.expose('openingDebit', { type: 'Rupiah', description: 'Opening debit balance.' }),
      openingCredit: t.expose('openingCredit', { type: 'Rupiah', description: 'Opening credit balance.' }),
      debit: t.expose('debit', { type: 'Rupiah', description: 'Debits in the period.' }),
      credit: t.expose('credit', { type: 'Rupiah', description: 'Credits in the period.' }),
      closingDebit: t.expose('closingDebit', { type: 'Rupiah', description: 'Closing debit balance.' }),
      closingCredit: t.expose('closingCredit', { type: 'Rupiah', description: 'Closing credit balance.' }),
    }),
  });
  type TB = Awaited2<ReturnType<typeof getTrialBalance>>;
  const TrialBalanceRef = builder.objectRef<TB>('TrialBalance').implement({
    description: 'Neraca saldo for a period.',
    fields: (t) => ({
      from: t.expose('from', { type: 'Date', description: 'First day.' }),
      to: t.expose('to', { type: 'Date', description: 'Last day.' }),
      lines: t.field({ type: [TrialLineRef], description: 'Accounts.', resolve: (r) => r.lines }),
      totalDebit: t.field({ type: 'Rupiah', description: 'Total debits in the period.', resolve: (r) => r.totals.debit }),
      totalCredit: t.field({ type: 'Rupiah', description: 'Total credits in the period (equals total debits).', resolve: (r) => r.totals.credit }),
    }),
  });
  type FP = Awaited2<ReturnType<typeof getFinancialPosition>>;
  const PositionRef = builder.objectRef<FP>('FinancialPosition').implement({
    description: 'Laporan posisi keuangan (SAK EP) as of a date.',
    fields: (t) => ({
      asOf: t.expose('asOf', { type: 'Date', description: 'Date.' }),
      assets: t.field({ type: [AccountLineRef], description: 'Aset.', resolve: (r) => r.assets }),
      liabilities: t.field({ type: [AccountLineRef], description: 'Liabilitas (incl. simpanan sukarela).', resolve: (r) => r.liabilities }),
      equity: t.field({ type: [AccountLineRef], description: 'Ekuitas: simpanan pokok and wajib, cadangan, SHU tahun berjalan (3310, this year so far) and SHU belum dibagi (3320, earlier years not yet distributed).', resolve: (r) => r.equity }),
      currentSurplus: t.expose('currentSurplus', { type: 'Rupiah', description: 'SHU tahun berjalan: the surplus of the financial year up to the date (also shown as equity line 3310).' }),
      currentAssets: t.expose('currentAssets', { type: 'Rupiah', description: 'Aset lancar.' }),
      nonCurrentAssets: t.expose('nonCurrentAssets', { type: 'Rupiah', description: 'Aset tidak lancar.' }),
      currentLiabilities: t.expose('currentLiabilities', { type: 'Rupiah', description: 'Liabilitas jangka pendek.' }),
      nonCurrentLiabilities: t.expose('nonCurrentLiabilities', { type: 'Rupiah', description: 'Liabilitas jangka panjang.' }),
      totalAssets: t.expose('totalAssets', { type: 'Rupiah', description: 'Total assets.' }),
      totalLiabilities: t.expose('totalLiabilities', { type: 'Rupiah', description: 'Total liabilities.' }),
      totalEquity: t.expose('totalEquity', { type: 'Rupiah', description: 'Total equity.' }),
      balanced: t.exposeBoolean('balanced', { description: 'Assets = liabilities + equity.' }),
    }),
  });
  type RS = Awaited2<ReturnType<typeof getResults>>;
  const ResultsRef = builder.objectRef<RS>('ResultsStatement').implement({
    description: 'Laporan hasil usaha for a period: revenue (member and non-member apart), costs and SHU.',
    fields: (t) => ({
      from: t.expose('from', { type: 'Date', description: 'First day.' }),
      to: t.expose('to', { type: 'Date', description: 'Last day.' }),
      revenue: t.field({ type: [AccountLineRef], description: 'Revenue accounts.', resolve: (r) => r.revenue }),
      expenses: t.field({ type: [AccountLineRef], description: 'Cost and expense accounts.', resolve: (r) => r.expenses }),
      memberRevenue: t.expose('memberRevenue', { type: 'Rupiah', description: 'Revenue from members (basis of jasa usaha).' }),
      nonMemberRevenue: t.expose('nonMemberRevenue', { type: 'Rupiah', description: 'Revenue from non-members.' }),
      totalRevenue: t.expose('totalRevenue', { type: 'Rupiah', description: 'Total revenue.' }),
      costOfGoods: t.expose('costOfGoods', { type: 'Rupiah', description: 'Beban pokok (cost of goods sold).' }),
      grossSurplus: t.expose('grossSurplus', { type: 'Rupiah', description: 'SHU kotor: revenue minus cost of goods.' }),
      operatingExpenses: t.expose('operatingExpenses', { type: 'Rupiah', description: 'Beban usaha and perkoperasian (all costs but cost of goods and income tax).' }),
      surplusBeforeTax: t.expose('surplusBeforeTax', { type: 'Rupiah', description: 'SHU sebelum pajak.' }),
      incomeTax: t.expose('incomeTax', { type: 'Rupiah', description: 'Beban pajak penghasilan.' }),
      totalExpenses: t.expose('totalExpenses', { type: 'Rupiah', description: 'Total costs and expenses.' }),
      surplus: t.expose('surplus', { type: 'Rupiah', description: 'SHU (negative: deficit).' }),
    }),
  });
  type CF = Awaited2<ReturnType<typeof getCashFlow>>;
  const CashLineRef = builder.objectRef<CF['lines'][number]>('CashFlowLine').implement({
    description: 'Cash received for, or paid to, one account.',
    fields: (t) => ({
      class: t.exposeString('class', { description: 'OPERATING, INVESTING or FINANCING.' }),
      account: t.exposeString('account', { description: 'Counterpart account code.' }),
      name: t.field({ type: Bilingual, description: 'Account name.', resolve: (l) => l.name }),
      receipts: t.expose('receipts', { type: 'Rupiah', description: 'Cash in.' }),
      payments: t.expose('payments', { type: 'Rupiah', description: 'Cash out.' }),
    }),
  });
  const CashFlowRef = builder.objectRef<CF>('CashFlowStatement').implement({
    description: 'Laporan arus kas, direct method, from the cash and bank accounts.',
    fields: (t) => ({
      from: t.expose('from', { type: 'Date', description: 'First day.' }),
      to: t.expose('to', { type: 'Date', description: 'Last day.' }),
      lines: t.field({ type: [CashLineRef], description: 'Receipts and payments by class and account.', resolve: (r) => r.lines }),
      operating: t.expose('operating', { type: 'Rupiah', description: 'Net cash from operations.' }),
      investing: t.expose('investing', { type: 'Rupiah', description: 'Net cash from investing.' }),
      financing: t.expose('financing', { type: 'Rupiah', description: 'Net cash from financing.' }),
      openingCash: t.expose('openingCash', { type: 'Rupiah', description: 'Cash and bank at the start.' }),
      netChange: t.expose('netChange', { type: 'Rupiah', description: 'Net change in cash.' }),
      closingCash: t.expose('closingCash', { type: 'Rupiah', description: 'Cash and bank at the end.' }),
    }),
  });
  type CE = Awaited2<ReturnType<typeof getChangesInEquity>>;
  const EquityRowRef = builder.objectRef<CE['rows'][number]>('EquityChangeRow').implement({
    description: 'Movement of one equity account over the period.',
    fields: (t) => ({
      account: t.exposeString('account', { description: 'Account code.' }),
      name: t.field({ type: Bilingual, description: 'Account name.', resolve: (r) => r.name }),
      opening: t.expose('opening', { type: 'Rupiah', description: 'At the start.' }),
      change: t.expose('change', { type: 'Rupiah', description: 'Change.' }),
      closing: t.expose('closing', { type: 'Rupiah', description: 'At the end.' }),
    }),
  });
  const ChangesRef = builder.objectRef<CE>('ChangesInEquity').implement({
    description: 'Laporan perubahan ekuitas for a period.',
    fields: (t) => ({
      rows: t.field({ type: [EquityRowRef], description: 'Equity accounts.', resolve: (r) => r.rows }),
      surplus: t.expose('surplus', { type: 'Rupiah', description: 'SHU of the period.' }),
      openingTotal: t.expose('openingTotal', { type: 'Rupiah', description: 'Total equity at the start (with unclosed SHU).' }),
      closingTotal: t.expose('closingTotal', { type: 'Rupiah', description: 'Total equity at the end (with unclosed SHU).' }),
    }),
  });
  const GlLineRef = builder.objectRef<Awaited2<ReturnType<typeof generalLedger>>[number]>('GeneralLedgerLine').implement({
    description: 'One line on an account, with the running balance from the start of the range.',
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'Date.' }),
      memo: t.exposeString('memo', { description: 'Memo.' }),
      debit: t.expose('debit', { type: 'Rupiah', description: 'Debit.' }),
      credit: t.expose('credit', { type: 'Rupiah', description: 'Credit.' }),
      balance: t.expose('balance', { type: 'Rupiah', description: 'Running balance within the range.' }),
    }),
  });

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
        resolve: (l, a, ctx) => getFinancialPosition(ctx.core, scope(l, a.unitId), a.asOf),
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
    t.field({ type: LedgerRef, description: 'The books: managers, supervisors, and the city admin for statements.', resolve: (coop) => ({ coop }) }),
  );

  const LineInput = builder.inputType('JournalLineInput', {
    description: 'A debit or a credit (one of them more than zero).',
    fields: (t) => ({
      account: t.string({ description: 'Account code, e.g. 6120 (Beban sewa).' }),
      unitId: t.string({ required: false, description: 'Business unit (segment).' }),
      debit: t.field({ type: 'Rupiah', required: false, description: 'Debit.' }),
      credit: t.field({ type: 'Rupiah', required: false, description: 'Credit.' }),
      memo: t.string({ required: false, description: 'Line memo.' }),
    }),
  });
  const DraftInput = builder.inputType('DraftJournalEntryInput', {
    description: 'A manual journal entry; it is posted when another manager approves it.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      date: t.field({ type: 'Date', description: 'Business date.' }),
      memo: t.string({ description: 'What it records, e.g. "Sewa kios Januari".' }),
      lines: t.field({ type: [LineInput], description: 'At least two lines; debits must equal credits.' }),
    }),
  });
  const DecideInput = builder.inputType('DecideJournalEntryInput', {
    description: 'Approve or reject a draft.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      draftId: t.id({ description: 'Draft id.' }),
      reason: t.string({ required: false, description: 'Why (for a rejection).' }),
    }),
  });
  const ReverseInput = builder.inputType('ReverseJournalEntryInput', {
    description: 'Reverse a posted entry with a new one (posted entries are never edited).',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      entryId: t.id({ description: 'Entry id.' }),
      date: t.field({ type: 'Date', required: false, description: 'Date of the reversing entry; today when absent.' }),
      memo: t.string({ description: 'Why it is reversed.' }),
    }),
  });
  const LockInput = builder.inputType('LockPeriodInput', {
    description: 'Lock the books through a month.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      through: t.string({ description: 'Last month to lock, YYYY-MM.' }),
    }),
  });
  const LockRef = builder.objectRef<{ lockedThrough: string }>('PeriodLock').implement({
    description: 'The period lock.',
    fields: (t) => ({ lockedThrough: t.exposeString('lockedThrough', { description: 'Locked through this month.' }) }),
  });

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

  return { LedgerRef };
}
