import { pk, queryAll, skPrefix, type PageRequest } from '@kkmp/store';
import { authorize } from '../authorize';
import { getCity, type City } from '../city';
import type { CoreContext } from '../context';
import { cooperativeSchema, getCooperative } from '../cooperative';
import { ValidationError } from '../errors';
import { kelurahanSchema, type Kelurahan } from '../kelurahan';
import { localDate } from '../time';
import { summaryKey } from './keys';
import { loadCitySettings } from './settings';
import { byKelurahan, countStatuses, countUnits, matches, standingOf, windowStart, type Standing, type StandingFilter } from './standing';
import { parseSummary } from './summary';

export interface CityView {
  city: City;
  /** Today in the city's zone, from the clock. */
  today: string;
  windowDays: number;
  /** First day of the activity window. */
  activeSince: string;
  /** Every cooperative of the city, by name. */
  standings: Standing[];
  kelurahan: Kelurahan[];
}

// One view per request and city: the dashboard and the list in one query read the city once.
const views = new WeakMap<CoreContext, Map<string, Promise<CityView>>>();

/**
 * The city's cooperatives with their summaries, for CITY_ADMIN of the city and the platform. A fixed
 * number of DynamoDB calls whatever the number of transactions or the page asked for: the city's
 * cooperatives and kelurahan (one query each: a city has 50-150 of them), the settings by key, and one
 * summary item per cooperative in batches of 100 by key. Nothing reads a transaction.
 */
export async function loadCityView(ctx: CoreContext, cityId: string): Promise<CityView> {
  await authorize(ctx, 'city:write', { cityId });
  const cache = views.get(ctx) ?? views.set(ctx, new Map()).get(ctx)!;
  const cached = cache.get(cityId);
  if (cached) return cached;
  const view = readView(ctx, cityId);
  cache.set(cityId, view);
  view.catch(() => cache.delete(cityId));
  return view;
}

async function readView(ctx: CoreContext, cityId: string): Promise<CityView> {
  const cityTenant = { kind: 'city', cityId } as const;
  const [city, settings, coops, kelurahan] = await Promise.all([
    getCity(ctx, cityId),
    loadCitySettings(ctx, cityId),
    queryAll(ctx.db, { index: 'gsi1', partition: pk(cityTenant, 'COOPS') }, cooperativeSchema),
    queryAll(ctx.db, { partition: pk(cityTenant), prefix: skPrefix('KEL') }, kelurahanSchema),
  ]);
  const summaries = await ctx.items.loadMany(coops.map((c) => summaryKey(c.id)));
  const today = localDate(ctx.clock.now(), city.timeZone);
  const windowDays = settings.activityWindowDays;
  const standings = coops.map((c, i) => {
    const s = summaries[i];
    if (s instanceof Error) throw s;
    return standingOf(c, parseSummary(s), today, windowDays);
  });
  return { city, today, windowDays, activeSince: windowStart(today, windowDays), standings, kelurahan: [...kelurahan].sort((a, b) => a.name.localeCompare(b.name)) };
}

export function dashboardOf(view: CityView) {
  return {
    asOf: view.today,
    windowDays: view.windowDays,
    activeSince: view.activeSince,
    counts: countStatuses(view.standings),
    kelurahanWithoutCooperative: view.kelurahan.filter((k) => !view.standings.some((s) => s.coop.kelurahanId === k.id)).length,
    kelurahan: byKelurahan(view.kelurahan, view.standings),
    units: countUnits(view.standings),
  };
}

const sortKey = (s: Standing) => `${s.coop.name.toLowerCase()}#${s.coop.id}`;
const encode = (key: string) => Buffer.from(JSON.stringify({ s: key }), 'utf8').toString('base64url');
function decode(cursor: string, field: string): string {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof v.s === 'string') return v.s;
  } catch {
    // Falls through to the refusal below.
  }
  throw ValidationError.field(field, 'is not a cursor of this list', 'bukan kursor daftar ini');
}

/** A page of the filtered standings by name, with the filtered total; forward (first/after) or backward (last/before). */
export function standingsPage(view: CityView, filter: StandingFilter, page: PageRequest) {
  const all = view.standings.filter((s) => matches(s, filter));
  const keys = all.map(sortKey);
  const after = page.after ? decode(page.after, 'after') : undefined;
  const before = page.before ? decode(page.before, 'before') : undefined;
  let from = after ? keys.findIndex((k) => k > after) : 0;
  let to = before ? keys.findIndex((k) => k >= before) : all.length;
  if (from < 0) from = all.length;
  if (to < 0) to = all.length;
  if (page.last != null && page.first == null) from = Math.max(from, to - page.last);
  else to = Math.min(to, from + (page.first ?? 20));
  const items = all.slice(from, to);
  const cursors = keys.slice(from, to).map(encode);
  return { items, cursors, hasNextPage: to < all.length, hasPreviousPage: from > 0, endCursor: cursors.at(-1), totalCount: all.length };
}

/**
 * One cooperative's own summary: its managers and supervisors, its city's admin, the platform. Members
 * and cashiers see none of it (the same people as the financial statements).
 */
export async function cooperativeStanding(ctx: CoreContext, coopId: string): Promise<Standing> {
  await authorize(ctx, 'ledger:read', { coopId });
  const coop = await getCooperative(ctx, coopId);
  const [summary, settings] = await Promise.all([ctx.items.load(summaryKey(coopId)), loadCitySettings(ctx, coop.cityId)]);
  const today = localDate(ctx.clock.now(), coop.timeZone);
  return standingOf(coop, parseSummary(summary), today, settings.activityWindowDays);
}
