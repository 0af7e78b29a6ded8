import { queryAll, skPrefix } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from '../authorize';
import { getCity } from '../city';
import type { CoreContext } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { newId } from '../ids';
import { audited, cityOf, runMutation } from '../mutation';
import { idempotencyKeyField, isoDate, parseInput, text } from '../validation';
import { attendanceKey, followUpPartition, topicMarkerKey, trainingKey } from './keys';
import { cooperativeOfMyCity } from './followup';

/** Topics the city offices train cooperatives in. */
export const TRAINING_TOPICS = ['RAPBK', 'FUND_RAISING', 'FINANCIAL_REPORTS', 'BOOKKEEPING', 'TAX', 'RAT', 'DIGITAL_MARKETING', 'BUSINESS_PROPOSAL', 'OTHER'] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

export const trainingSessionSchema = z.object({
  id: z.string(),
  cityId: z.string(),
  topic: z.enum(TRAINING_TOPICS),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  venue: z.string(),
  createdAt: z.string(),
});
export type TrainingSession = z.infer<typeof trainingSessionSchema>;

const attendee = z.object({ name: text(100), position: text(100).optional().nullable() });
export const attendanceSchema = z.object({
  cityId: z.string(),
  sessionId: z.string(),
  coopId: z.string(),
  topic: z.enum(TRAINING_TOPICS),
  attendees: z.array(z.object({ name: z.string(), position: z.string().nullable().optional() })),
  recordedAt: z.string(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const createTrainingSessionInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cityId: z.string().min(1),
  topic: z.enum(TRAINING_TOPICS),
  title: text(200),
  startDate: isoDate,
  endDate: isoDate.optional().nullable(),
  venue: text(200),
});

export const recordAttendanceInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cityId: z.string().min(1),
  sessionId: z.string().min(1),
  cooperativeId: z.string().min(1),
  /** Typically two people per cooperative; the whole list, replacing an earlier one for this session. */
  attendees: z.array(attendee).min(1).max(10),
});

async function createTrainingSessionUnaudited(ctx: CoreContext, raw: unknown): Promise<TrainingSession> {
  const input = parseInput(createTrainingSessionInput, raw);
  await authorize(ctx, 'city:write', { cityId: input.cityId });
  await getCity(ctx, input.cityId, 'input.cityId');
  const endDate = input.endDate ?? input.startDate;
  if (endDate < input.startDate) throw ValidationError.field('input.endDate', 'must not be before the start date', 'tidak boleh sebelum tanggal mulai');
  const spec = { operation: 'createTrainingSession', tenant: { kind: 'city', cityId: input.cityId } as const, idempotencyKey: input.idempotencyKey, input };
  return runMutation(ctx, spec, async (tx) => {
    const now = ctx.clock.now();
    const session: TrainingSession = { id: newId(now), cityId: input.cityId, topic: input.topic, title: input.title, startDate: input.startDate, endDate, venue: input.venue, createdAt: now.toISOString() };
    tx.create({ ...trainingKey(input.cityId, session.id), type: 'TrainingSession', ...session });
    return session;
  });
}

export async function loadTrainingSession(ctx: CoreContext, cityId: string, sessionId: string): Promise<TrainingSession | undefined> {
  const item = await ctx.items.load(trainingKey(cityId, sessionId));
  return item ? trainingSessionSchema.parse(item) : undefined;
}

async function recordAttendanceUnaudited(ctx: CoreContext, raw: unknown): Promise<Attendance> {
  const input = parseInput(recordAttendanceInput, raw);
  await authorize(ctx, 'city:write', { cityId: input.cityId });
  const session = await loadTrainingSession(ctx, input.cityId, input.sessionId);
  if (!session) throw new NotFoundError('TrainingSession', input.sessionId, 'input.sessionId');
  const coop = await cooperativeOfMyCity(ctx, input.cooperativeId, 'input.cooperativeId');
  if (coop.cityId !== session.cityId) throw new NotFoundError('Cooperative', input.cooperativeId, 'input.cooperativeId');
  const spec = { operation: 'recordTrainingAttendance', tenant: { kind: 'city', cityId: input.cityId } as const, idempotencyKey: input.idempotencyKey, input, targetId: session.id };
  return runMutation(ctx, spec, async (tx) => {
    const attendance: Attendance = {
      cityId: session.cityId,
      sessionId: session.id,
      coopId: coop.id,
      topic: session.topic,
      attendees: input.attendees.map((a) => ({ name: a.name, ...(a.position ? { position: a.position } : {}) })),
      recordedAt: ctx.clock.now().toISOString(),
    };
    tx.put({ ...attendanceKey(session.cityId, session.id, coop.id), type: 'TrainingAttendance', ...attendance });
    tx.put({ ...topicMarkerKey(session.cityId, session.topic, coop.id), type: 'TrainingTopicMarker', coopId: coop.id, sessionId: session.id });
    return attendance;
  });
}

export const createTrainingSession = audited('createTrainingSession', cityOf(), createTrainingSessionUnaudited);
export const recordTrainingAttendance = audited('recordTrainingAttendance', cityOf(), recordAttendanceUnaudited);

export async function listTrainingSessions(ctx: CoreContext, cityId: string): Promise<TrainingSession[]> {
  await authorize(ctx, 'city:write', { cityId });
  const sessions = await queryAll(ctx.db, { partition: followUpPartition(cityId), prefix: skPrefix('TRAINING') }, trainingSessionSchema);
  return sessions.sort((a, b) => b.startDate.localeCompare(a.startDate) || a.id.localeCompare(b.id));
}

export async function listAttendance(ctx: CoreContext, cityId: string, sessionId?: string): Promise<Attendance[]> {
  await authorize(ctx, 'city:write', { cityId });
  return queryAll(ctx.db, { partition: followUpPartition(cityId), prefix: sessionId ? skPrefix('TRATT', sessionId) : skPrefix('TRATT') }, attendanceSchema);
}

/** Ids of the cooperatives that attended at least one session of the topic (one query). */
export async function attendedTopic(ctx: CoreContext, cityId: string, topic: TrainingTopic): Promise<Set<string>> {
  await authorize(ctx, 'city:write', { cityId });
  const markers = await queryAll(ctx.db, { partition: followUpPartition(cityId), prefix: skPrefix('TRTOPIC', topic) }, z.object({ coopId: z.string() }));
  return new Set(markers.map((m) => m.coopId));
}
