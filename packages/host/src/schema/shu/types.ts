import { getShuSplit, getYearClose, listShuShares, type RatRecord, type ShuShare, type ShuSplitLine, type YearClose } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';

/** SHU split, year close, members' shares and the RAT record. */
export function registerShuTypes(builder: Builder) {
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
  return { SplitRef, CloseRef, ShareRef, YearRef, RatRef };
}
