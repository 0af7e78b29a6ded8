import { createPartner, createSupplyAgreement, createTrainingSession, recordFollowUp, recordTrainingAttendance, setCitySettings, type CityViewSettings } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { one, two } from '../../ids';
import { MUTATION_ERRORS } from '../errors';
import { IDEMPOTENCY_KEY_FIELD as idem } from '../idempotency';
import type { CityViewRefs } from './types';

/** The city's writes: settings, follow-ups, training, partners. None is a business event (nothing is posted). */
export function registerCityViewMutations(builder: Builder, v: CityViewRefs) {
  const SettingsRef = builder.objectRef<CityViewSettings>('CityViewSettings').implement({
    description: "Settings of the city's view.",
    fields: (t) => ({ activityWindowDays: t.exposeInt('activityWindowDays', { description: 'Activity window in days.' }) }),
  });

  const SettingsInput = builder.inputType('SetCitySettingsInput', {
    description: "The city's view settings (city admin).",
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cityId: t.id({ description: 'City id.' }),
      activityWindowDays: t.int({ description: 'A cooperative is active with a business transaction within this many days (1-366).' }),
    }),
  });
  const FollowUpInput = builder.inputType('RecordFollowUpInput', {
    description: 'A contact with a cooperative (city admin of its city).',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      date: t.field({ type: 'Date', required: false, description: 'Day of the contact; today when absent (not in the future).' }),
      kind: t.field({ type: v.ContactKindEnum, description: 'Visit, call, meeting at city hall.' }),
      constraints: t.field({ type: [v.ConstraintEnum], required: false, description: 'Constraints found (each at most once).' }),
      notes: t.string({ required: false, description: 'Notes (up to 2000 characters).' }),
      actions: t.stringList({ required: false, description: 'Actions agreed (up to 20).' }),
      nextFollowUpDate: t.field({ type: 'Date', required: false, description: 'When to follow up next (after the contact date).' }),
    }),
  });
  const SessionInput = builder.inputType('CreateTrainingSessionInput', {
    description: 'A training session (city admin).',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cityId: t.id({ description: 'City id.' }),
      topic: t.field({ type: v.TopicEnum, description: 'Topic.' }),
      title: t.string({ description: 'Title.' }),
      startDate: t.field({ type: 'Date', description: 'First day.' }),
      endDate: t.field({ type: 'Date', required: false, description: 'Last day; the first when absent.' }),
      venue: t.string({ description: 'Venue.' }),
    }),
  });
  const AttendeeInput = builder.inputType('TrainingAttendeeInput', {
    description: 'A person who attended.',
    fields: (t) => ({ name: t.string({ description: 'Name.' }), position: t.string({ required: false, description: 'Position in the cooperative.' }) }),
  });
  const AttendanceInput = builder.inputType('RecordTrainingAttendanceInput', {
    description: "A cooperative's attendance at a session; replaces an earlier list for the same session.",
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      sessionId: t.id({ description: 'Training session id.' }),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      attendees: t.field({ type: [AttendeeInput], description: 'Who attended (1-10; typically two).' }),
    }),
  });
  const PartnerInput = builder.inputType('CreatePartnerInput', {
    description: 'A partner firm (city admin).',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cityId: t.id({ description: 'City id.' }),
      name: t.string({ description: 'Name.' }),
      kind: t.field({ type: v.PartnerKindEnum, description: 'Kind.' }),
      offers: t.stringList({ description: 'What it offers (1-20 items).' }),
      contact: t.string({ required: false, description: 'Contact person or address.' }),
    }),
  });
  const AgreementInput = builder.inputType('CreateSupplyAgreementInput', {
    description: 'A supply agreement between a cooperative and a partner (city admin of its city).',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      partnerId: t.id({ description: 'Partner id.' }),
      goods: t.string({ description: 'Goods supplied.' }),
      terms: t.string({ description: 'Terms (price, payment, delivery).' }),
      startDate: t.field({ type: 'Date', description: 'In force from.' }),
      endDate: t.field({ type: 'Date', required: false, description: 'In force until.' }),
      status: t.field({ type: v.AgreementStatusEnum, required: false, description: 'ACTIVE when absent.' }),
    }),
  });

  builder.mutationFields((t) => ({
    setCitySettings: t.field({
      type: SettingsRef,
      description: "Set the city view's activity window. City admin of the city.",
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: SettingsInput }) },
      resolve: (_r, { input }, ctx) => setCitySettings(ctx.core, { ...input, cityId: one(input.cityId, 'City', 'input.cityId') }),
    }),
    recordFollowUp: t.field({
      type: v.FollowUpRef,
      description: 'Record a contact with a cooperative: constraints, actions, next follow-up. City admin of its city.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: FollowUpInput }) },
      resolve: (_r, { input }, ctx) => recordFollowUp(ctx.core, { ...input, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') }),
    }),
    createTrainingSession: t.field({
      type: v.TrainingSessionRef,
      description: 'Schedule a training session. City admin of the city.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: SessionInput }) },
      resolve: (_r, { input }, ctx) => createTrainingSession(ctx.core, { ...input, cityId: one(input.cityId, 'City', 'input.cityId') }),
    }),
    recordTrainingAttendance: t.field({
      type: v.AttendanceRef,
      description: "Record who of a cooperative attended a session. City admin of the city.",
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: AttendanceInput }) },
      resolve: (_r, { input }, ctx) => {
        const [cityId, sessionId] = two(input.sessionId, 'TrainingSession', 'input.sessionId');
        return recordTrainingAttendance(ctx.core, { ...input, cityId, sessionId, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') });
      },
    }),
    createPartner: t.field({
      type: v.PartnerRef,
      description: 'Register a partner firm. City admin of the city.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: PartnerInput }) },
      resolve: (_r, { input }, ctx) => createPartner(ctx.core, { ...input, cityId: one(input.cityId, 'City', 'input.cityId') }),
    }),
    createSupplyAgreement: t.field({
      type: v.AgreementRef,
      description: 'Record a supply agreement between a cooperative and a partner. City admin of its city.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: AgreementInput }) },
      resolve: async (_r, { input }, ctx) => {
        const agreement = await createSupplyAgreement(ctx.core, { ...input, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId'), partnerId: two(input.partnerId, 'Partner', 'input.partnerId')[1] });
        return { ...agreement, volume: { amount: 0, purchases: 0 } };
      },
    }),
  }));
}
