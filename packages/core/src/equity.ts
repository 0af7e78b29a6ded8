import { pk, queryAll, queryPage, sk, skPrefix, type PageRequest } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from './authorize';
import type { CoreContext } from './context';
import { coopTenant, getCooperative, type Cooperative } from './cooperative';
import type { Role } from './principal';
import { requestedDate, resolveBusinessDate } from './ledger/business-date';
import { InvalidStateError, ValidationError } from './errors';
import { newId } from './ids';
import { RETRY_TAG, audited, coopOf, runMutation, coopSpec } from './mutation';
import { STATUS_ID, memberKey, getMember, memberSchema, type Member } from './member';
import { formatRupiah, formatRupiahEn, positiveRupiah, rupiah, type Rupiah } from './money';

import { localDate, periodOf, periodsBetween } from './time';
import { ACCOUNTS, cashAccountFor } from './ledger/accounts';
import { postEntry } from './ledger/posting';
import { idempotencyKeyField, isoDate, msg, parseInput } from './validation';

/**
 * Equity savings (simpanan anggota): POKOK once on joining, WAJIB every month. Neither can be withdrawn
 * while a member; both are returned (REFUND) after the membership ends.
 */
export const EQUITY_KINDS = ['POKOK', 'WAJIB', 'REFUND'] as const;
export const PAYMENT_METHODS = ['CASH', 'BANK_TRANSFER', 'QRIS'] as const;

export const equityPaymentSchema = z.object({
  id: z.string(),
  coopId: z.string(),
  memberId: z.string(),
  kind: z.enum(EQUITY_KINDS),
  amount: rupiah,
  method: z.enum(PAYMENT_METHODS),
  paidOn: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type EquityPayment = z.infer<typeof equityPaymentSchema>;

export const recordEquityPaymentInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  memberId: z.string().min(1),
  kind: z.enum(['POKOK', 'WAJIB'], { message: msg('must be POKOK or WAJIB', 'harus POKOK atau WAJIB') }),
  amount: positiveRupiah,
  method: z.enum(PAYMENT_METHODS).default('CASH'),
  /** The day the money changed hands; today when absent (see business-date.ts). */
  businessDate: isoDate.optional().nullable(),
  /** Deprecated name of businessDate. */
  paidOn: isoDate.optional().nullable(),
});

export const refundEquityInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  memberId: z.string().min(1),
  method: z.enum(PAYMENT_METHODS).default('CASH'),
  /** The day the money changed hands; today when absent (see business-date.ts). */
  businessDate: isoDate.optional().nullable(),
  /** Deprecated name of businessDate. */
  paidOn: isoDate.optional().nullable(),
});

const paymentKey = (p: Pick<EquityPayment, 'coopId' | 'memberId' | 'id'>) => ({
  pk: pk(coopTenant(p.coopId)),
  sk: sk('EQPAY', p.memberId, p.id),
});

export interface RecordedPayment {
  payment: EquityPayment;
  member: Member;
}

async function recordEquityPaymentUnaudited(ctx: CoreContext, raw: unknown): Promise<RecordedPayment> {
  const input = parseInput(recordEquityPaymentInput, raw);
  const principal = await authorize(ctx, 'equity:collect', { coopId: input.cooperativeId });
  return runMutation(
    ctx,
    coopSpec('recordEquityPayment', input, { targetId: input.memberId }),
    async (tx, event) => {
      const coop = await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
      const m = await getMember(ctx, coop.id, input.memberId, 'input.memberId');
      const now = ctx.clock.now();
      const paidOn = await paymentDate(ctx, coop, principal.role, input, m.joinDate);
      event.businessDate = paidOn;
      if (m.status !== 'ACTIVE') {
        throw new InvalidStateError(`the membership ended (${m.status.toLowerCase()}): no more equity payments`, `keanggotaan sudah berakhir (${STATUS_ID[m.status]}): tidak menerima simpanan lagi`);
      }
      if (input.kind === 'POKOK') {
        if (m.pokokPaid > 0) throw new InvalidStateError('simpanan pokok is already paid', 'simpanan pokok sudah lunas');
        const due = m.pokokDue ?? coop.equity.simpananPokok;
        if (input.amount !== due) {
          throw ValidationError.field('input.amount', `simpanan pokok is ${formatRupiahEn(due)}`, `simpanan pokok sebesar ${formatRupiah(due)}`);
        }
      }
      const payment: EquityPayment = {
        id: newId(now),
        coopId: coop.id,
        memberId: m.id,
        kind: input.kind,
        amount: input.amount,
        method: input.method,
        paidOn,
        recordedAt: now.toISOString(),
        recordedBy: principal.userId,
      };
      const total = input.kind === 'POKOK' ? 'pokokPaid' : 'wajibPaid';
      tx.create({ ...paymentKey(payment), type: 'EquityPayment', ...payment });
      await postEntry(ctx, tx, coop.id, {
        date: paidOn,
        memo: `Simpanan ${input.kind.toLowerCase()} ${m.name} (no. ${m.memberNumber})`,
        source: { kind: 'EQUITY_PAYMENT', documentId: payment.id },
        lines: [
          { account: cashAccountFor(input.method), debit: input.amount, credit: 0 },
          { account: input.kind === 'POKOK' ? ACCOUNTS.simpananPokok : ACCOUNTS.simpananWajib, debit: 0, credit: input.amount },
        ],
      });
      // The totals are added to, not overwritten, and only while the member is as we read it.
      tx.update(
        memberKey(coop.id, m.id),
        { expression: `SET #t = #t + :amt`, names: { '#t': total }, values: { ':amt': input.amount } },
        {
          expression: input.kind === 'POKOK' ? '#s = :active AND pokokPaid = :zero' : '#s = :active',
          names: { '#s': 'status' },
          values: input.kind === 'POKOK' ? { ':active': 'ACTIVE', ':zero': 0 } : { ':active': 'ACTIVE' },
        },
        RETRY_TAG,
      );
      return { payment, member: { ...m, [total]: m[total] + input.amount } };
    },
  );
}

