import type { Builder } from '@kkmp/plugin-sdk';
import { IDEMPOTENCY_KEY_FIELD as idem } from '../idempotency';

/** Inputs of the manual-entry and period-lock mutations. */
export function registerJournalInputs(builder: Builder) {
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

  return { DraftInput, DecideInput, ReverseInput, LockInput, LockRef };
}
