import { z } from '@kkmp/plugin-sdk';
import { CROPS, fertilizerTypes } from './settings';

const int = z.number().int();

/** Status of an allocation import: rows staged and being written, complete (in force), or cancelled (never in force). */
export const JOB_STATUSES = ['WRITING', 'COMPLETE', 'CANCELLED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** An import of one e-RDKK file for a season: who, when, which file, how far the writing got. */
export const jobSchema = z.object({
  id: z.string(),
  season: z.string(),
  fileName: z.string(),
  status: z.enum(JOB_STATUSES),
  rows: int,
  farmers: int,
  groups: z.array(z.string()),
  kgByType: z.record(z.string(), int),
  chunks: int,
  chunksWritten: int,
  createdAt: z.string(),
  createdBy: z.string(),
  finishedAt: z.string().optional(),
});
export type ImportJob = z.output<typeof jobSchema>;

/** A staged row as kept in the job's chunks (the file, validated) and in the allocation versions. */
export const stagedRowSchema = z.object({
  line: int,
  nik: z.string(),
  name: z.string(),
  group: z.string(),
  landM2: int,
  crops: z.array(z.enum(CROPS)),
  type: z.enum(fertilizerTypes),
  kg: int,
});
export const chunkSchema = z.object({ rows: z.array(stagedRowSchema) });

/** One allocation as one import set it: in force once its job is complete and no later complete job set it again. */
export const versionSchema = stagedRowSchema.extend({ season: z.string(), jobId: z.string() });
export type AllocationVersion = z.output<typeof versionSchema>;

/** A completed import, in the order they completed (later ones revise earlier ones). */
export const completedSchema = z.object({ jobId: z.string(), fileName: z.string(), importedBy: z.string(), importedAt: z.string(), completedAt: z.string() });
export type CompletedImport = z.output<typeof completedSchema>;

/** A season's imports: the completed ones in order, the one running (at most one at a time), and how many have completed. */
export const seasonSchema = z.object({
  season: z.string(),
  completed: z.array(completedSchema).default([]),
  running: z.string().optional(),
  /** Raised by each completed import: a redemption commits only if no revision came into force since it read the allocation. */
  revision: int.default(0),
});
export type SeasonImports = z.output<typeof seasonSchema>;

/** The redeemed counter of the commerce quotas (kg), kept per season, farmer and type across revisions. */
export const counterSchema = z.object({ used: int });

export const ROWS_PER_CHUNK = 250;

export const keys = {
  job: (id: string) => ['IMPORT', id],
  jobs: ['IMPORT'],
  chunk: (jobId: string, n: number) => ['IMPORTROWS', jobId, String(n).padStart(4, '0')],
  version: (season: string, nik: string, type: string, jobId: string) => ['ALLOCV', season, nik, type, jobId],
  versionsOf: (season: string, nik: string) => ['ALLOCV', season, nik],
  season: (season: string) => ['SEASON', season],
  /** The quota key consumeQuotas keeps the redeemed kg under (the kit prefixes it with QUOTA). */
  quota: (season: string, nik: string, type: string) => ['ALLOC', season, nik, type],
  quotaItem: (season: string, nik: string, type: string) => ['QUOTA', 'ALLOC', season, nik, type],
};
