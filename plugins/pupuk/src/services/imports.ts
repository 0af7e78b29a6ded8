import { ConflictError, InvalidStateError, NotFoundError, ValidationError, cond, msg, text, update, z, type UnitMutationContext } from '@kkmp/plugin-sdk';
import { ROWS_PER_CHUNK, chunkSchema, jobSchema, keys, type ImportJob } from '../model';
import type { PupukSettings } from '../settings';
import { seasonImports } from './allocations';
import { registerFarmers, writeVersions } from './staging';
import { MAX_CSV_CHARS, readAllocationCsv, type AllocationRow } from './rows';
import { parseSeason, seasonOf } from './seasons';

type Ctx = UnitMutationContext<PupukSettings>;

/** Chunks (of 250 rows) one continue call writes: about 1,000 rows, a second or two, well inside a Lambda's time. */
export const CHUNKS_PER_STEP = 4;

export const importInput = z.object({
  season: z.string().nullish(),
  fileName: text(200),
  csv: z.string().max(MAX_CSV_CHARS, msg(`at most ${MAX_CSV_CHARS} characters; split the file`, `paling banyak ${MAX_CSV_CHARS} karakter; pecah berkasnya`)),
  dryRun: z.boolean().nullish().transform((v) => v ?? false),
});

/** What an import reports, written or not: the job (null for a dry run) and the file's figures. */
export interface ImportReport {
  job: ImportJob | null;
  dryRun: boolean;
  season: string;
  rows: number;
  farmers: number;
  groups: string[];
  kgByType: Record<string, number>;
  /** Rows that revise an allocation already in force for the season (same farmer and type). */
  revisions: number;
}

function summarize(rows: AllocationRow[]) {
  const kgByType: Record<string, number> = {};
  for (const r of rows) kgByType[r.type] = (kgByType[r.type] ?? 0) + r.kg;
  return { rows: rows.length, farmers: new Set(rows.map((r) => r.nik)).size, groups: [...new Set(rows.map((r) => r.group))].sort(), kgByType };
}

const byField = (a: { field: string }, b: { field: string }) => a.field.localeCompare(b.field, 'en', { numeric: true });

/** How many rows set an allocation the season already has in force (read in batches, never one call per row). */
async function countRevisions(u: Ctx, season: string, rows: AllocationRow[]): Promise<number> {
  const imports = await seasonImports(u, season);
  if (imports.completed.length === 0) return 0;
  const jobs = await u.store.getMany(jobSchema, imports.completed.map((c) => keys.job(c.jobId)));
  const chunks = await u.store.getMany(chunkSchema, jobs.flatMap((j) => (j ? Array.from({ length: j.chunks }, (_, n) => keys.chunk(j.id, n)) : [])));
  const existing = new Set(chunks.flatMap((c) => c?.rows.map((r) => `${r.nik}/${r.type}`) ?? []));
  return rows.filter((r) => existing.has(`${r.nik}/${r.type}`)).length;
}

/**
 * Starts importing a farmer group's e-RDKK list for a season. Every row is validated first; any bad
 * row refuses the whole file (each reported by line and column) and nothing is written. A dry run
 * stops there and reports. Otherwise the validated rows are staged with the job in this one
 * transaction; `continueImport` then writes them, and they come into force only when the job
 * completes. One import runs per season at a time.
 */
export async function startImport(u: Ctx, input: z.output<typeof importInput>): Promise<ImportReport> {
  const season = input.season ? parseSeason(input.season, u.settings.seasons, 'input.season') : seasonOf(u.today(), u.settings.seasons);
  const { rows, issues } = readAllocationCsv(input.csv, u.now(), Math.round(u.settings.maxLandHa * 10_000));
  if (issues.length > 0) throw new ValidationError(issues.sort(byField));
  const summary = summarize(rows);
  const revisions = await countRevisions(u, season.code, rows);
  if (input.dryRun) return { job: null, dryRun: true, season: season.code, ...summary, revisions };
  const running = (await seasonImports(u, season.code)).running;
  if (running) throw new ConflictError('input.season', `an import for ${season.code} is still running; finish or cancel it first`, `impor untuk ${season.code} masih berjalan; selesaikan atau batalkan dulu`);
  const chunks = Math.ceil(rows.length / ROWS_PER_CHUNK);
  const job: ImportJob = { id: u.newId(), season: season.code, fileName: input.fileName, status: 'WRITING', ...summary, chunks, chunksWritten: 0, createdAt: u.now().toISOString(), createdBy: u.principal.userId };
  // One import per season at a time: another start between our read and commit fails this condition and re-runs into the refusal above.
  u.writes.update(keys.season(season.code), update().set('running', job.id).setIfNotExists('season', season.code).setIfNotExists('completed', []), cond.notExists('running'));
  u.writes.create(keys.job(job.id), job);
  for (let n = 0; n < chunks; n++) {
    u.writes.create(keys.chunk(job.id, n), { rows: rows.slice(n * ROWS_PER_CHUNK, (n + 1) * ROWS_PER_CHUNK).map(({ line, nik, name, group, landM2, crops, type, kg }) => ({ line, nik, name, group, landM2, crops, type, kg })) });
  }
  return { job, dryRun: false, season: season.code, ...summary, revisions };
}

