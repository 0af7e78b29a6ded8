import {
  AGREEMENT_STATUSES,
  CONSTRAINTS,
  CONTACT_KINDS,
  PARTNER_KINDS,
  TRAINING_TOPICS,
  loadCooperative,
  type Attendance,
  type FollowUp,
  type KelurahanRow,
  type Partner,
  type Standing,
  type StatusCounts,
  type SupplyAgreement,
  type AgreementVolume,
  type TrainingSession,
  type UnitCount,
} from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId } from '../../ids';
import type { CoreRefs } from '../refs';

const values = <T extends readonly string[]>(names: T, describe: (n: T[number]) => string) =>
  Object.fromEntries(names.map((n) => [n, { description: describe(n) }])) as Record<T[number], { description: string }>;

const CONSTRAINT_TEXT: Record<(typeof CONSTRAINTS)[number], string> = {
  UNDERSTANDING: 'Little understanding of how a cooperative works.',
  MANAGEMENT: 'Weak management or bookkeeping.',
  CAPITAL: 'Lack of capital.',
  PREMISES: 'No premises yet (e.g. waiting for a regional building).',
  LEGAL: 'Legal steps outstanding (deed, AHU registration, licences).',
  SUPPLY: 'No supplier or supply agreement.',
  OTHER: 'Another reason (see the notes).',
};

