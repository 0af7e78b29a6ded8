import { queryAll, queryPage, skPrefix, type PageRequest } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from '../authorize';
import type { CoreContext } from '../context';
import { getCooperative, loadCooperative, type Cooperative } from '../cooperative';
import { ValidationError } from '../errors';
import { newId } from '../ids';
import { RETRY_TAG, audited, coopOf, runMutation } from '../mutation';
import { localDate } from '../time';
import { idempotencyKeyField, isoDate, parseInput, text } from '../validation';
import { followUpKey, followUpPartition, followUpStateKey } from './keys';

export const CONTACT_KINDS = ['VISIT', 'CALL', 'MEETING_AT_CITY_HALL', 'OTHER'] as const;
/** What holds a cooperative back, as the city offices name it. */
export const CONSTRAINTS = ['UNDERSTANDING', 'MANAGEMENT', 'CAPITAL', 'PREMISES', 'LEGAL', 'SUPPLY', 'OTHER'] as const;
export type Constraint = (typeof CONSTRAINTS)[number];

export const followUpSchema = z.object({
  id: z.string(),
  cityId: z.string(),
  coopId: z.string(),
  date: z.string(),
  kind: z.enum(CONTACT_KINDS),
  constraints: z.array(z.enum(CONSTRAINTS)),
  notes: z.string().optional(),
  actions: z.array(z.string()),
  nextFollowUpDate: z.string().optional(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** The latest contact with one cooperative: what the overdue list and the constraint counts read. */
export const followUpStateSchema = z.object({
  coopId: z.string(),
  lastFollowUpId: z.string(),
  lastContactDate: z.string(),
  constraints: z.array(z.enum(CONSTRAINTS)),
  nextFollowUpDate: z.string().optional(),
  version: z.number().int(),
});
export type FollowUpState = z.infer<typeof followUpStateSchema>;

export const recordFollowUpInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  date: isoDate.optional().nullable(),
  kind: z.enum(CONTACT_KINDS),
  constraints: z.array(z.enum(CONSTRAINTS)).max(CONSTRAINTS.length).default([]),
  notes: text(2000).optional().nullable(),
  actions: z.array(text(300)).max(20).default([]),
  nextFollowUpDate: isoDate.optional().nullable(),
});

/**
 * The city's own work on a cooperative: the cooperative must be of a city the caller administers (checked
 * through the cooperative, so an outsider learns nothing of it), and its own people are not the city.
 */
export async function cooperativeOfMyCity(ctx: CoreContext, coopId: string, field: string): Promise<Cooperative> {
  await authorize(ctx, 'coop:write', { coopId });
  const coop = await getCooperative(ctx, coopId, field);
  await authorize(ctx, 'city:write', { cityId: coop.cityId });
  return coop;
}

async function recordFollowUpUnaudited(ctx: CoreContext, raw: unknown): Promise<FollowUp> {
  const input = parseInput(recordFollowUpInput, raw);
  const coop = await cooperativeOfMyCity(ctx, input.cooperativeId, 'input.cooperativeId');
  const today = localDate(ctx.clock.now(), coop.timeZone);
  const date = input.date ?? today;
  if (date > today) throw ValidationError.field('input.date', 'must not be in the future', 'tidak boleh di masa depan');
  if (input.nextFollowUpDate && input.nextFollowUpDate <= date) {
    throw ValidationError.field('input.nextFollowUpDate', 'must be after the contact date', 'harus setelah tanggal kontak');
  }
  if (new Set(input.constraints).size !== input.constraints.length) throw ValidationError.field('input.constraints', 'lists a constraint twice', 'ada kendala yang disebut dua kali');
  const spec = { operation: 'recordFollowUp', tenant: { kind: 'city', cityId: coop.cityId } as const, idempotencyKey: input.idempotencyKey, input, targetId: coop.id };
  return runMutation(ctx, spec, async (tx) => {
    const now = ctx.clock.now();
    const followUp: FollowUp = {
      id: newId(now),
      cityId: coop.cityId,
      coopId: coop.id,
      date,
      kind: input.kind,
      constraints: [...input.constraints].sort(),
      ...(input.notes ? { notes: input.notes } : {}),
      actions: input.actions,
      ...(input.nextFollowUpDate ? { nextFollowUpDate: input.nextFollowUpDate } : {}),
      recordedBy: ctx.principal?.userId ?? 'system',
      recordedAt: now.toISOString(),
    };
    tx.create({ ...followUpKey(coop.cityId, coop.id, date, followUp.id), type: 'FollowUp', ...followUp });
    // The state follows the latest contact; a contact typed in late for an earlier day leaves it alone.
    const item = await ctx.items.load(followUpStateKey(coop.cityId, coop.id));
    const state = item ? followUpStateSchema.parse(item) : undefined;
    if (!state || date >= state.lastContactDate) {
      const next: FollowUpState = {
        coopId: coop.id,
        lastFollowUpId: followUp.id,
        lastContactDate: date,
        constraints: followUp.constraints,
        ...(followUp.nextFollowUpDate ? { nextFollowUpDate: followUp.nextFollowUpDate } : {}),
        version: (state?.version ?? 0) + 1,
      };
      const stateItem = { ...followUpStateKey(coop.cityId, coop.id), type: 'FollowUpState', ...next };
      if (state) tx.replace(stateItem, state.version, RETRY_TAG);
      else tx.create(stateItem, RETRY_TAG);
    }
    return followUp;
  });
}

export const recordFollowUp = audited('recordFollowUp', coopOf(), recordFollowUpUnaudited);

/** One cooperative's follow-up log, newest first. */
export async function listFollowUps(ctx: CoreContext, cityId: string, coopId: string, page: PageRequest) {
  await authorize(ctx, 'city:write', { cityId });
  const coop = await loadCooperative(ctx, coopId);
  if (!coop || coop.cityId !== cityId) return { items: [], cursors: [], hasNextPage: false, hasPreviousPage: false, endCursor: undefined };
  return queryPage(ctx.db, { partition: followUpPartition(cityId), prefix: skPrefix('FOLLOWUP', coopId) }, followUpSchema, { ...page, descending: true });
}

const statesRead = new WeakMap<CoreContext, Map<string, Promise<FollowUpState[]>>>();

/** Every cooperative's latest contact (one query, once per request: the dashboard asks twice). */
export async function followUpStates(ctx: CoreContext, cityId: string): Promise<FollowUpState[]> {
  await authorize(ctx, 'city:write', { cityId });
  const cache = statesRead.get(ctx) ?? statesRead.set(ctx, new Map()).get(ctx)!;
  const cached = cache.get(cityId);
  if (cached) return cached;
  const read = queryAll(ctx.db, { partition: followUpPartition(cityId), prefix: skPrefix('FUSTATE') }, followUpStateSchema);
  cache.set(cityId, read);
  read.catch(() => cache.delete(cityId));
  return read;
}

/** Follow-ups whose next date has passed (before today), the longest overdue first, with their cooperatives. */
export async function overdueFollowUps(ctx: CoreContext, cityId: string, today: string) {
  const late = (await followUpStates(ctx, cityId)).filter((s) => s.nextFollowUpDate && s.nextFollowUpDate < today);
  late.sort((a, b) => a.nextFollowUpDate!.localeCompare(b.nextFollowUpDate!));
  const coops = await Promise.all(late.map((s) => loadCooperative(ctx, s.coopId)));
  return late.flatMap((state, i) => (coops[i] ? [{ state, coop: coops[i] }] : []));
}

/** How many cooperatives have each constraint in their latest contact. */
export function constraintCounts(states: readonly FollowUpState[]): { constraint: Constraint; cooperatives: number }[] {
  return CONSTRAINTS.map((constraint) => ({ constraint, cooperatives: states.filter((s) => s.constraints.includes(constraint)).length }));
}
