import { generalLedger, getCashFlow, getChangesInEquity } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import type { Awaited2, BilingualRef } from './shared';

/** Cash flow, changes in equity and the general ledger: movements over a period. */
export function registerMovementTypes(builder: Builder, Bilingual: BilingualRef) {
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

  return { CashFlowRef, ChangesRef, GlLineRef };
}