async function refundEquityUnaudited(ctx: CoreContext, raw: unknown): Promise<RecordedPayment> {
  const input = parseInput(refundEquityInput, raw);
  const principal = await authorize(ctx, 'equity:refund', { coopId: input.cooperativeId });
  return runMutation(
    ctx,
    coopSpec('refundEquity', input, { targetId: input.memberId }),
    async (tx, event) => {
      const coop = await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
      const m = await getMember(ctx, coop.id, input.memberId, 'input.memberId');
      if (m.status === 'ACTIVE') {
        throw new InvalidStateError(
          'simpanan pokok and wajib cannot be withdrawn while a member; end the membership first',
          'simpanan pokok dan wajib tidak dapat ditarik selama masih anggota; akhiri keanggotaan dulu',
        );
      }
      const amount = m.pokokPaid + m.wajibPaid;
      if (m.refunded > 0) throw new InvalidStateError('equity was already refunded', 'simpanan sudah dikembalikan');
      if (amount === 0) throw new InvalidStateError('nothing to refund', 'tidak ada simpanan untuk dikembalikan');
      const now = ctx.clock.now();
      const payment: EquityPayment = {
        id: newId(now),
        coopId: coop.id,
        memberId: m.id,
        kind: 'REFUND',
        amount,
        method: input.method,
        paidOn: (event.businessDate = await paymentDate(ctx, coop, principal.role, input, m.exitDate ?? m.joinDate)),
        recordedAt: now.toISOString(),
        recordedBy: principal.userId,
      };
      tx.create({ ...paymentKey(payment), type: 'EquityPayment', ...payment });
      await postEntry(ctx, tx, coop.id, {
        date: payment.paidOn,
        memo: `Pengembalian simpanan ${m.name} (no. ${m.memberNumber})`,
        source: { kind: 'EQUITY_REFUND', documentId: payment.id },
        lines: [
          ...(m.pokokPaid ? [{ account: ACCOUNTS.simpananPokok, debit: m.pokokPaid, credit: 0 }] : []),
          ...(m.wajibPaid ? [{ account: ACCOUNTS.simpananWajib, debit: m.wajibPaid, credit: 0 }] : []),
          { account: cashAccountFor(input.method), debit: 0, credit: amount },
        ],
      });
      tx.update(
        memberKey(coop.id, m.id),
        { expression: 'SET refunded = :amt', values: { ':amt': amount } },
        { expression: 'refunded = :zero AND #s <> :active', names: { '#s': 'status' }, values: { ':zero': 0, ':active': 'ACTIVE' } },
        RETRY_TAG,
      );
      return { payment, member: { ...m, refunded: amount } };
    },
  );
}

/** The business date of a payment: the one rule, and never before the member joined (or left, for a refund). */
async function paymentDate(ctx: CoreContext, coop: Cooperative, role: Role, input: { businessDate?: string | null; paidOn?: string | null }, notBefore: string) {
  const { requested, field } = requestedDate(input.businessDate, input.paidOn, 'input.paidOn');
  const date = await resolveBusinessDate(ctx, coop, role, requested, field);
  if (date < notBefore) throw ValidationError.field(field, `must not be before ${notBefore}`, `tidak boleh sebelum ${notBefore}`);
  return date;
}