/** Types of the city's view; fields that need the caller's city are added in fields.ts. */
export function registerCityViewTypes(builder: Builder, refs: CoreRefs) {
  const ConstraintEnum = builder.enumType('CooperativeConstraint', { description: 'What holds a cooperative back, as the city office names it.', values: values(CONSTRAINTS, (n) => CONSTRAINT_TEXT[n]) });
  const ContactKindEnum = builder.enumType('FollowUpContactKind', {
    description: "How the city contacted the cooperative.",
    values: values(CONTACT_KINDS, (n) => ({ VISIT: 'A visit to the cooperative.', CALL: 'A phone or video call.', MEETING_AT_CITY_HALL: 'The board called in to city hall.', OTHER: 'Another kind of contact.' })[n]),
  });
  const TopicEnum = builder.enumType('TrainingTopic', { description: 'Topic of a training session.', values: values(TRAINING_TOPICS, (n) => `Training on ${n.toLowerCase().replaceAll('_', ' ')}.`) });
  const PartnerKindEnum = builder.enumType('PartnerKind', {
    description: 'Kind of partner firm.',
    values: values(PARTNER_KINDS, (n) => ({ STATE_OWNED: 'State-owned (BUMN: Bulog, ID Food, Pertamina Patra Niaga, Pupuk Indonesia).', REGIONAL_OWNED: 'Regionally owned (BUMD).', PRIVATE: 'Private firm (retail, factory).', COOPERATIVE: 'Another cooperative.' })[n]),
  });
  const AgreementStatusEnum = builder.enumType('SupplyAgreementStatus', {
    description: 'State of a supply agreement.',
    values: values(AGREEMENT_STATUSES, (n) => ({ DRAFT: 'Being negotiated.', ACTIVE: 'In force.', ENDED: 'Ended.' })[n]),
  });

  const StatusCountsRef = builder.objectRef<StatusCounts>('CooperativeStatusCounts').implement({
    description: 'Cooperatives by status and by activity within the window.',
    fields: (t) => ({
      total: t.exposeInt('total', { description: 'Cooperatives formed (all of them, whatever their status).' }),
      formed: t.exposeInt('formed', { description: 'Status FORMED (deed, no legal entity yet).' }),
      legalEntity: t.exposeInt('legalEntity', { description: 'Status LEGAL_ENTITY.' }),
      operating: t.exposeInt('operating', { description: 'Status OPERATING.' }),
      active: t.exposeInt('active', { description: 'Recorded a business transaction (a sale, savings, a loan movement) within the window: the "X" of "X of Y active".' }),
      inactive: t.exposeInt('inactive', { description: 'No business transaction within the window.' }),
      operatingWithoutActivity: t.exposeInt('operatingWithoutActivity', { description: 'OPERATING, yet no business transaction within the window.' }),
    }),
  });
  const UnitCountRef = builder.objectRef<UnitCount>('UnitActivityCount').implement({
    description: 'How many cooperatives enabled a unit and how many traded in it within the window.',
    fields: (t) => ({
      unitId: t.exposeString('unitId', { description: 'Unit id, e.g. sembako.' }),
      enabled: t.exposeInt('enabled', { description: 'Cooperatives with the unit enabled.' }),
      trading: t.exposeInt('trading', { description: 'Cooperatives that recorded a business transaction in the unit within the window.' }),
    }),
  });
  const KelurahanRowRef = builder.objectRef<KelurahanRow>('KelurahanActivity').implement({
    description: 'One kelurahan: its cooperative(s) by status and activity, and units.',
    fields: (t) => ({
      kelurahan: t.field({ type: refs.KelurahanRef, description: 'The kelurahan.', resolve: (r) => r.kelurahan }),
      counts: t.field({ type: StatusCountsRef, description: 'Counts for this kelurahan.', resolve: (r) => r.counts }),
      units: t.field({ type: [UnitCountRef], description: 'Units enabled and trading here.', resolve: (r) => r.units }),
    }),
  });
  const ConstraintCountRef = builder.objectRef<{ constraint: (typeof CONSTRAINTS)[number]; cooperatives: number }>('ConstraintCount').implement({
    description: 'How many cooperatives named a constraint at their latest contact.',
    fields: (t) => ({
      constraint: t.expose('constraint', { type: ConstraintEnum, description: 'The constraint.' }),
      cooperatives: t.exposeInt('cooperatives', { description: 'Cooperatives whose latest follow-up names it.' }),
    }),
  });

  const StandingRef = builder.objectRef<Standing>('CooperativeActivity').implement({
    description: "A cooperative's activity summary, measured from what it records (kept as it happens, never by scanning transactions).",
    fields: (t) => ({
      cooperative: t.field({ type: refs.CooperativeRef, description: 'The cooperative.', resolve: (s) => s.coop }),
      active: t.exposeBoolean('active', { description: 'A business transaction within the activity window (today included).' }),
      lastActivityDate: t.field({ type: 'Date', nullable: true, description: 'Business date of the latest business transaction (a sale, savings or a loan movement).', resolve: (s) => s.summary.lastActivityDate ?? null }),
      daysSinceActivity: t.int({ nullable: true, description: 'Days from the latest business transaction to today; null when none.', resolve: (s) => s.daysSinceActivity }),
      members: t.exposeInt('members', { description: 'Members (registered, less those who left).' }),
      equityCollected: t.field({ type: 'Rupiah', description: 'Simpanan pokok and wajib paid in, ever (refunds not deducted).', resolve: (s) => s.summary.equityCollected }),
      unitsEnabled: t.stringList({ description: 'Units enabled.', resolve: (s) => s.unitsEnabled }),
      unitsTrading: t.stringList({ description: 'Units with a business transaction within the window.', resolve: (s) => s.unitsTrading }),
      savingsLastDate: t.field({ type: 'Date', nullable: true, description: 'Business date of the latest equity payment (simpanan).', resolve: (s) => s.summary.lastActivityBySegment.SAVINGS ?? null }),
      lastRatDate: t.field({ type: 'Date', nullable: true, description: "Date of the latest members' annual meeting (RAT) recorded.", resolve: (s) => s.summary.lastRatDate ?? null }),
      booksClosedLastYear: t.exposeBoolean('booksClosedLastYear', { description: 'The books of last year are closed (SHU computed).' }),
      closedYears: t.field({ type: ['Int'], description: 'Financial years closed.', resolve: (s) => s.summary.closedYears }),
    }),
  });

  const FollowUpRef = builder.objectRef<FollowUp>('FollowUp').implement({
    description: "A contact of the city with a cooperative: what holds it back and what was agreed.",
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (f) => encodeId('FollowUp', f.cityId, f.id) }),
      cooperative: t.field({ type: refs.CooperativeRef, nullable: true, description: 'The cooperative.', resolve: async (f, _a, ctx) => (await loadCooperative(ctx.core, f.coopId)) ?? null }),
      date: t.expose('date', { type: 'Date', description: 'Day of the contact.' }),
      kind: t.expose('kind', { type: ContactKindEnum, description: 'Visit, call or meeting.' }),
      constraints: t.field({ type: [ConstraintEnum], description: 'Constraints found.', resolve: (f) => f.constraints }),
      notes: t.exposeString('notes', { nullable: true, description: 'Notes.' }),
      actions: t.exposeStringList('actions', { description: 'Actions agreed.' }),
      nextFollowUpDate: t.field({ type: 'Date', nullable: true, description: 'When to follow up next.', resolve: (f) => f.nextFollowUpDate ?? null }),
      recordedAt: t.expose('recordedAt', { type: 'DateTime', description: 'When it was recorded.' }),
    }),
  });

  const TrainingSessionRef = builder.objectRef<TrainingSession>('TrainingSession').implement({
    description: 'A training session the city runs for cooperatives (two people from each, typically).',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (s) => encodeId('TrainingSession', s.cityId, s.id) }),
      topic: t.expose('topic', { type: TopicEnum, description: 'Topic.' }),
      title: t.exposeString('title', { description: 'Title.' }),
      startDate: t.expose('startDate', { type: 'Date', description: 'First day.' }),
      endDate: t.expose('endDate', { type: 'Date', description: 'Last day.' }),
      venue: t.exposeString('venue', { description: 'Venue.' }),
    }),
  });
  const AttendeeRef = builder.objectRef<{ name: string; position?: string | null | undefined }>('TrainingAttendee').implement({
    description: 'A person who attended.',
    fields: (t) => ({ name: t.exposeString('name', { description: 'Name.' }), position: t.exposeString('position', { nullable: true, description: 'Position in the cooperative.' }) }),
  });
  const AttendanceRef = builder.objectRef<Attendance>('TrainingAttendance').implement({
    description: "A cooperative's attendance at a session.",
    fields: (t) => ({
      sessionId: t.id({ description: 'The session.', resolve: (a) => encodeId('TrainingSession', a.cityId, a.sessionId) }),
      cooperativeId: t.id({ description: 'The cooperative.', resolve: (a) => encodeId('Cooperative', a.coopId) }),
      topic: t.expose('topic', { type: TopicEnum, description: 'Topic of the session.' }),
      attendees: t.field({ type: [AttendeeRef], description: 'Who attended.', resolve: (a) => a.attendees }),
    }),
  });

  const PartnerRef = builder.objectRef<Partner>('Partner').implement({
    description: 'A partner firm the city brokers supply with.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (p) => encodeId('Partner', p.cityId, p.id) }),
      name: t.exposeString('name', { description: 'Name, e.g. Perum Bulog Kanwil Jabar.' }),
      kind: t.expose('kind', { type: PartnerKindEnum, description: 'State-owned, regional, private.' }),
      offers: t.exposeStringList('offers', { description: 'What it offers (rice SPHP, LPG 3 kg, fertilizer, ...).' }),
      contact: t.exposeString('contact', { nullable: true, description: 'Contact person or address.' }),
    }),
  });
  const VolumeRef = builder.objectRef<AgreementVolume>('SupplyAgreementVolume').implement({
    description: 'What the cooperative bought under an agreement (purchases that referenced it).',
    fields: (t) => ({
      amount: t.expose('amount', { type: 'Rupiah', description: 'Total bought.' }),
      purchases: t.exposeInt('purchases', { description: 'Number of purchases.' }),
    }),
  });
  const AgreementRef = builder.objectRef<SupplyAgreement & { volume: AgreementVolume }>('SupplyAgreement').implement({
    description: 'A supply agreement between a cooperative and a partner.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id; a purchase may reference it.', resolve: (a) => encodeId('SupplyAgreement', a.cityId, a.id) }),
      cooperativeId: t.id({ description: 'The cooperative.', resolve: (a) => encodeId('Cooperative', a.coopId) }),
      partnerId: t.id({ description: 'The partner.', resolve: (a) => encodeId('Partner', a.cityId, a.partnerId) }),
      goods: t.exposeString('goods', { description: 'Goods supplied.' }),
      terms: t.exposeString('terms', { description: 'Terms (price, payment, delivery).' }),
      startDate: t.expose('startDate', { type: 'Date', description: 'In force from.' }),
      endDate: t.field({ type: 'Date', nullable: true, description: 'In force until.', resolve: (a) => a.endDate ?? null }),
      status: t.expose('status', { type: AgreementStatusEnum, description: 'Draft, active, ended.' }),
      volume: t.field({ type: VolumeRef, description: 'Volume bought under it.', resolve: (a) => a.volume }),
    }),
  });

  return { ConstraintEnum, ContactKindEnum, TopicEnum, PartnerKindEnum, AgreementStatusEnum, StatusCountsRef, UnitCountRef, KelurahanRowRef, ConstraintCountRef, StandingRef, FollowUpRef, TrainingSessionRef, AttendanceRef, PartnerRef, AgreementRef };
}

export type CityViewRefs = ReturnType<typeof registerCityViewTypes>;
