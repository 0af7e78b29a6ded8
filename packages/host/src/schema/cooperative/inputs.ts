import type { Builder } from '@kkmp/plugin-sdk';
import type { CoreRefs } from '../refs';
import { IDEMPOTENCY_KEY_FIELD as idem } from '../idempotency';

/** Inputs of the cooperative mutations. */
export function registerCooperativeInputs(builder: Builder, refs: CoreRefs) {
  const { CoopStatusEnum, BoardPositionEnum } = refs;
  const OfficerInput = builder.inputType('OfficerInput', {
    description: 'A board member or supervisor.',
    fields: (t) => ({
      name: t.string({ description: 'Full name.' }),
      position: t.field({ type: BoardPositionEnum, description: 'Position.' }),
    }),
  });

  const EquitySettingsInput = builder.inputType('EquitySettingsInput', {
    description: 'Equity savings rules from the AD/ART.',
    fields: (t) => ({
      simpananPokok: t.field({ type: 'Rupiah', description: 'One-time simpanan pokok, e.g. 50000.' }),
      simpananWajib: t.field({ type: 'Rupiah', description: 'Default monthly simpanan wajib, e.g. 20000.' }),
    }),
  });


  const CreateCooperativeInput = builder.inputType('CreateCooperativeInput', {
    description: 'A newly formed cooperative of a kelurahan (city admin).',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      kelurahanId: t.id({ description: 'Kelurahan id (it names the city too); one cooperative per kelurahan.' }),
      name: t.string({ description: 'Common name, e.g. "KKMP Sukaluyu".' }),
      legalName: t.string({ description: 'Legal name, e.g. "Koperasi Kelurahan Merah Putih Sukaluyu".' }),
      board: t.field({ type: [OfficerInput], required: false, description: 'Board (pengurus).' }),
      supervisors: t.field({ type: [OfficerInput], required: false, description: 'Supervisors (pengawas).' }),
      equity: t.field({ type: EquitySettingsInput, required: false, description: 'Defaults to pokok Rp50,000 and wajib Rp20,000/month.' }),
    }),
  });

  const UpdateCooperativeInput = builder.inputType('UpdateCooperativeInput', {
    description: 'Changes to a cooperative profile; absent fields stay as they are.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      name: t.string({ required: false, description: 'Common name.' }),
      legalName: t.string({ required: false, description: 'Legal name.' }),
      board: t.field({ type: [OfficerInput], required: false, description: 'Replaces the board.' }),
      supervisors: t.field({ type: [OfficerInput], required: false, description: 'Replaces the supervisors.' }),
      equity: t.field({ type: EquitySettingsInput, required: false, description: 'Replaces the equity rules (for new members and future billing).' }),
    }),
  });

  const ChangeStatusInput = builder.inputType('ChangeCooperativeStatusInput', {
    description: 'Move a cooperative one step forward in its lifecycle.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      status: t.field({ type: CoopStatusEnum, description: 'The next status.' }),
      registrationNumber: t.string({ required: false, description: 'AHU registration number; required to become LEGAL_ENTITY.' }),
    }),
  });
  return { CreateCooperativeInput, UpdateCooperativeInput, ChangeStatusInput };
}
