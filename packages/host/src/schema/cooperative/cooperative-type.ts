import { equityArrears, findMemberByNik, getCity, getCooperative, getKelurahan, listAudit, listMembers, type Officer } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId, one } from '../../ids';
import { CONNECTION_TOTAL_COUNT, pageRequest, resolveTotalCount, toConnection } from '@kkmp/plugin-sdk';
import { READ_ERRORS } from '../errors';
import type { CoreRefs } from '../refs';

/** The `Cooperative` type (profile, officers, equity rules, members, arrears, audit log) and `cooperative(id)`. */
export function registerCooperativeType(builder: Builder, refs: CoreRefs) {
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
      city: t.field({ type: CityRef, nullable: true, description: 'Its city.', resolve: (c, _a, ctx) => getCity(ctx.core, c.cityId) }),
      kelurahan: t.field({ type: KelurahanRef, description: 'Its kelurahan.', resolve: (c, _a, ctx) => getKelurahan(ctx.core, c.cityId, c.kelurahanId) }),
      members: t.connection(
        {
          type: MemberRef,
          nullable: true,
          description: 'Members in joining order, all or of one status. Cooperative managers, staff and supervisors.',
          args: { status: t.arg({ type: refs.MemberStatusEnum, required: false, description: 'Only members of this status (e.g. ACTIVE).' }) },
          resolve: async (c, args, ctx) => {
            const page = await listMembers(ctx.core, c.id, pageRequest(args), args.status ? { status: args.status } : {});
            return toConnection(page, { totalCount: page.count }) as never;
          },
        },
        { fields: (t) => ({ totalCount: t.int({ description: CONNECTION_TOTAL_COUNT, resolve: (c) => resolveTotalCount(c) }) }) },
      ),
      memberByNik: t.field({
      type: MemberRef,
      nullable: true,
      description: 'Find a member by NIK (16 digits; spaces allowed), e.g. at the cashier. Null when the NIK is not a current member.',
      args: { nik: t.arg.string({ description: 'NIK from the KTP.' }) },
      resolve: (c, args, ctx) => findMemberByNik(ctx.core, c.id, args.nik.replace(/[\s.-]/g, '')).then((m) => m ?? null),
    }),
    equityArrears: t.field({
        type: [EquityStatementRef],
        nullable: true,
        description: 'Active members owing simpanan pokok or wajib as of a date (default today), largest debt first.',
        args: { asOf: t.arg({ type: 'Date', required: false, description: 'As-of date; today when absent.' }) },
        resolve: async (c, args, ctx) =>
          (await equityArrears(ctx.core, c.id, args.asOf)).map((l) => ({ ...l.statement, member: l.member })),
      }),
      auditLog: t.connection({
        type: AuditEntryRef,
        nullable: true,
        description: 'Every mutation on this cooperative, newest first. Managers and supervisors.',
        resolve: async (c, args, ctx) => {
          const page = await listAudit(ctx.core, { kind: 'coop', coopId: c.id }, pageRequest(args));
          return toConnection({ ...page, items: page.items.map((e) => ({ ...e, tenantPath: c.id })) });
        },
      }),
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
}
