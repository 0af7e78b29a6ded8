import type { Builder } from '@kkmp/plugin-sdk';
import { IDEMPOTENCY_KEY_FIELD as idem } from '../idempotency';

/** Inputs of the year-end mutations. */
export function registerShuInputs(builder: Builder) {
  const LabelInput = builder.inputType('ShuLabelInput', {
    description: 'Line name.',
    fields: (t) => ({ id: t.string({ description: 'Bahasa Indonesia.' }), en: t.string({ description: 'English.' }) }),
  });
  const LineInput = builder.inputType('ShuSplitLineInput', {
    description: 'One allocation line.',
    fields: (t) => ({
      key: t.string({ description: 'RESERVE, JASA_MODAL, JASA_USAHA, PENGURUS, KARYAWAN, SOSIAL, PENDIDIKAN or PEMBANGUNAN_DAERAH_KERJA.' }),
      label: t.field({ type: LabelInput, description: 'Name.' }),
      basisPoints: t.int({ description: 'Share in basis points; the lines must sum to 10000.' }),
    }),
  });
  const SplitInput = builder.inputType('SetShuSplitInput', {
    description: 'The AD/ART split of the SHU for a year.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      year: t.int({ description: 'Financial year.' }),
      lines: t.field({ type: [LineInput], description: 'Lines summing to 10000 basis points, with RESERVE, JASA_MODAL and JASA_USAHA.' }),
    }),
  });
  const CloseInput = builder.inputType('CloseYearInput', {
    description: 'Close a financial year that has ended.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      year: t.int({ description: 'Financial year.' }),
    }),
  });
  const RatInput = builder.inputType('RecordRatInput', {
    description: "Minutes of a members' meeting.",
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      date: t.field({ type: 'Date', description: 'Date of the meeting.' }),
      financialYear: t.int({ description: 'Financial year reported.' }),
      present: t.int({ description: 'Members present.' }),
      decisions: t.stringList({ required: false, description: 'Decisions as minuted.' }),
      approveFinancialStatements: t.boolean({ required: false, description: 'The meeting approved the financial statements.' }),
      approveShuDistribution: t.boolean({ required: false, description: 'The meeting approved the SHU split: posts the distribution.' }),
      approveBudget: t.boolean({ required: false, description: 'The meeting approved the work plan and RAPBK.' }),
    }),
  });
  return { SplitInput, CloseInput, RatInput };
}