export async function listEquityPayments(ctx: CoreContext, coopId: string, memberId: string, page: PageRequest) {
  await authorize(ctx, 'member:read', { coopId, memberId });
  return queryPage(ctx.db, { partition: pk(coopTenant(coopId)), prefix: skPrefix('EQPAY', memberId) }, equityPaymentSchema, {
    descending: true,
    ...page,
  });
}

export type PeriodStatus = 'PAID' | 'PARTIAL' | 'UNPAID';

export interface WajibPeriod {
  period: string;
  due: Rupiah;
  paid: Rupiah;
  status: PeriodStatus;
}

export interface EquityStatement {
  asOf: string;
  pokokDue: Rupiah;
  pokokPaid: Rupiah;
  wajibDue: Rupiah;
  wajibPaid: Rupiah;
  /** Simpanan wajib billed up to the as-of period and not yet paid. */
  wajibArrears: Rupiah;
  /** Simpanan wajib paid ahead of the billing. */
  wajibCredit: Rupiah;
  /** Pokok + wajib held for the member now (zero after a refund). */
  balance: Rupiah;
  periods: WajibPeriod[];
}

/**
 * Billing of simpanan wajib is computed, not stored: every month from joining to the as-of month (or the
 * exit month) is billed at the schedule's amount, and payments settle the oldest months first.
 */
export function equityStatement(member: Member, pokokDue: Rupiah, asOf: string): EquityStatement {
  const lastPeriod = [periodOf(asOf), member.exitDate ? periodOf(member.exitDate) : '9999-12'].sort()[0]!;
  let left = member.wajibPaid;
  let wajibDue = 0;
  const periods: WajibPeriod[] = periodsBetween(periodOf(member.joinDate), lastPeriod).map((period) => {
    const due = [...member.wajibSchedule].reverse().find((s) => s.from <= period)?.amount ?? member.wajibSchedule[0]!.amount;
    wajibDue += due;
    const paid = Math.min(due, left);
    left -= paid;
    return { period, due, paid, status: paid === due ? 'PAID' : paid > 0 ? 'PARTIAL' : 'UNPAID' };
  });
  return {
    asOf,
    pokokDue,
    pokokPaid: member.pokokPaid,
    wajibDue,
    wajibPaid: member.wajibPaid,
    wajibArrears: Math.max(0, wajibDue - member.wajibPaid),
    wajibCredit: Math.max(0, member.wajibPaid - wajibDue),
    balance: member.pokokPaid + member.wajibPaid - member.refunded,
    periods,
  };
}

export async function getEquityStatement(ctx: CoreContext, coopId: string, memberId: string, asOf?: string | null): Promise<EquityStatement> {
  const coop = await getCooperative(ctx, coopId);
  const member = await getMember(ctx, coopId, memberId);
  const date = checkedAsOf(asOf, localDate(ctx.clock.now(), coop.timeZone));
  return equityStatement(member, member.pokokDue ?? coop.equity.simpananPokok, date);
}

export interface ArrearsLine {
  member: Member;
  statement: EquityStatement;
}

/** Active members owing simpanan pokok or wajib as of a date, biggest debt first. */
export async function equityArrears(ctx: CoreContext, coopId: string, asOf?: string | null): Promise<ArrearsLine[]> {
  await authorize(ctx, 'equity:read', { coopId });
  const coop = await getCooperative(ctx, coopId);
  const date = checkedAsOf(asOf, localDate(ctx.clock.now(), coop.timeZone));
  const members = await queryAll(ctx.db, { partition: pk(coopTenant(coopId)), prefix: skPrefix('MEMBER') }, memberSchema);
  return members
    .filter((m) => m.status === 'ACTIVE' && m.joinDate <= date)
    .map((member) => ({ member, statement: equityStatement(member, member.pokokDue ?? coop.equity.simpananPokok, date) }))
    .filter((l) => l.statement.wajibArrears > 0 || l.statement.pokokPaid < l.statement.pokokDue)
    .sort((a, b) => owed(b) - owed(a));
}

/** An as-of date: a real date, at most a year ahead (billing months are computed, so bound them). */
function checkedAsOf(asOf: string | null | undefined, today: string): string {
  const date = asOf ?? today;
  if (!isoDate.safeParse(date).success) throw ValidationError.field('asOf', 'must be a real date YYYY-MM-DD', 'harus tanggal TTTT-BB-HH yang ada');
  const limit = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  if (date > limit) throw ValidationError.field('asOf', `must not be after ${limit}`, `tidak boleh setelah ${limit}`);
  return date;
}

function owed(l: ArrearsLine): number {
  return l.statement.wajibArrears + (l.statement.pokokDue - l.statement.pokokPaid);
}

export const recordEquityPayment = audited('recordEquityPayment', coopOf(), recordEquityPaymentUnaudited);
export const refundEquity = audited('refundEquity', coopOf(), refundEquityUnaudited);
