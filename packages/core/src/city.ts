import { pk, queryPage, sk, type PageRequest } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from './authorize';
import type { CoreContext } from './context';
import { ConflictError, NotFoundError } from './errors';
import { newId } from './ids';
import { audited, platform, runMutation } from './mutation';

import { TIME_ZONES, type IndonesianTimeZone } from './time';
import { idempotencyKeyField, msg, parseInput, text } from './validation';

/** Kota or kabupaten. regionCode is the Kemendagri code without dots ("3273" = Kota Bandung). */
export const citySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['KOTA', 'KABUPATEN']),
  regionCode: z.string(),
  provinceName: z.string(),
  timeZone: z.enum(Object.keys(TIME_ZONES) as [IndonesianTimeZone, ...IndonesianTimeZone[]]),
  createdAt: z.string(),
});
export type City = z.infer<typeof citySchema>;

export const createCityInput = z.object({
  idempotencyKey: idempotencyKeyField,
  name: text(100),
  kind: z.enum(['KOTA', 'KABUPATEN']),
  regionCode: z.string().regex(/^\d{4}$/, msg('must be the 4-digit Kemendagri code, e.g. 3273', 'harus kode Kemendagri 4 digit, mis. 3273')),
  provinceName: text(100),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']),
});

const PLATFORM = { kind: 'platform' } as const;
const cityTenant = (cityId: string) => ({ kind: 'city', cityId }) as const;
export const cityKey = (cityId: string) => ({ pk: pk(cityTenant(cityId)), sk: sk('PROFILE') });

async function createCityUnaudited(ctx: CoreContext, raw: unknown): Promise<City> {
  await authorize(ctx, 'city:create', {});
  const input = parseInput(createCityInput, raw);
  const spec = {
    operation: 'createCity',
    tenant: PLATFORM,
    idempotencyKey: input.idempotencyKey,
    input,
    conflicts: {
      cityCode: () =>
        new ConflictError('input.regionCode', `a city with region code ${input.regionCode} exists`, `kota dengan kode wilayah ${input.regionCode} sudah ada`),
    },
  };
  return runMutation(ctx, spec, async (tx) => {
    const now = ctx.clock.now();
    const city: City = {
      id: newId(now),
      name: input.name,
      kind: input.kind,
      regionCode: input.regionCode,
      provinceName: input.provinceName,
      timeZone: input.timeZone,
      createdAt: now.toISOString(),
    };
    tx.create({ ...cityKey(city.id), type: 'City', version: 1, ...city, gsi1pk: pk(PLATFORM, 'CITIES'), gsi1sk: city.name.toLowerCase() });
    // One city per region code, enforced by a marker item in the same transaction.
    tx.create({ pk: pk(PLATFORM), sk: sk('CITYCODE', city.regionCode), type: 'Unique', cityId: city.id }, 'cityCode');
    return city;
  });
}

export async function getCity(ctx: CoreContext, cityId: string, field?: string): Promise<City> {
  await authorize(ctx, 'city:read', { cityId });
  const city = await loadCity(ctx, cityId);
  if (!city) throw new NotFoundError('City', cityId, field);
  return city;
}

/** Unchecked batched read, for callers that authorized a parent already. */
export async function loadCity(ctx: CoreContext, cityId: string): Promise<City | undefined> {
  const item = await ctx.items.load(cityKey(cityId));
  return item ? citySchema.parse(item) : undefined;
}

/** Cities the caller administers: every city for the platform, the own city for a city admin. */
export async function listCities(ctx: CoreContext, page: PageRequest) {
  const p = ctx.principal;
  if (p?.role === 'CITY_ADMIN' && p.cityId) {
    const city = await loadCity(ctx, p.cityId);
    return { items: city ? [city] : [], cursors: city ? [city.id] : [], hasNextPage: false, hasPreviousPage: false, endCursor: undefined };
  }
  await authorize(ctx, 'city:create', {});
  return queryPage(ctx.db, { index: 'gsi1', partition: pk(PLATFORM, 'CITIES') }, citySchema, page);
}

export const createCity = audited('createCity', platform(), createCityUnaudited);
