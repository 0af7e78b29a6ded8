import type { Member } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import type { CoreRefs } from '../refs';
import { IDEMPOTENCY_KEY_FIELD as idem } from '../idempotency';

/** Inputs of the member and equity mutations, and the equity payment receipt. */
export function registerMemberInputs(builder: Builder, refs: CoreRefs) {
  const { MemberRef, EquityPaymentRef, EndStatusEnum, PayableEquityKindEnum, PaymentMethodEnum } = refs;
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
  return { RegisterMemberInput, UpdateMemberInput, EndMembershipInput, RecordEquityPaymentInput, RefundEquityInput, EquityPaymentResultRef };
}
