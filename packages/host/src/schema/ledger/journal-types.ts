import type { Account, JournalDraft, JournalEntry } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId } from '../../ids';
import type { CoreRefs } from '../refs';

/** Accounts of the chart, journal entries and their lines, and manual drafts. */
export function registerJournalTypes(builder: Builder, { AccountKindEnum, JournalDraftStatusEnum }: Pick<CoreRefs, 'AccountKindEnum' | 'JournalDraftStatusEnum'>) {
  const Bilingual = builder.objectRef<{ id: string; en: string }>('AccountName').implement({
    description: 'Account name in Indonesian and English.',
    fields: (t) => ({ id: t.exposeString('id', { description: 'Bahasa Indonesia.' }), en: t.exposeString('en', { description: 'English.' }) }),
  });
  const AccountRef = builder.objectRef<Account>('Account').implement({
    description: 'An account of the chart (SAK EP headings).',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'Account code, e.g. 1100 (Kas).' }),
      name: t.field({ type: Bilingual, description: 'Name.', resolve: (a) => a.name }),
      kind: t.expose('kind', { type: AccountKindEnum, description: 'Heading: asset, liability, equity, revenue or expense.' }),
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
      status: t.expose('status', { type: JournalDraftStatusEnum, description: 'Draft, posted or rejected.' }),
      date: t.expose('date', { type: 'Date', description: 'Business date.' }),
      memo: t.exposeString('memo', { description: 'What it records.' }),
      lines: t.field({ type: [LineRef], description: 'Debits and credits.', resolve: (d) => d.lines }),
      makerId: t.exposeString('makerId', { description: 'Who drafted it.' }),
      checkerId: t.exposeString('checkerId', { nullable: true, description: 'Who approved or rejected it.' }),
      reason: t.exposeString('reason', { nullable: true, description: 'Why it was rejected.' }),
      reverses: t.string({ nullable: true, description: 'For a reversal: id of the entry it reverses.', resolve: (d) => d.reverses?.id ?? null }),
    }),
  });
  return { Bilingual, AccountRef, LineRef, EntryRef, DraftRef };
}
