import type { UnitContext, UnitPrefetch } from '@kkmp/plugin-sdk';
import type { SalePrefetch } from '@kkmp/commerce';
import { chunkSchema, counterSchema, jobSchema, keys, seasonSchema, versionSchema, type AllocationVersion, type CompletedImport, type SeasonImports } from '../model';
import { fertilizerTypes, pupukSettings, type FertilizerType } from '../settings';
import { seasonOf } from './seasons';

type Ctx = UnitContext<unknown>;

/** One allocation as set by one completed import, with who imported it, when and from which file. */
export interface AllocationHistoryEntry extends AllocationVersion {
  import: CompletedImport;
}

/** A farmer's allocation of one type for a season: the one in force, what was redeemed, and every earlier one. */
export interface FarmerAllocation {
  season: string;
  nik: string;
  type: FertilizerType;
  current: AllocationHistoryEntry;
  redeemedKg: number;
  history: AllocationHistoryEntry[];
}

export async function seasonImports(u: Ctx, season: string): Promise<SeasonImports> {
  return (await u.store.get(seasonSchema, ...keys.season(season))) ?? { season, completed: [], revision: 0 };
}

/**
 * A farmer's allocations for a season, per type, as in force now: the latest complete import that set
 * each one wins; versions of running or cancelled imports are invisible. One wave of reads (the season's
 * imports, the farmer's versions and the redeemed counters, all strongly consistent).
 */
export async function farmerAllocations(u: Ctx, season: string, nik: string): Promise<FarmerAllocation[]> {
  return (await farmerAllocationsOf(u, season, nik)).allocations;
}

/** The same, with the season's imports as read (their revision guards a redemption against a revision completing meanwhile). */
export async function farmerAllocationsOf(u: Ctx, season: string, nik: string): Promise<{ imports: SeasonImports; allocations: FarmerAllocation[] }> {
  // One wave: the season's imports, the farmer's versions and the redeemed counter of every type (a few
  // keys; those without an allocation are dropped below), so a redemption reads nothing more before its checks.
  const [imports, versions, allCounters] = await Promise.all([
    seasonImports(u, season),
    u.store.all(versionSchema, keys.versionsOf(season, nik)),
    u.store.getMany(counterSchema, fertilizerTypes.map((t) => keys.quotaItem(season, nik, t))),
  ]);
  const usedOf = new Map(fertilizerTypes.map((t, i) => [t, allCounters[i]?.used ?? 0]));
  const order = new Map(imports.completed.map((c, i) => [c.jobId, i]));
  const byType = new Map<FertilizerType, AllocationHistoryEntry[]>();
  for (const v of versions.filter((x) => order.has(x.jobId)).sort((a, b) => order.get(a.jobId)! - order.get(b.jobId)!)) {
    byType.set(v.type, [...(byType.get(v.type) ?? []), { ...v, import: imports.completed[order.get(v.jobId)!]! }]);
  }
  const types = [...byType.keys()].sort();
  const allocations = types.map((type) => {
    const history = byType.get(type)!;
    return { season, nik, type, current: history[history.length - 1]!, redeemedKg: usedOf.get(type) ?? 0, history };
  });
  return { imports, allocations };
}

/** The e-RDKK's national seasons (the settings' default), which a kiosk almost always keeps. */
const NATIONAL_SEASONS = pupukSettings.parse({}).seasons;

/**
 * Names a redemption's allocation reads for the sale's first wave, from the NIK typed and the season of
 * each date the sale may have under the national seasons: the season's imports, the farmer's versions and
 * the redeemed counters (what farmerAllocationsOf reads). The versions are a query: their keys carry the
 * import job's id, and only the season item says which jobs count (an import's rows are batch-written
 * before it completes, so a revision comes into force at once). A kiosk with seasons of its own reads
 * them after the gate, as before: the prediction saves a round trip, it decides nothing.
 */
export function prefetchAllocations(sale: SalePrefetch, k: UnitPrefetch): void {
  const nik = sale.buyerNik;
  if (!nik) return;
  for (const season of new Set(k.dates.map((d) => seasonOf(d, NATIONAL_SEASONS).code))) {
    k.item(...keys.season(season));
    k.query(...keys.versionsOf(season, nik));
    for (const type of fertilizerTypes) k.item(...keys.quotaItem(season, nik, type));
  }
}

/** A season's allocations in force, with the redeemed kg of each: read from the completed imports' staged files (a few large items) and the counters in batches. */
export async function seasonAllocations(u: Ctx, season: string): Promise<{ row: AllocationVersion; redeemedKg: number }[]> {
  const imports = await seasonImports(u, season);
  const jobs = await u.store.getMany(jobSchema, imports.completed.map((c) => keys.job(c.jobId)));
  const chunkKeys = jobs.flatMap((j) => (j ? Array.from({ length: j.chunks }, (_, n) => ({ jobId: j.id, key: keys.chunk(j.id, n) })) : []));
  const chunks = await u.store.getMany(chunkSchema, chunkKeys.map((c) => c.key));
  const inForce = new Map<string, AllocationVersion>();
  // Completed imports in completion order: a later one revises what an earlier one set.
  chunks.forEach((c, i) => {
    for (const r of c?.rows ?? []) inForce.set(`${r.nik}/${r.type}`, { ...r, season, jobId: chunkKeys[i]!.jobId });
  });
  const rows = [...inForce.values()].sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name) || a.nik.localeCompare(b.nik) || a.type.localeCompare(b.type));
  const counters = await u.store.getMany(counterSchema, rows.map((r) => keys.quotaItem(season, r.nik, r.type)));
  return rows.map((row, i) => ({ row, redeemedKg: counters[i]?.used ?? 0 }));
}
