import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId } from '../../ids';
import type { CoreRefs } from '../refs';

/** Equity savings (simpanan pokok and wajib): payments, billed months and the statement. */
export function registerEquityTypes(builder: Builder, refs: CoreRefs) {
  const { MemberRef, EquityPaymentRef, EquityStatementRef, EquityKindEnum, PaymentMethodEnum, PeriodStatusEnum } = refs;
  EquityPaymentRef.implement({
    description: 'Money paid into (POKOK, WAJIB) or out of (REFUND) a member\'s equity savings.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (p) => encodeId('EquityPayment', p.coopId, p.memberId, p.id) }),
      kind: t.expose('kind', { type: EquityKindEnum, description: 'POKOK, WAJIB or REFUND.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Amount.' }),
      method: t.expose('method', { type: PaymentMethodEnum, description: 'Cash, bank transfer or QRIS.' }),
      paidOn: t.expose('paidOn', { type: 'Date', description: 'Business date of the payment.' }),
      recordedAt: t.expose('recordedAt', { type: 'DateTime', description: 'When it was recorded.' }),
      recordedBy: t.exposeString('recordedBy', { description: 'User who recorded it.' }),
    }),
  });

  const WajibPeriodRef = builder.objectRef<{ period: string; due: number; paid: number; status: 'PAID' | 'PARTIAL' | 'UNPAID' }>('WajibBillingPeriod').implement({
    description: 'One month of simpanan wajib: billed, paid (oldest months are settled first) and status.',
    fields: (t) => ({
      period: t.exposeString('period', { description: 'Month, YYYY-MM.' }),
      due: t.expose('due', { type: 'Rupiah', description: 'Amount billed for the month.' }),
      paid: t.expose('paid', { type: 'Rupiah', description: 'Amount settled.' }),
      status: t.expose('status', { type: PeriodStatusEnum, description: 'PAID, PARTIAL or UNPAID.' }),
    }),
  });

  EquityStatementRef.implement({
    description: 'Equity savings of one member as of a date. Pokok and wajib cannot be withdrawn while a member.',
    fields: (t) => ({
      member: t.field({ type: MemberRef, description: 'The member.', resolve: (s) => s.member }),
      asOf: t.expose('asOf', { type: 'Date', description: 'As-of date.' }),
      pokokDue: t.expose('pokokDue', { type: 'Rupiah', description: 'Simpanan pokok required.' }),
      pokokPaid: t.expose('pokokPaid', { type: 'Rupiah', description: 'Simpanan pokok paid.' }),
      wajibDue: t.expose('wajibDue', { type: 'Rupiah', description: 'Simpanan wajib billed up to the as-of month.' }),
      wajibPaid: t.expose('wajibPaid', { type: 'Rupiah', description: 'Simpanan wajib paid in total.' }),
      wajibArrears: t.expose('wajibArrears', { type: 'Rupiah', description: 'Billed and unpaid (tunggakan).' }),
      wajibCredit: t.expose('wajibCredit', { type: 'Rupiah', description: 'Paid ahead of billing.' }),
      balance: t.expose('balance', { type: 'Rupiah', description: 'Pokok + wajib held for the member (zero after refund).' }),
      periods: t.field({ type: [WajibPeriodRef], description: 'Every billed month from joining.', resolve: (s) => s.periods }),
      unpaidPeriods: t.field({
        type: [WajibPeriodRef],
        description: 'Months not fully paid: the arrears list.',
        resolve: (s) => s.periods.filter((p) => p.status !== 'PAID'),
      }),
    }),
  });
}
