import {
  endMembership,
  getCooperative,
  getEquityStatement,
  getMember,
  listEquityPayments,
  recordEquityPayment,
  refundEquity,
  registerMember,
  updateMember,
  type Member,
} from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId, one, two } from '../ids';
import { pageRequest, toConnection } from '@kkmp/plugin-sdk';
import { MUTATION_ERRORS, READ_ERRORS } from './errors';
import type { CoreRefs } from './refs';
import { IDEMPOTENCY_KEY_FIELD as idem } from './idempotency';


export function registerMemberSchema(builder: Builder, refs: CoreRefs) {
  const { CooperativeRef, MemberRef, EquityPaymentRef, EquityStatementRef, MemberStatusEnum, EndStatusEnum, EquityKindEnum, PayableEquityKindEnum, PaymentMethodEnum, PeriodStatusEnum } = refs;
  const SexEnum = builder.enumType('Sex', {
    description: 'Sex as encoded in the NIK.',
    values: { MALE: { description: 'Laki-laki.' }, FEMALE: { description: 'Perempuan.' } } as const,
  });

  const WajibStepRef = builder.objectRef<{ from: string; amount: number }>('SimpananWajibStep').implement({
    description: 'Simpanan wajib amount in force from a month on.',
    fields: (t) => ({
      from: t.exposeString('from', { description: 'First billing month, YYYY-MM.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Monthly amount.' }),
    }),
  });

  MemberRef.implement({
    description: 'A member (anggota) of a cooperative: a resident of its kelurahan, identified by NIK.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (m) => encodeId('Member', m.coopId, m.id) }),
      memberNumber: t.exposeInt('memberNumber', { description: 'Member number, sequential from 1 in the cooperative, never reused.' }),
      nik: t.exposeString('nik', { description: 'NIK (16-digit national identity number), unique within the cooperative.' }),
      name: t.exposeString('name', { description: 'Full name as on the KTP.' }),
      sex: t.expose('sex', { type: SexEnum, description: 'As encoded in the NIK (women: birth day + 40).' }),
      birthDate: t.expose('birthDate', { type: 'Date', description: 'Birth date, as encoded in the NIK.' }),
      address: t.exposeString('address', { description: 'Address as on the KTP (proves residence in the kelurahan).' }),
      phone: t.exposeString('phone', { nullable: true, description: 'Mobile number.' }),
      joinDate: t.expose('joinDate', { type: 'Date', description: 'Date of joining.' }),
      status: t.expose('status', { type: MemberStatusEnum, description: 'ACTIVE, RESIGNED or DECEASED.' }),
      exitDate: t.expose('exitDate', { type: 'Date', nullable: true, description: 'Date the membership ended.' }),
      simpananWajib: t.field({
        type: 'Rupiah',
        description: 'Monthly simpanan wajib billed now.',
        resolve: (m) => m.wajibSchedule.at(-1)!.amount,
      }),
      simpananWajibSchedule: t.field({ type: [WajibStepRef], description: 'History of the monthly simpanan wajib amount.', resolve: (m) => m.wajibSchedule }),
      cooperative: t.field({ type: CooperativeRef, description: 'The cooperative.', resolve: (m, _a, ctx) => getCooperative(ctx.core, m.coopId) }),
      equity: t.field({
        type: EquityStatementRef,
        description: 'Equity savings statement: pokok, wajib billed and paid per month, arrears, balance.',
        args: { asOf: t.arg({ type: 'Date', required: false, description: 'As-of date; today when absent.' }) },
        resolve: async (m, args, ctx) => ({ ...(await getEquityStatement(ctx.core, m.coopId, m.id, args.asOf)), member: m }),
      }),
      equityPayments: t.connection({
        type: EquityPaymentRef,
        description: 'Equity payments and refunds, newest first.',
        resolve: async (m, args, ctx) => toConnection(await listEquityPayments(ctx.core, m.coopId, m.id, pageRequest(args))),
      }),
    }),
  });

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

  builder.queryFields((t) => ({
    member: t.field({
      type: MemberRef,
      description: 'One member by id. Members see only themselves.',
      errors: { types: READ_ERRORS, directResult: true },
      args: { id: t.arg.id({ description: 'Member id.' }) },
      resolve: (_r, args, ctx) => {
        const [coopId, memberId] = two(args.id, 'Member', 'id');
        return getMember(ctx.core, coopId, memberId, 'id');
      },
    }),
  }));


  const RegisterMemberInput = builder.inputType('RegisterMemberInput', {
    description: 'A new member.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      nik: t.string({ description: '16-digit NIK from the KTP.' }),
      name: t.string({ description: 'Full name as on the KTP.' }),
      address: t.string({ description: 'Address as on the KTP.' }),
      phone: t.string({ required: false, description: 'Mobile number, e.g. 081234567890.' }),
      joinDate: t.field({ type: 'Date', required: false, description: 'Date of joining; today when absent.' }),
      simpananWajib: t.field({ type: 'Rupiah', required: false, description: "Monthly simpanan wajib; the cooperative's default when absent." }),
    }),
  });

  const UpdateMemberInput = builder.inputType('UpdateMemberInput', {
    description: 'Changes to a member; absent fields stay as they are.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      memberId: t.id({ description: 'Member id.' }),
      name: t.string({ required: false, description: 'Full name.' }),
      address: t.string({ required: false, description: 'Address.' }),
      phone: t.string({ required: false, description: 'Mobile number.' }),
      simpananWajib: t.field({ type: 'Rupiah', required: false, description: 'New monthly simpanan wajib.' }),
      simpananWajibFrom: t.string({ required: false, description: 'First month (YYYY-MM) of the new amount; this month when absent.' }),
    }),
  });

  const EndMembershipInput = builder.inputType('EndMembershipInput', {
    description: 'End a membership; equity then becomes refundable.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      memberId: t.id({ description: 'Member id.' }),
      status: t.field({ type: EndStatusEnum, description: 'RESIGNED or DECEASED.' }),
      exitDate: t.field({ type: 'Date', required: false, description: 'Date it ends; today when absent.' }),
    }),
  });

  const RecordEquityPaymentInput = builder.inputType('RecordEquityPaymentInput', {
    description: 'A member pays simpanan pokok or wajib.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      memberId: t.id({ description: 'Member id.' }),
      kind: t.field({ type: PayableEquityKindEnum, description: 'POKOK (exactly the set amount, once) or WAJIB (any positive amount; settles oldest months first).' }),
      amount: t.field({ type: 'Rupiah', description: 'Amount in whole rupiah, more than zero.' }),
      method: t.field({ type: PaymentMethodEnum, required: false, description: 'CASH when absent.' }),
      paidOn: t.field({ type: 'Date', required: false, description: 'Business date; today when absent.' }),
    }),
  });

  const RefundEquityInput = builder.inputType('RefundEquityInput', {
    description: 'Return pokok and wajib to a former member.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      memberId: t.id({ description: 'Member id.' }),
      method: t.field({ type: PaymentMethodEnum, required: false, description: 'CASH when absent.' }),
      paidOn: t.field({ type: 'Date', required: false, description: 'Business date; today when absent.' }),
    }),
  });

  const EquityPaymentResultRef = builder.objectRef<{ payment: import('@kkmp/core').EquityPayment; member: Member }>('EquityPaymentReceipt').implement({
    description: 'A recorded equity movement and the member after it.',
    fields: (t) => ({
      payment: t.field({ type: EquityPaymentRef, description: 'The movement.', resolve: (r) => r.payment }),
      member: t.field({ type: MemberRef, description: 'The member after the movement.', resolve: (r) => r.member }),
    }),
  });

  const memberRef = (id: string) => {
    const [cooperativeId, memberId] = two(id, 'Member', 'input.memberId');
    return { cooperativeId, memberId };
  };

  builder.mutationFields((t) => ({
    registerMember: t.field({
      type: MemberRef,
      description: 'Register a member. NIK is validated (length, region, birth date) and must be new in the cooperative. Cooperative manager.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: RegisterMemberInput }) },
      resolve: (_r, { input }, ctx) => registerMember(ctx.core, { ...input, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') }),
    }),
    updateMember: t.field({
      type: MemberRef,
      description: 'Change name, address, phone or simpanan wajib of a member. Cooperative manager.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: UpdateMemberInput }) },
      resolve: (_r, { input }, ctx) => updateMember(ctx.core, { ...input, ...memberRef(input.memberId) }),
    }),
    endMembership: t.field({
      type: MemberRef,
      description: 'End a membership (resigned or deceased). Cooperative manager.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: EndMembershipInput }) },
      resolve: (_r, { input }, ctx) => endMembership(ctx.core, { ...input, ...memberRef(input.memberId) }),
    }),
    recordEquityPayment: t.field({
      type: EquityPaymentResultRef,
      description: 'Record simpanan pokok or wajib paid by an active member. Manager or staff.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: RecordEquityPaymentInput }) },
      resolve: (_r, { input }, ctx) => recordEquityPayment(ctx.core, { ...input, ...memberRef(input.memberId), method: input.method ?? undefined }),
    }),
    refundEquity: t.field({
      type: EquityPaymentResultRef,
      description: 'Refund pokok and wajib to a member whose membership ended. Refused while the member is active. Cooperative manager.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: RefundEquityInput }) },
      resolve: (_r, { input }, ctx) => refundEquity(ctx.core, { ...input, ...memberRef(input.memberId), method: input.method ?? undefined }),
    }),
  }));
}
