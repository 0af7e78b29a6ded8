import { queryAll, skPrefix } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from '../authorize';
import { getCity } from '../city';
import type { CoreContext } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { newId } from '../ids';
import { audited, cityOf, coopOf, runMutation } from '../mutation';
import { idempotencyKeyField, isoDate, parseInput, text } from '../validation';
import { cooperativeOfMyCity } from './followup';
import { agreementKey, agreementVolumeKey, followUpPartition, partnerKey } from './keys';

export const PARTNER_KINDS = ['STATE_OWNED', 'REGIONAL_OWNED', 'PRIVATE', 'COOPERATIVE'] as const;
export const AGREEMENT_STATUSES = ['DRAFT', 'ACTIVE', 'ENDED'] as const;

export const partnerSchema = z.object({
  id: z.string(),
  cityId: z.string(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  offers: z.array(z.string()),
  contact: z.string().optional(),
  createdAt: z.string(),
});
export type Partner = z.infer<typeof partnerSchema>;

export const agreementSchema = z.object({
  id: z.string(),
  cityId: z.string(),
  coopId: z.string(),
  partnerId: z.string(),
  goods: z.string(),
  terms: z.string(),
  startDate: z.string(),
  endDate: z.string().optional(),
  status: z.enum(AGREEMENT_STATUSES),
  createdAt: z.string(),
});
export type SupplyAgreement = z.infer<typeof agreementSchema>;

export const createPartnerInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cityId: z.string().min(1),
  name: text(200),
  kind: z.enum(PARTNER_KINDS),
  offers: z.array(text(200)).min(1).max(20),
  contact: text(300).optional().nullable(),
});

export const createAgreementInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  partnerId: z.string().min(1),
  goods: text(300),
  terms: text(2000),
  startDate: isoDate,
  endDate: isoDate.optional().nullable(),
  status: z.enum(AGREEMENT_STATUSES).default('ACTIVE'),
});

async function createPartnerUnaudited(ctx: CoreContext, raw: unknown): Promise<Partner> {
  const input = parseInput(createPartnerInput, raw);
  await authorize(ctx, 'city:write', { cityId: input.cityId });
  await getCity(ctx, input.cityId, 'input.cityId');
  const spec = { operation: 'createPartner', tenant: { kind: 'city', cityId: input.cityId } as const, idempotencyKey: input.idempotencyKey, input };
  return runMutation(ctx, spec, async (tx) => {
    const now = ctx.clock.now();
    const partner: Partner = { id: newId(now), cityId: input.cityId, name: input.name, kind: input.kind, offers: input.offers, ...(input.contact ? { contact: input.contact } : {}), createdAt: now.toISOString() };
    tx.create({ ...partnerKey(input.cityId, partner.id), type: 'Partner', ...partner });
    return partner;
  });
}

export async function loadPartner(ctx: CoreContext, cityId: string, partnerId: string): Promise<Partner | undefined> {
  const item = await ctx.items.load(partnerKey(cityId, partnerId));
  return item ? partnerSchema.parse(item) : undefined;
}

async function createAgreementUnaudited(ctx: CoreContext, raw: unknown): Promise<SupplyAgreement> {
  const input = parseInput(createAgreementInput, raw);
  const coop = await cooperativeOfMyCity(ctx, input.cooperativeId, 'input.cooperativeId');
  if (!(await loadPartner(ctx, coop.cityId, input.partnerId))) throw new NotFoundError('Partner', input.partnerId, 'input.partnerId');
  if (input.endDate && input.endDate < input.startDate) throw ValidationError.field('input.endDate', 'must not be before the start date', 'tidak boleh sebelum tanggal mulai');
  const spec = { operation: 'createSupplyAgreement', tenant: { kind: 'city', cityId: coop.cityId } as const, idempotencyKey: input.idempotencyKey, input, targetId: coop.id };
  return runMutation(ctx, spec, async (tx) => {
    const now = ctx.clock.now();
    const agreement: SupplyAgreement = {
      id: newId(now),
      cityId: coop.cityId,
      coopId: coop.id,
      partnerId: input.partnerId,
      goods: input.goods,
      terms: input.terms,
      startDate: input.startDate,
      ...(input.endDate ? { endDate: input.endDate } : {}),
      status: input.status,
      createdAt: now.toISOString(),
    };
    tx.create({ ...agreementKey(coop.cityId, agreement.id), type: 'SupplyAgreement', ...agreement });
    return agreement;
  });
}

export const createPartner = audited('createPartner', cityOf(), createPartnerUnaudited);
export const createSupplyAgreement = audited('createSupplyAgreement', coopOf(), createAgreementUnaudited);

export async function listPartners(ctx: CoreContext, cityId: string): Promise<Partner[]> {
  await authorize(ctx, 'city:write', { cityId });
  return (await queryAll(ctx.db, { partition: followUpPartition(cityId), prefix: skPrefix('PARTNER') }, partnerSchema)).sort((a, b) => a.name.localeCompare(b.name));
}

const volumeSchema = z.object({ amount: z.number().int(), purchases: z.number().int() });
export type AgreementVolume = z.infer<typeof volumeSchema>;

/** The city's agreements with the volume bought under each (one query, then the volumes by key in batches). */
export async function listAgreements(ctx: CoreContext, cityId: string): Promise<(SupplyAgreement & { volume: AgreementVolume })[]> {
  await authorize(ctx, 'city:write', { cityId });
  const agreements = await queryAll(ctx.db, { partition: followUpPartition(cityId), prefix: skPrefix('AGREEMENT') }, agreementSchema);
  const volumes = await ctx.items.loadMany(agreements.map((a) => agreementVolumeKey(a.coopId, a.id)));
  return agreements.map((a, i) => {
    const v = volumes[i];
    return { ...a, volume: v && !(v instanceof Error) ? volumeSchema.parse(v) : { amount: 0, purchases: 0 } };
  });
}
