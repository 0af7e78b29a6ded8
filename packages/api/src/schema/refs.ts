import type { AuditEntry, City, Cooperative, EquityPayment, EquityStatement, Kelurahan, Member } from '@kkmp/core';
import { builder } from '../builder';

/** Object refs declared apart from their fields so the types can refer to each other without import cycles. */
export const CityRef = builder.objectRef<City>('City');
export const KelurahanRef = builder.objectRef<Kelurahan>('Kelurahan');
export const CooperativeRef = builder.objectRef<Cooperative>('Cooperative');
export const MemberRef = builder.objectRef<Member>('Member');
export const EquityPaymentRef = builder.objectRef<EquityPayment>('EquityPayment');
export const EquityStatementRef = builder.objectRef<EquityStatement & { member: Member }>('EquityStatement');
export const AuditEntryRef = builder.objectRef<AuditEntry & { tenantPath: string }>('AuditEntry');
