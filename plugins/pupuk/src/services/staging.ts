import type { UnitContext } from '@kkmp/plugin-sdk';
import { beneficiarySchema, commerceKeys, type Beneficiary } from '@kkmp/commerce';
import { keys, type AllocationVersion, type ImportJob } from '../model';

type Ctx = UnitContext<unknown>;
type Row = Omit<AllocationVersion, 'season' | 'jobId'>;

/** The buyer type of every farmer on the registry (enum PupukBuyerType). */
export const FARMER = 'PETANI';

/**
 * Writes a job's rows as allocation versions keyed by the job, in batches outside any transaction.
 * A repeat writes identical items, so a crash half-way is repaired by running the step again; a
 * version counts only once its job is in the season's completed list, so none is in force before.
 */
export async function writeVersions(u: Ctx, job: ImportJob, rows: Row[]): Promise<void> {
  const entries = rows.map((r) => ({ key: keys.version(job.season, r.nik, r.type, job.id), item: { ...r, season: job.season, jobId: job.id } satisfies AllocationVersion }));
  // A few batches side by side: each is 25 puts a round trip, and DynamoDB takes them in parallel.
  const lanes = 4;
  const size = Math.ceil(entries.length / lanes);
  await Promise.all(Array.from({ length: lanes }, (_, i) => u.derived.putAll(entries.slice(i * size, (i + 1) * size))));
}

/**
 * Puts the job's farmers on the registry (buyer type PETANI, verified by the e-RDKK list) when they
 * are not on it yet; an entry already there (perhaps blocked) is left as it is. The entry written is
 * the same on every repeat (its id, times and author come from the job), so a retried step changes nothing.
 * Membership is not looked up here: a sale recognises a member by NIK at the counter.
 */
export async function registerFarmers(u: Ctx, job: ImportJob, rows: Row[]): Promise<void> {
  const farmers = [...new Map(rows.map((r) => [r.nik, r])).values()];
  const found = await u.store.getMany(beneficiarySchema, farmers.map((f) => commerceKeys.beneficiary(f.nik)));
  const stamp = { at: job.createdAt, by: job.createdBy };
  const missing = farmers.filter((_, i) => !found[i]);
  await u.derived.putAll(
    missing.map((f) => ({
      key: commerceKeys.beneficiary(f.nik),
      item: {
        id: `${job.id}-${f.nik}`,
        nik: f.nik,
        name: f.name,
        buyerType: FARMER,
        note: `Poktan ${f.group}`,
        registered: stamp,
        verified: { ...stamp, reference: `e-RDKK ${job.season}: ${job.fileName}` },
        updatedAt: job.createdAt,
        version: 1,
      } satisfies Beneficiary,
    })),
  );
}
