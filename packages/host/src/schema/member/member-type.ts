import { getCooperative, getEquityStatement, getMember, listEquityPayments } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId, two } from '../../ids';
import { pageRequest, toConnection } from '@kkmp/plugin-sdk';
import { READ_ERRORS } from '../errors';
import type { CoreRefs } from '../refs';

/** The `Member` type and the `member(id)` query. */
export function registerMemberType(builder: Builder, refs: CoreRefs) {
  const { CooperativeRef, MemberRef, EquityPaymentRef, EquityStatementRef, MemberStatusEnum } = refs;
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
      cooperative: t.field({ type: CooperativeRef, nullable: true, description: 'The cooperative (not for members: they read their own record).', resolve: (m, _a, ctx) => getCooperative(ctx.core, m.coopId) }),
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
}
