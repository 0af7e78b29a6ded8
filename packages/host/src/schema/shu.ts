import {
  closeYear,
  getPatronage,
  getShuShare,
  getShuSplit,
  getYearClose,
  listRats,
  listShuShares,
  recordRat,
  setShuSplit,
  type RatRecord,
  type ShuShare,
  type ShuSplitLine,
  type YearClose,
} from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { one } from '../ids';
import { MUTATION_ERRORS } from './errors';
import type { CoreRefs } from './refs';
import { IDEMPOTENCY_KEY_FIELD as idem } from './idempotency';

/** SHU (sisa hasil usaha), year close and the members' meeting (RAT) in GraphQL. */
export function registerShuSchema(builder: Builder, refs: CoreRefs) {
  const { CooperativeRef, MemberRef } = refs;
  const Label = builder.objectRef<{ id: string; en: string }>('ShuLabel').implement({
    description: 'Name of an SHU allocation line.',
    fields: (t) => ({ id: t.exposeString('id', { description: 'Bahasa Indonesia.' }), en: t.exposeString('en', { description: 'English.' }) }),
  });
  const SplitLineRef = builder.objectRef<ShuSplitLine & { amount?: number }>('ShuSplitLine').implement({
    description: 'One line of the AD/ART split of the SHU.',
    fields: (t) => ({
      key: t.exposeString('key', { description: 'RESERVE, JASA_MODAL, JASA_USAHA, PENGURUS, KARYAWAN, SOSIAL, PENDIDIKAN or PEMBANGUNAN_DAERAH_KERJA.' }),
      label: t.field({ type: Label, description: 'Name.', resolve: (l) => l.label }),
      basisPoints: t.exposeInt('basisPoints', { description: 'Share in basis points (100 = 1%); all lines sum to 10000.' }),
      amount: t.field({ type: 'Rupiah', nullable: true, description: 'Amount, once the year is closed.', resolve: (l) => l.amount ?? null }),
    }),
  });
  const SplitRef = builder.objectRef<{ year: number; lines: ShuSplitLine[]; isDefault: boolean }>('ShuSplit').implement({
    description: 'The SHU split stored for a financial year (or the common default).',
    fields: (t) => ({
      year: t.exposeInt('year', { description: 'Financial year.' }),
      isDefault: t.exposeBoolean('isDefault', { description: 'True when no split was stored for the year and the default applies.' }),
      lines: t.field({ type: [SplitLineRef], description: 'Allocation lines.', resolve: (s) => s.lines }),
    }),
  });
  const CloseRef = builder.objectRef<YearClose>('YearClose').implement({
    description: 'A closed financial year: its SHU and how it splits. APPROVED once the RAT approved the distribution.',
    fields: (t) => ({
      year: t.exposeInt('year', { description: 'Financial year.' }),
      status: t.exposeString('status', { description: 'CLOSED or APPROVED.' }),
      revenue: t.expose('revenue', { type: 'Rupiah', description: 'Revenue of the year.' }),
      expenses: t.expose('expenses', { type: 'Rupiah', description: 'Costs, depreciation and tax of the year.' }),
      shu: t.expose('shu', { type: 'Rupiah', description: 'SHU = revenue - costs - depreciation - tax (negative: deficit, not split).' }),
      lines: t.field({ type: [SplitLineRef], description: 'Allocation lines with amounts (they sum to the SHU exactly).', resolve: (c) => c.lines }),
      unassignedJasaModal: t.field({ type: 'Rupiah', description: 'Jasa modal no member could receive (moved to the reserve).', resolve: (c) => c.unassigned.jasaModal }),
      unassignedJasaUsaha: t.field({ type: 'Rupiah', description: 'Jasa usaha no member could receive (moved to the reserve).', resolve: (c) => c.unassigned.jasaUsaha }),
      members: t.exposeInt('members', { description: 'Members in the split.' }),
      closedAt: t.expose('closedAt', { type: 'DateTime', description: 'When the year was closed.' }),
      approvedAt: t.expose('approvedAt', { type: 'DateTime', nullable: true, description: 'When the RAT approved the distribution.' }),
    }),
  });
  const ShareRef = builder.objectRef<ShuShare>('ShuShare').implement({
    description: "A member's SHU for a year: jasa modal by pokok+wajib held at year end, jasa usaha by transactions with the cooperative.",
    fields: (t) => ({
      year: t.exposeInt('year', { description: 'Financial year.' }),
      memberNumber: t.exposeInt('memberNumber', { description: 'Member number.' }),
      name: t.exposeString('name', { description: 'Member name.' }),
      equityBalance: t.expose('equityBalance', { type: 'Rupiah', description: 'Simpanan pokok + wajib held at year end.' }),
      patronage: t.expose('patronage', { type: 'Rupiah', description: 'Transactions with the cooperative in the year (all units).' }),
      jasaModal: t.expose('jasaModal', { type: 'Rupiah', description: 'Share of the jasa modal pool.' }),
      jasaUsaha: t.expose('jasaUsaha', { type: 'Rupiah', description: 'Share of the jasa usaha pool.' }),
      total: t.expose('total', { type: 'Rupiah', description: 'Jasa modal + jasa usaha.' }),
    }),
  });
  const YearRef = builder.objectRef<{ coopId: string; year: number }>('ShuYear').implement({
    description: 'SHU of one financial year: split, close and member shares.',
    fields: (t) => ({
      year: t.exposeInt('year', { description: 'Financial year.' }),
      split: t.field({ type: SplitRef, description: 'The split in force for the year.', resolve: (y, _a, ctx) => getShuSplit(ctx.core, y.coopId, y.year) }),
      close: t.field({ type: CloseRef, nullable: true, description: 'The year close, once done.', resolve: (y, _a, ctx) => getYearClose(ctx.core, y.coopId, y.year).then((c) => c ?? null) }),
      shares: t.field({ type: [ShareRef], description: 'Every member share (empty before the close).', resolve: (y, _a, ctx) => listShuShares(ctx.core, y.coopId, y.year) }),
    }),
  });
  const RatRef = builder.objectRef<RatRecord>('RatRecord').implement({
    description: 'A members\' meeting (rapat anggota tahunan) and what it decided.',
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'Date of the meeting.' }),
      financialYear: t.exposeInt('financialYear', { description: 'Financial year reported.' }),
      present: t.exposeInt('present', { description: 'Members present.' }),
      totalMembers: t.exposeInt('totalMembers', { description: 'Active members on the date.' }),
      quorumBasisPoints: t.exposeInt('quorumBasisPoints', { description: 'Quorum from the AD/ART (2000 = 1/5).' }),
      quorumMet: t.exposeBoolean('quorumMet', { description: 'Whether decisions were valid.' }),
      decisions: t.exposeStringList('decisions', { description: 'Decisions as minuted.' }),
      approvedFinancialStatements: t.exposeBoolean('approvedFinancialStatements', { description: 'Financial statements approved.' }),
      approvedShuDistribution: t.exposeBoolean('approvedShuDistribution', { description: 'SHU distribution approved (and posted).' }),
      approvedBudget: t.exposeBoolean('approvedBudget', { description: 'Work plan and RAPBK approved.' }),
    }),
  });

  builder.objectFields(CooperativeRef, (t) => ({
    shuYear: t.field({
      type: YearRef,
      description: 'SHU of a financial year.',
      args: { year: t.arg.int({ description: 'Financial year.' }) },
      resolve: (coop, args) => ({ coopId: coop.id, year: args.year }),
    }),
    rats: t.field({ type: [RatRef], description: "Members' meetings, oldest first.", resolve: (coop, _a, ctx) => listRats(ctx.core, coop.id) }),
  }));
  const PatronageRef = builder.objectRef<{ unitId: string; amount: number }>('Patronage').implement({
    description: "A member's purchases from one unit in a year, counted as units post member sales.",
    fields: (t) => ({
      unitId: t.exposeString('unitId', { description: 'Business unit.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Amount (net of reversals).' }),
    }),
  });
  builder.objectField(MemberRef, 'patronage', (t) =>
    t.field({
      type: [PatronageRef],
      description: 'Transactions with the cooperative in a year, per unit: the basis of SHU jasa usaha.',
      args: { year: t.arg.int({ description: 'Financial year.' }) },
      resolve: (m, args, ctx) => getPatronage(ctx.core, m.coopId, m.id, args.year),
    }),
  );
  builder.objectField(MemberRef, 'shuStatement', (t) =>
    t.field({
      type: ShareRef,
      nullable: true,
      description: "This member's SHU for a closed year (members read their own).",
      args: { year: t.arg.int({ description: 'Financial year.' }) },
      resolve: (m, args, ctx) => getShuShare(ctx.core, m.coopId, m.id, args.year).then((s) => s ?? null),
    }),
  );

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
  const coopId = (id: string) => one(id, 'Cooperative', 'input.cooperativeId');
  builder.mutationFields((t) => ({
    setShuSplit: t.field({
      type: SplitRef,
      description: 'Store the AD/ART split of the SHU for a year (before it is closed). Manager.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: SplitInput }) },
      resolve: async (_r, { input }, ctx) => ({ ...(await setShuSplit(ctx.core, { ...input, cooperativeId: coopId(input.cooperativeId) })), isDefault: false }),
    }),
    closeYear: t.field({
      type: CloseRef,
      description: "Close an ended financial year: locks its months, computes the SHU and every member's share. Manager.",
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: CloseInput }) },
      resolve: (_r, { input }, ctx) => closeYear(ctx.core, { ...input, cooperativeId: coopId(input.cooperativeId) }),
    }),
    recordRat: t.field({
      type: RatRef,
      description: "Record a members' meeting. Decisions need the quorum; approving the SHU posts its distribution. Manager.",
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: RatInput }) },
      resolve: (_r, { input }, ctx) =>
        recordRat(ctx.core, {
          ...input,
          cooperativeId: coopId(input.cooperativeId),
          decisions: input.decisions ?? [],
          approveFinancialStatements: input.approveFinancialStatements ?? false,
          approveShuDistribution: input.approveShuDistribution ?? false,
          approveBudget: input.approveBudget ?? false,
        }),
    }),
  }));
}
