import {
  changeCooperativeStatus,
  createCooperative,
  equityArrears,
  findMemberByNik,
  getCity,
  getCooperative,
  getKelurahan,
  listAudit,
  listMembers,
  updateCooperative,
  type Officer,
} from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId, one, two } from '../ids';
import { pageRequest, toConnection } from '@kkmp/plugin-sdk';
import { MUTATION_ERRORS, READ_ERRORS } from './errors';
import type { CoreRefs } from './refs';
import { IDEMPOTENCY_KEY_FIELD as idem } from './idempotency';


export function registerCooperativeSchema(builder: Builder, refs: CoreRefs) {
  const { CityRef, KelurahanRef, CooperativeRef, MemberRef, EquityStatementRef, AuditEntryRef, TimeZoneEnum, CoopStatusEnum, BoardPositionEnum } = refs;
  const OfficerRef = builder.objectRef<Officer>('Officer').implement({
    description: 'A board member (pengurus) or supervisor (pengawas).',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'Full name.' }),
      position: t.expose('position', { type: BoardPositionEnum, description: 'Position.' }),
    }),
  });

  const EquitySettingsRef = builder
    .objectRef<{ simpananPokok: number; simpananWajib: number }>('EquitySettings')
    .implement({
      description: "Member equity savings rules from the cooperative's AD/ART.",
      fields: (t) => ({
        simpananPokok: t.expose('simpananPokok', { type: 'Rupiah', description: 'Simpanan pokok: one-time amount, equal for all members.' }),
        simpananWajib: t.expose('simpananWajib', { type: 'Rupiah', description: 'Default monthly simpanan wajib for new members.' }),
      }),
    });

  CooperativeRef.implement({
    description: 'A Koperasi Kelurahan Merah Putih: one cooperative per kelurahan, a tenant of its own.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (c) => encodeId('Cooperative', c.id) }),
      name: t.exposeString('name', { description: 'Common name.' }),
      legalName: t.exposeString('legalName', { description: 'Legal name as in the deed.' }),
      registrationNumber: t.exposeString('registrationNumber', { nullable: true, description: 'AHU legal-entity registration number, once registered.' }),
      status: t.expose('status', { type: CoopStatusEnum, description: 'Lifecycle status.' }),
      statusChangedAt: t.expose('statusChangedAt', { type: 'DateTime', description: 'When the status last changed.' }),
      timeZone: t.expose('timeZone', { type: TimeZoneEnum, description: 'Time zone of its business days and periods.' }),
      board: t.field({ type: [OfficerRef], description: 'Board (pengurus).', resolve: (c) => c.board }),
      supervisors: t.field({ type: [OfficerRef], description: 'Supervisors (pengawas).', resolve: (c) => c.supervisors }),
      equitySettings: t.field({ type: EquitySettingsRef, description: 'Simpanan pokok and default simpanan wajib.', resolve: (c) => c.equity }),
      createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered here.' }),
      city: t.field({ type: CityRef, description: 'Its city.', resolve: (c, _a, ctx) => getCity(ctx.core, c.cityId) }),
      kelurahan: t.field({ type: KelurahanRef, description: 'Its kelurahan.', resolve: (c, _a, ctx) => getKelurahan(ctx.core, c.cityId, c.kelurahanId) }),
      members: t.connection({
        type: MemberRef,
        description: 'Members in joining order. Cooperative managers, staff and supervisors.',
        resolve: async (c, args, ctx) => toConnection(await listMembers(ctx.core, c.id, pageRequest(args))),
      }),
      memberByNik: t.field({
      type: MemberRef,
      nullable: true,
      description: 'Find a member by NIK (16 digits; spaces allowed), e.g. at the cashier. Null when the NIK is not a current member.',
      args: { nik: t.arg.string({ description: 'NIK from the KTP.' }) },
      resolve: (c, args, ctx) => findMemberByNik(ctx.core, c.id, args.nik.replace(/[\s.-]/g, '')).then((m) => m ?? null),
    }),
    equityArrears: t.field({
        type: [EquityStatementRef],
        description: 'Active members owing simpanan pokok or wajib as of a date (default today), largest debt first.',
        args: { asOf: t.arg({ type: 'Date', required: false, description: 'As-of date; today when absent.' }) },
        resolve: async (c, args, ctx) =>
          (await equityArrears(ctx.core, c.id, args.asOf)).map((l) => ({ ...l.statement, member: l.member })),
      }),
      auditLog: t.connection({
        type: AuditEntryRef,
        description: 'Every mutation on this cooperative, newest first. Managers and supervisors.',
        resolve: async (c, args, ctx) => {
          const page = await listAudit(ctx.core, { kind: 'coop', coopId: c.id }, pageRequest(args));
          return toConnection({ ...page, items: page.items.map((e) => ({ ...e, tenantPath: c.id })) });
        },
      }),
    }),
  });

  AuditEntryRef.implement({
    description: 'One mutation as the audit log saw it: who, when, what, with which input, and how it ended.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (e) => encodeId('AuditEntry', e.tenantPath, e.id) }),
      at: t.expose('at', { type: 'DateTime', description: 'When.' }),
      actorUserId: t.exposeString('actorUserId', { description: 'User id (token subject) of the caller.' }),
      actorRole: t.exposeString('actorRole', { description: 'Role of the caller at the time.' }),
      operation: t.exposeString('operation', { description: 'GraphQL mutation name.' }),
      inputDigest: t.exposeString('inputDigest', { description: 'SHA-256 of the validated input (base64url): proves what was sent without storing personal data twice.' }),
      outcome: t.exposeString('outcome', { description: 'OK, or the error code it ended with.' }),
      targetId: t.exposeString('targetId', { nullable: true, description: 'Internal id of the main record touched.' }),
    }),
  });

  builder.queryFields((t) => ({
    cooperative: t.field({
      type: CooperativeRef,
      description: 'One cooperative by id.',
      errors: { types: READ_ERRORS, directResult: true },
      args: { id: t.arg.id({ description: 'Cooperative id.' }) },
      resolve: (_r, args, ctx) => getCooperative(ctx.core, one(args.id, 'Cooperative', 'id'), 'id'),
    }),
  }));

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

  builder.mutationFields((t) => ({
    createCooperative: t.field({
      type: CooperativeRef,
      description: 'Register the cooperative of a kelurahan. City admin of that city.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: CreateCooperativeInput }) },
      resolve: (_r, { input }, ctx) => {
        const [cityId, kelurahanId] = two(input.kelurahanId, 'Kelurahan', 'input.kelurahanId');
        return createCooperative(ctx.core, {
          ...input,
          cityId,
          kelurahanId,
          board: input.board ?? undefined,
          supervisors: input.supervisors ?? undefined,
          equity: input.equity ?? undefined,
        });
      },
    }),
    updateCooperative: t.field({
      type: CooperativeRef,
      description: 'Change the profile, board, supervisors or equity rules. Manager of the cooperative or its city admin.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: UpdateCooperativeInput }) },
      resolve: (_r, { input }, ctx) =>
        updateCooperative(ctx.core, { ...input, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') }),
    }),
    changeCooperativeStatus: t.field({
      type: CooperativeRef,
      description: 'FORMED -> LEGAL_ENTITY (needs the registration number) -> OPERATING.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: ChangeStatusInput }) },
      resolve: (_r, { input }, ctx) =>
        changeCooperativeStatus(ctx.core, { ...input, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') }),
    }),
  }));
}
