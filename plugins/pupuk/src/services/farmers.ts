import type { UnitContext } from '@kkmp/plugin-sdk';
import { beneficiaryStatus, findBeneficiary, maskNik, normalizeNik, type BeneficiaryStatus } from '@kkmp/commerce';
import type { PupukSettings } from '../settings';
import { farmerAllocations, type FarmerAllocation } from './allocations';
import { parseSeason, seasonOf } from './seasons';

/** A farmer as the kiosk sees one: the registry entry, the e-RDKK facts in force and the season's allocations. */
export interface FarmerView {
  nikMasked: string;
  name: string;
  status: BeneficiaryStatus;
  memberId?: string;
  season: string;
  group: string | null;
  landM2: number | null;
  crops: string[];
  allocations: FarmerAllocation[];
}

/** A farmer by NIK for a season (default: the season of today); null when not on the registry. */
export async function farmer(u: UnitContext<PupukSettings>, rawNik: string, seasonCode: string | null | undefined): Promise<FarmerView | null> {
  const nik = normalizeNik(rawNik, 'nik', u.now());
  const season = seasonCode ? parseSeason(seasonCode, u.settings.seasons, 'season') : seasonOf(u.today(), u.settings.seasons);
  const [entry, allocations] = await Promise.all([findBeneficiary(u, nik), farmerAllocations(u, season.code, nik)]);
  if (!entry) return null;
  // The e-RDKK facts of the latest import that named the farmer.
  const latest = allocations.map((a) => a.current).sort((a, b) => (a.import.completedAt < b.import.completedAt ? 1 : -1))[0];
  return {
    nikMasked: maskNik(nik),
    name: entry.name,
    status: beneficiaryStatus(entry),
    ...(entry.memberId ? { memberId: entry.memberId } : {}),
    season: season.code,
    group: latest?.group ?? null,
    landM2: latest?.landM2 ?? null,
    crops: latest?.crops ?? [],
    allocations,
  };
}
