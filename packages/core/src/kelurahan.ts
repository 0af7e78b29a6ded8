import { pk, queryPage, sk, skPrefix, type PageRequest } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from './authorize';
import { getCity } from './city';
import type { CoreContext } from './context';
import { ConflictError, NotFoundError, ValidationError } from './errors';
import { newId } from './ids';
import { audited, cityOf, runMutation } from './mutation';

import { idempotencyKeyField, msg, parseInput, text } from './validation';

/** Kelurahan (urban village): the area one KKMP cooperative serves. Kept in its city's partition. */
export const kelurahanSchema = z.object({
  id: z.string(),
  cityId: z.string(),
  name: z.string(),
  kecamatan: z.string(),
  /** 10-digit Kemendagri code, e.g. 3273011001; starts with the city's code. */
  regionCode: z.string(),
  postalCode: z.string().optional(),
  createdAt: z.string(),
});
export type Kelurahan = z.infer<typeof kelurahanSchema>;

export const createKelurahanInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cityId: z.string().min(1),
  name: text(100),
  kecamatan: text(100),
  regionCode: z.string().regex(/^\d{10}$/, msg('must be the 10-digit Kemendagri code', 'harus kode Kemendagri 10 digit')),
  postalCode: z.string().regex(/^\d{5}$/, msg('must be 5 digits', 'harus 5 digit')).optional().nullable(),
});

const cityTenant = (cityId: string) => ({ kind: 'city', cityId }) as const;
export const kelurahanKey = (cityId: string, kelurahanId: string) => ({ pk: pk(cityTenant(cityId)), sk: sk('KEL', kelurahanId) });

async function createKelurahanUnaudited(ctx: CoreContext, raw: unknown): Promise<Kelurahan> {
  const input = parseInput(createKelurahanInput, raw);
  await authorize(ctx, 'city:write', { cityId: input.cityId });
  const city = await getCity(ctx, input.cityId, 'input.cityId');
  if (!input.regionCode.startsWith(city.regionCode)) {
    throw ValidationError.field(
      'input.regionCode',
      `must start with the city's code ${city.regionCode}`,
      `harus diawali kode kota ${city.regionCode}`,
    );
  }
  const spec = {
    operation: 'createKelurahan',
    tenant: cityTenant(city.id),
    idempotencyKey: input.idempotencyKey,
    input,
    conflicts: {
      kelCode: () =>
        new ConflictError('input.regionCode', `kelurahan ${input.regionCode} is already registered`, `kelurahan ${input.regionCode} sudah terdaftar`),
    },
  };
  return runMutation(ctx, spec, async (tx) => {
    const now = ctx.clock.now();
    const kel: Kelurahan = {
      id: newId(now),
      cityId: city.id,
      name: input.name,
      kecamatan: input.kecamatan,
      regionCode: input.regionCode,
      ...(input.postalCode ? { postalCode: input.postalCode } : {}),
      createdAt: now.toISOString(),
    };
    tx.create({ ...kelurahanKey(city.id, kel.id), type: 'Kelurahan', version: 1, ...kel });
    tx.create({ pk: pk(cityTenant(city.id)), sk: sk('KELCODE', kel.regionCode), type: 'Unique', kelurahanId: kel.id }, 'kelCode');
    return kel;
  });
}

export async function getKelurahan(ctx: CoreContext, cityId: string, kelurahanId: string, field?: string): Promise<Kelurahan> {
  await authorize(ctx, 'city:read', { cityId });
  const kel = await loadKelurahan(ctx, cityId, kelurahanId);
  if (!kel) throw new NotFoundError('Kelurahan', kelurahanId, field);
  return kel;
}

export async function loadKelurahan(ctx: CoreContext, cityId: string, kelurahanId: string): Promise<Kelurahan | undefined> {
  const item = await ctx.items.load(kelurahanKey(cityId, kelurahanId));
  return item ? kelurahanSchema.parse(item) : undefined;
}

export async function listKelurahan(ctx: CoreContext, cityId: string, page: PageRequest) {
  await authorize(ctx, 'city:read', { cityId });
  return queryPage(ctx.db, { partition: pk(cityTenant(cityId)), prefix: skPrefix('KEL') }, kelurahanSchema, page);
}

export const createKelurahan = audited('createKelurahan', cityOf(), createKelurahanUnaudited);
