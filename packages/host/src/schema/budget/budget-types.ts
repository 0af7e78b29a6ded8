import { coreChart, type Budget, type BudgetLine } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId } from '../../ids';

/** A year's RAPBK (budget) and its versions. */
export function registerBudgetTypes(builder: Builder) {
  const StatusEnum = builder.enumType('BudgetStatus', {
    description: 'Where a budget version stands.',
    values: {
      DRAFT: { description: 'Being prepared; a manager may replace it whole until the members approve it.' },
      APPROVED: { description: 'Approved at a members\' meeting (RAT); read-only. A revision is a new version.' },
    } as const,
  });

  const Name = builder.objectRef<{ id: string; en: string }>('BudgetAccountName').implement({
    description: 'Account name in Indonesian and English.',
    fields: (t) => ({ id: t.exposeString('id', { description: 'Bahasa Indonesia.' }), en: t.exposeString('en', { description: 'English.' }) }),
  });

  const LineRef = builder.objectRef<BudgetLine>('BudgetLine').implement({
    description: 'The budget of one account (and unit) for the year, month by month.',
    fields: (t) => ({
      account: t.exposeString('account', { description: 'Account code, e.g. 4110 (Pendapatan usaha dari anggota).' }),
      name: t.field({ type: Name, description: 'Account name.', resolve: (l) => coreChart.get(l.account)?.name ?? { id: l.account, en: l.account } }),
      unitId: t.exposeString('unitId', { nullable: true, description: 'Business unit (segment); absent for the cooperative as a whole.' }),
      months: t.field({ type: ['Rupiah'], description: 'Twelve monthly amounts, January first, in the account\'s normal direction.', resolve: (l) => l.months }),
      total: t.field({ type: 'Rupiah', description: 'The year: sum of the twelve months.', resolve: (l) => l.months.reduce((s, v) => s + v, 0) }),
    }),
  });

  const ApprovalRef = builder.objectRef<NonNullable<Budget['approval']>>('BudgetApproval').implement({
    description: 'The members\' meeting (RAT) that approved a budget version.',
    fields: (t) => ({
      meetingDate: t.expose('meetingDate', { type: 'Date', description: 'Date of the meeting.' }),
      ratReference: t.exposeString('ratReference', { description: 'Reference of the decision, e.g. the number in the minutes.' }),
      recordedBy: t.exposeString('recordedBy', { description: 'Who recorded the approval.' }),
      recordedAt: t.expose('recordedAt', { type: 'DateTime', description: 'When it was recorded.' }),
    }),
  });

  const BudgetRef = builder.objectRef<Budget>('Budget').implement({
    description: 'RAPBK (Rencana Anggaran Pendapatan dan Belanja Koperasi): one version of a year\'s budget per account and unit.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (b) => encodeId('Budget', b.coopId, `${b.year}_${b.version}`) }),
      year: t.exposeInt('year', { description: 'Financial year.' }),
      version: t.exposeInt('version', { description: '1 for the budget as first drafted; each revision after an approval is the next version.' }),
      status: t.field({ type: StatusEnum, description: 'DRAFT or APPROVED.', resolve: (b) => b.status }),
      lines: t.field({ type: [LineRef], description: 'Budget lines, by account then unit.', resolve: (b) => b.lines }),
      notes: t.exposeString('notes', { nullable: true, description: 'Notes of the managers.' }),
      approval: t.field({ type: ApprovalRef, nullable: true, description: 'The meeting that approved it; null while a draft.', resolve: (b) => b.approval ?? null }),
      createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When this version was started.' }),
      createdBy: t.exposeString('createdBy', { description: 'Who started this version.' }),
      updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'Last change (replacement or approval).' }),
      updatedBy: t.exposeString('updatedBy', { description: 'Who made the last change.' }),
    }),
  });
  return { Name, StatusEnum, BudgetRef };
}
