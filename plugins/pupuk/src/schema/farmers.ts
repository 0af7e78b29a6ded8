import { type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import type { AllocationHistoryEntry, FarmerAllocation } from '../services/allocations';
import { farmer, type FarmerView } from '../services/farmers';
import type { PupukSettings } from '../settings';
import { absorptionBps, landHa } from './format';
import type { FertilizerTypeRef } from './refs';


/** `pupukFarmer`: a farmer's e-RDKK facts and the season's allocations with their history. */
export function registerFarmers(b: Builder, unit: UnitSchemaKit<PupukSettings>, Type: FertilizerTypeRef): void {
  const Revision = b.objectRef<AllocationHistoryEntry>('PupukAllocationRevision').implement({
    description: 'An allocation as one import set it: kept when a later import revises it.',
    fields: (t) => ({
      kg: t.exposeInt('kg', { description: 'Allocated kg.' }),
      fileName: t.string({ description: 'The file it came from.', resolve: (r) => r.import.fileName }),
      line: t.exposeInt('line', { description: 'Its line in that file.' }),
      importedBy: t.string({ description: 'User who imported it.', resolve: (r) => r.import.importedBy }),
      importedAt: t.field({ type: 'DateTime', description: 'When the import started.', resolve: (r) => r.import.importedAt }),
      inForceFrom: t.field({ type: 'DateTime', description: 'When the import completed and it came into force.', resolve: (r) => r.import.completedAt }),
    }),
  });
  const Allocation = b.objectRef<FarmerAllocation>('PupukAllocation').implement({
    description: "A farmer's allocation of one type for a season, what was redeemed and what is left.",
    fields: (t) => ({
      type: t.field({ type: Type, description: 'Fertilizer type.', resolve: (a) => a.type }),
      season: t.exposeString('season', { description: 'Season.' }),
      allocatedKg: t.int({ description: 'Allocation in force (the latest import that set it).', resolve: (a) => a.current.kg }),
      redeemedKg: t.exposeInt('redeemedKg', { description: 'Redeemed this season, under every revision (voids given back).' }),
      remainingKg: t.int({ description: 'allocatedKg − redeemedKg, never below 0.', resolve: (a) => Math.max(0, a.current.kg - a.redeemedKg) }),
      absorptionBps: t.int({ description: 'redeemedKg / allocatedKg in basis points (10000 = 100%).', resolve: (a) => absorptionBps(a.redeemedKg, a.current.kg) }),
      history: t.field({ type: [Revision], description: 'Every import that set it, oldest first; the last is in force.', resolve: (a) => a.history }),
    }),
  });
  const Farmer = b.objectRef<FarmerView>('PupukFarmer').implement({
    description: 'A farmer on the registry with the e-RDKK facts in force and the allocations of a season.',
    fields: (t) => ({
      nikMasked: t.exposeString('nikMasked', { description: 'NIK, masked.' }),
      name: t.exposeString('name', { description: 'Name.' }),
      status: t.exposeString('status', { description: 'REGISTERED, VERIFIED or BLOCKED.' }),
      season: t.exposeString('season', { description: 'Season of the allocations shown.' }),
      farmerGroup: t.string({ nullable: true, description: 'Farmer group (poktan) on the e-RDKK.', resolve: (f) => f.group }),
      landHa: t.string({ nullable: true, description: 'Land in hectares, e.g. "0.75".', resolve: (f) => (f.landM2 == null ? null : landHa(f.landM2)) }),
      crops: t.exposeStringList('crops', { description: 'Crops on the e-RDKK (among the nine eligible).' }),
      allocations: t.field({ type: [Allocation], description: 'Allocations of the season, per type.', resolve: (f) => f.allocations }),
    }),
  });
  unit.query('farmer', {
    type: Farmer,
    nullable: true,
    description: "A farmer by NIK, with the season's allocations (the season of today unless given); null when not on the registry.",
    permission: 'pupuk:read',
    args: (t) => ({
      nik: t.string({ required: true, description: 'NIK, 16 digits.' }),
      season: t.string({ required: false, description: 'Season, e.g. 2025-MT1.' }),
    }),
    resolve: (args, u) => farmer(u, args.nik, args.season),
  });
}