async function loadJob(u: Ctx, jobId: string): Promise<ImportJob> {
  const job = await u.store.get(jobSchema, ...keys.job(jobId));
  if (!job) throw new NotFoundError('PupukImport', jobId, 'input.importId');
  return job;
}

/**
 * Writes the next chunks of a running import and, after the last, puts it in force. The rows are
 * written as versions keyed by the job (a repeat writes the same items: safe after a crash or a
 * timeout, or from two clients at once); they count only once the job is complete, which is one
 * transaction with the season's list of completed imports. The last part also registers the file's
 * new farmers (the same entries on a repeat). Answers the job, for the client's progress bar.
 */
export async function continueImport(u: Ctx, jobId: string): Promise<ImportJob> {
  const job = await loadJob(u, jobId);
  if (job.status !== 'WRITING') return job;
  const end = Math.min(job.chunks, job.chunksWritten + CHUNKS_PER_STEP);
  const todo = Array.from({ length: end - job.chunksWritten }, (_, i) => keys.chunk(job.id, job.chunksWritten + i));
  const rows = (await u.store.getMany(chunkSchema, todo)).flatMap((c) => c?.rows ?? []);
  await writeVersions(u, job, rows);
  const next: ImportJob = { ...job, chunksWritten: end };
  if (end < job.chunks) {
    u.writes.update(keys.job(job.id), update().set('chunksWritten', end), cond.eq('chunksWritten', job.chunksWritten));
    return next;
  }
  // Last part: the file's new farmers go on the registry now, not before (a cancelled import registers nobody).
  await registerFarmers(u, job, (await u.store.getMany(chunkSchema, Array.from({ length: job.chunks }, (_, n) => keys.chunk(job.id, n)))).flatMap((c) => c?.rows ?? []));
  const done: ImportJob = { ...next, status: 'COMPLETE', finishedAt: u.now().toISOString() };
  const imports = await seasonImports(u, job.season);
  const entry = { jobId: job.id, fileName: job.fileName, importedBy: job.createdBy, importedAt: job.createdAt, completedAt: done.finishedAt! };
  u.writes.update(keys.job(job.id), update().set('chunksWritten', end).set('status', 'COMPLETE').set('finishedAt', done.finishedAt!), cond.eq('chunksWritten', job.chunksWritten));
  // In force from here: appended to the season's completed imports, under the condition that it is still the running one.
  u.writes.update(keys.season(job.season), update().set('completed', [...imports.completed, entry]).add('revision', 1).remove('running'), cond.eq('running', job.id));
  return done;
}

/** Cancels a running import: nothing of it ever comes into force, and the season is free for another. */
export async function cancelImport(u: Ctx, jobId: string): Promise<ImportJob> {
  const job = await loadJob(u, jobId);
  if (job.status !== 'WRITING') throw new InvalidStateError(`this import is already ${job.status.toLowerCase()}`, job.status === 'COMPLETE' ? 'impor ini sudah selesai' : 'impor ini sudah dibatalkan');
  const finishedAt = u.now().toISOString();
  u.writes.update(keys.job(job.id), update().set('status', 'CANCELLED').set('finishedAt', finishedAt), cond.eq('status', 'WRITING'));
  u.writes.update(keys.season(job.season), update().remove('running'), cond.eq('running', job.id));
  return { ...job, status: 'CANCELLED', finishedAt };
}
