import { encodeId, type Builder, type CoreRefs } from '@kkmp/plugin-sdk';
import type { ImportRowResult } from '../../beneficiaries/import';
import { BENEFICIARY_STATUSES, beneficiaryStatus, type Beneficiary } from '../../model/beneficiary';
import { maskNik } from '../../rules/nik';
import { values } from './describe';

/** A registry entry as answered: with its unit (ids, concrete type) and cooperative (member ids). */
export type BeneficiaryView = Beneficiary & { idPrefix: string; typename: string; coopId: string };

const OUTCOMES = ['CREATED', 'UPDATED', 'UNCHANGED', 'REFUSED'] as const;

/** Types of the beneficiary registry, shared by every unit that keeps one (LPG 3 kg, fertilizer). */
export function beneficiaryTypes(b: Builder, core: CoreRefs) {
  const Status = b.enumType('CommerceBeneficiaryStatus', {
    description: 'Where a registered buyer stands.',
    values: values(BENEFICIARY_STATUSES, {
      REGISTERED: 'On the list; documents not yet checked.',
      VERIFIED: 'Documents checked (KTP + KK, NIB, a government list).',
      BLOCKED: 'May not buy until unblocked.',
    }),
  });
  const Beneficiary = b.interfaceRef<BeneficiaryView>('CommerceBeneficiary').implement({
    description: "A buyer registered by NIK for subsidized goods. Every unit's registry entries implement it; each adds its own `buyerType`.",
    resolveType: (v) => v.typename,
    fields: (t) => ({
      id: t.id({ description: 'Opaque id (for caches; operations name the buyer by NIK).', resolve: (v) => encodeId(`${v.idPrefix}Beneficiary`, v.id) }),
      nikMasked: t.string({ description: 'NIK with the middle hidden (3273**********01).', resolve: (v) => maskNik(v.nik) }),
      name: t.exposeString('name', { description: 'Name as registered.' }),
      isMember: t.boolean({ description: 'A member of the cooperative (found by NIK at registration).', resolve: (v) => v.memberId !== undefined }),
      memberId: t.id({ nullable: true, description: 'Id of the member, if one (the `member` field links it).', resolve: (v) => (v.memberId ? encodeId('Member', v.coopId, v.memberId) : null) }),
      member: t.field({ type: core.MemberRef, nullable: true, description: 'The member, if one; an error on this field alone for a caller who may not read members.', resolve: (v, _a, ctx) => (v.memberId ? core.member(ctx, v.coopId, v.memberId) : null) }),
      status: t.field({ type: Status, description: 'Registered, verified or blocked.', resolve: (v) => beneficiaryStatus(v) }),
      note: t.exposeString('note', { nullable: true, description: 'Note.' }),
      registeredAt: t.field({ type: 'DateTime', description: 'When registered.', resolve: (v) => v.registered.at }),
      verifiedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the documents were last checked.', resolve: (v) => v.verified?.at ?? null }),
      verificationReference: t.string({ nullable: true, description: 'What was checked.', resolve: (v) => v.verified?.reference ?? null }),
      blockedReason: t.string({ nullable: true, description: 'Why blocked, while blocked.', resolve: (v) => v.blocked?.reason ?? null }),
    }),
  });
  const Outcome = b.enumType('CommerceImportOutcome', {
    description: 'What an import did with a row.',
    values: values(OUTCOMES, {
      CREATED: 'A new entry.',
      UPDATED: 'An entry with a new name or buyer type (its status kept).',
      UNCHANGED: 'Already registered as given.',
      REFUSED: 'Not imported; see field and message.',
    }),
  });
  const ImportRow = b.objectRef<ImportRowResult>('CommerceImportRow').implement({
    description: 'One row of an import and what became of it.',
    fields: (t) => ({
      row: t.exposeInt('row', { description: 'Index of the row in the input (from 0).' }),
      nikMasked: t.exposeString('nikMasked', { nullable: true, description: 'NIK with the middle hidden, when it could be read.' }),
      outcome: t.expose('outcome', { type: Outcome, description: 'What the import did.' }),
      field: t.exposeString('field', { nullable: true, description: 'Refused: the input field at fault.' }),
      messageEn: t.exposeString('messageEn', { nullable: true, description: 'Refused: why, in English.' }),
      messageId: t.exposeString('messageId', { nullable: true, description: 'Refused: why, in Indonesian.' }),
    }),
  });
  const Import = b.objectRef<ImportRowResult[]>('CommerceImport').implement({
    description: 'The result of an import: counts and every row. Repeating it changes nothing more.',
    fields: (t) => ({
      created: t.int({ description: 'Rows registered.', resolve: (r) => r.filter((x) => x.outcome === 'CREATED').length }),
      updated: t.int({ description: 'Rows that changed an entry.', resolve: (r) => r.filter((x) => x.outcome === 'UPDATED').length }),
      unchanged: t.int({ description: 'Rows already registered as given.', resolve: (r) => r.filter((x) => x.outcome === 'UNCHANGED').length }),
      refused: t.int({ description: 'Rows not imported.', resolve: (r) => r.filter((x) => x.outcome === 'REFUSED').length }),
      rows: t.field({ type: [ImportRow], description: 'Every row, in input order.', resolve: (r) => r }),
    }),
  });
  return { Status, Beneficiary, Import };
}

export type BeneficiaryTypes = ReturnType<typeof beneficiaryTypes>;
