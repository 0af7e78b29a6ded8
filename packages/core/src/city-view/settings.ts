import { z } from 'zod';
import { authorize } from '../authorize';
import { getCity } from '../city';
import type { CoreContext } from '../context';
import { audited, cityOf, runMutation } from '../mutation';
import { idempotencyKeyField, msg, parseInput } from '../validation';
import { citySettingsKey } from './keys';

/** A cooperative counts as active when it recorded a business transaction within this many days (today included). */
export const DEFAULT_ACTIVITY_WINDOW_DAYS = 30;

export const citySettingsSchema = z.object({ activityWindowDays: z.number().int() });
export type CityViewSettings = z.infer<typeof citySettingsSchema>;

const days = z.number().int().min(1, msg('must be 1 to 366 days', 'harus 1 sampai 366 hari')).max(366, msg('must be 1 to 366 days', 'harus 1 sampai 366 hari'));
export const setCitySettingsInput = z.object({ idempotencyKey: idempotencyKeyField, cityId: z.string().min(1), activityWindowDays: days });

/** Unchecked read through the request's loader, for callers that authorized already. */
export async function loadCitySettings(ctx: CoreContext, cityId: string): Promise<CityViewSettings> {
  const item = await ctx.items.load(citySettingsKey(cityId));
  return item ? citySettingsSchema.parse(item) : { activityWindowDays: DEFAULT_ACTIVITY_WINDOW_DAYS };
}

async function setCitySettingsUnaudited(ctx: CoreContext, raw: unknown): Promise<CityViewSettings> {
  const input = parseInput(setCitySettingsInput, raw);
  await authorize(ctx, 'city:write', { cityId: input.cityId });
  await getCity(ctx, input.cityId, 'input.cityId');
  const spec = { operation: 'setCitySettings', tenant: { kind: 'city', cityId: input.cityId } as const, idempotencyKey: input.idempotencyKey, input };
  return runMutation(ctx, spec, async (tx) => {
    const settings: CityViewSettings = { activityWindowDays: input.activityWindowDays };
    tx.put({ ...citySettingsKey(input.cityId), type: 'CityViewSettings', ...settings, updatedAt: ctx.clock.now().toISOString() });
    return settings;
  });
}

export const setCitySettings = audited('setCitySettings', cityOf(), setCitySettingsUnaudited);
