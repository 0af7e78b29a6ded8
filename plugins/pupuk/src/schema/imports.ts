import { encodeId, decodeId, z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { JOB_STATUSES, ROWS_PER_CHUNK, jobSchema, keys, type ImportJob } from '../model';
import { seasonImports } from '../services/allocations';
import { CHUNKS_PER_STEP, cancelImport, continueImport, importInput, startImport, type ImportReport } from '../services/imports';
import { CSV_COLUMNS, MAX_ROWS } from '../services/rows';
import { parseSeason } from '../services/seasons';
import type { PupukSettings } from '../settings';

const jobIdOf = (id: string, field: string) => decodeId(id, 'PupukImport', field, 1)[0]!;

/** `pupukImportAllocations` (validate, dry-run or stage), `pupukContinueAllocationImport` (write the next part), `pupukCancelAllocationImport`, and the job for polling. */
export function registerImports(b: Builder, unit: UnitSchemaKit<PupukSettings>): void {
  const Status = b.enumType('PupukImportStatus', {
    description: 'Where an allocation import stands.',
    values: {
      WRITING: { description: 'Validated and staged; being written (call pupukContinueAllocationImport until COMPLETE). Not in force yet.' },
      COMPLETE: { description: 'Written and in force for its season.' },
      CANCELLED: { description: 'Cancelled before completing; none of it ever came into force.' },
    } satisfies Record<(typeof JOB_STATUSES)[number], { description: string }>,
  });
  const TypeKg = b.objectRef<{ type: string; kg: number }>('PupukTypeKg').implement({
    description: 'kg of one fertilizer type.',
    fields: (t) => ({ type: t.exposeString('type', { description: 'Fertilizer type (UREA, NPK, NPK_KAKAO, ZA, ORGANIK).' }), kg: t.exposeInt('kg', { description: 'kg.' }) }),
  });
  const kgList = (m: Record<string, number>) => Object.entries(m).sort(([a], [b]) => a.localeCompare(b)).map(([type, kg]) => ({ type, kg }));
  const Job = b.objectRef<ImportJob>('PupukImport').implement({
    description: "An import of one farmer group's e-RDKK list for a season: who imported which file when, and how far it got.",
    fields: (t) => ({
      id: t.id({ description: 'Import id.', resolve: (j) => encodeId('PupukImport', j.id) }),
      season: t.exposeString('season', { description: 'Season, e.g. 2025-MT1.' }),
      fileName: t.exposeString('fileName', { description: 'The file it came from.' }),
      status: t.field({ type: Status, description: 'Writing, complete (in force) or cancelled.', resolve: (j) => j.status }),
      rows: t.exposeInt('rows', { description: 'Rows in the file (farmer × type).' }),
      rowsWritten: t.int({ description: 'Rows written so far (progress).', resolve: (j) => Math.min(j.rows, j.chunksWritten * ROWS_PER_CHUNK) }),
      percentDone: t.int({ description: 'rowsWritten as a whole percentage (100 when complete).', resolve: (j) => (j.status === 'COMPLETE' ? 100 : Math.floor((Math.min(j.rows, j.chunksWritten * ROWS_PER_CHUNK) * 100) / Math.max(1, j.rows))) }),
      farmers: t.exposeInt('farmers', { description: 'Farmers (distinct NIKs).' }),
      groups: t.exposeStringList('groups', { description: 'Farmer groups (poktan) in the file.' }),
      kgByType: t.field({ type: [TypeKg], description: 'Allocated kg per type.', resolve: (j) => kgList(j.kgByType) }),
      importedBy: t.exposeString('createdBy', { description: 'User who imported it.' }),
      importedAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was started.' }),
      finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true, description: 'When it completed or was cancelled.' }),
    }),
  });
  const Report = b.objectRef<ImportReport>('PupukImportReport').implement({
    description: 'What an e-RDKK file holds (every row valid), and the import started for it (none on a dry run).',
    fields: (t) => ({
      dryRun: t.exposeBoolean('dryRun', { description: 'True: only checked and reported; nothing was written.' }),
      season: t.exposeString('season', { description: 'Season.' }),
      rows: t.exposeInt('rows', { description: 'Rows.' }),
      farmers: t.exposeInt('farmers', { description: 'Farmers (distinct NIKs).' }),
      groups: t.exposeStringList('groups', { description: 'Farmer groups (poktan).' }),
      kgByType: t.field({ type: [TypeKg], description: 'Allocated kg per type.', resolve: (r) => kgList(r.kgByType) }),
      revisions: t.exposeInt('revisions', { description: 'Rows that revise an allocation already in force for the season.' }),
      import: t.field({ type: Job, nullable: true, description: 'The import started (status WRITING); null on a dry run.', resolve: (r) => r.job }),
    }),
  });
  unit.mutation('importAllocations', {
    type: Report,
    description: `Imports a farmer group's e-RDKK list (CSV, header ${CSV_COLUMNS.join(', ')}; one row per farmer and type; at most ${MAX_ROWS} rows) for a season. Every row is validated (NIK, group, land <= the eligible maximum, crops among the nine, type, kg >= 0); any bad row refuses the whole file, each reported as input.csv.<line>.<column>, and nothing is written. dryRun only reports. Otherwise the import starts (WRITING): call pupukContinueAllocationImport until it is COMPLETE; only then is it in force. A later import for the same season revises the allocations it names.`,
    permission: 'pupuk:manage',
    businessEvent: false,
    input: (t) => ({
      season: t.string({ required: false, description: 'Season, e.g. 2025-MT1 (the year it starts and its name from the settings); default the season of today.' }),
      fileName: t.string({ description: 'Name of the file, kept with each allocation it sets.' }),
      csv: t.string({ description: 'The CSV file, UTF-8.' }),
      dryRun: t.boolean({ required: false, description: 'Only check and report (default false).' }),
    }),
    schema: importInput,
    resolve: (input, u) => startImport(u, input),
  });
  unit.mutation('continueAllocationImport', {
    type: Job,
    description: `Writes the next part of a running import (${CHUNKS_PER_STEP * ROWS_PER_CHUNK} rows) and answers its progress; the last part puts it in force. Safe to repeat or to send from two clients: a part written twice is the same. Answers a complete or cancelled import as it is.`,
    permission: 'pupuk:manage',
    businessEvent: false,
    input: (t) => ({ importId: t.id({ description: 'Import id (from pupukImportAllocations).' }) }),
    schema: z.object({ importId: z.string() }),
    resolve: (input, u) => continueImport(u, jobIdOf(input.importId, 'input.importId')),
  });
  unit.mutation('cancelAllocationImport', {
    type: Job,
    description: 'Cancels a running import: none of it comes into force, and the season is free for another import.',
    permission: 'pupuk:manage',
    businessEvent: false,
    input: (t) => ({ importId: t.id({ description: 'Import id.' }) }),
    schema: z.object({ importId: z.string() }),
    resolve: (input, u) => cancelImport(u, jobIdOf(input.importId, 'input.importId')),
  });
  unit.query('allocationImport', {
    type: Job,
    nullable: true,
    description: 'One import, for polling its progress.',
    permission: 'pupuk:read',
    args: (t) => ({ id: t.id({ required: true, description: 'Import id.' }) }),
    resolve: async (args, u) => (await u.store.get(jobSchema, ...keys.job(jobIdOf(String(args.id), 'id')))) ?? null,
  });
  unit.query('seasonImports', {
    type: [Job],
    description: 'The imports of a season in the order they came into force (later ones revise earlier ones), then the running one.',
    permission: 'pupuk:read',
    args: (t) => ({ season: t.string({ required: true, description: 'Season, e.g. 2025-MT1.' }) }),
    resolve: async (args, u) => {
      const s = await seasonImports(u, parseSeason(args.season, u.settings.seasons, 'season').code);
      const ids = [...s.completed.map((c) => c.jobId), ...(s.running ? [s.running] : [])];
      return (await u.store.getMany(jobSchema, ids.map((id) => keys.job(id)))).filter((j): j is ImportJob => !!j);
    },
  });
}
