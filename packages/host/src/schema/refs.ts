import type { AuditEntry, City, Cooperative, EquityPayment, EquityStatement, Kelurahan, Member } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { createEnums } from './enums';

/** Object refs and enums of the core schema, declared apart from their fields so types can refer to each other. */
export function createCoreRefs(builder: Builder) {
  return {
    CityRef: builder.objectRef<City>('City'),
    KelurahanRef: builder.objectRef<Kelurahan>('Kelurahan'),
    CooperativeRef: builder.objectRef<Cooperative>('Cooperative'),
    MemberRef: builder.objectRef<Member>('Member'),
    EquityPaymentRef: builder.objectRef<EquityPayment>('EquityPayment'),
    EquityStatementRef: builder.objectRef<EquityStatement & { member: Member }>('EquityStatement'),
    AuditEntryRef: builder.objectRef<AuditEntry & { tenantPath: string }>('AuditEntry'),
    ...createEnums(builder),
  };
}

export type CoreRefs = ReturnType<typeof createCoreRefs>;
