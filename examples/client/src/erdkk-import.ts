import type { Client } from './client';
import { graphql, type VariablesOf } from './graphql';

/** Starts an e-RDKK import (or, with dryRun, only checks the file): bad rows come back each with its line and column. */
export const StartErdkkImport = graphql(`
  mutation StartErdkkImport($input: PupukImportAllocationsInput!) {
    pupukImportAllocations(input: $input) {
      __typename
      ... on PupukImportAllocationsSuccess { data { dryRun season rows farmers revisions import { id status rows rowsWritten percentDone } } }
      ... on ValidationError { fields { field messageEn messageId } }
      ... on Error { code messageEn messageId }
    }
  }
`);

/** Writes the next part of a running import; the answer is the progress to show. */
export const ContinueErdkkImport = graphql(`
  mutation ContinueErdkkImport($input: PupukContinueAllocationImportInput!) {
    pupukContinueAllocationImport(input: $input) {
      __typename
      ... on PupukContinueAllocationImportSuccess { data { id status rows rowsWritten percentDone } }
      ... on Error { code messageEn messageId }
    }
  }
`);

export interface ImportProgress {
  status: string;
  rows: number;
  rowsWritten: number;
  percentDone: number;
}

/** Refusals of a file: one line per bad row, in Indonesian for the kiosk's staff. */
export class ImportRefused extends Error {
  constructor(readonly problems: { field: string; messageEn: string; messageId: string }[]) {
    super(problems.map((p) => p.messageId).join('\n'));
    this.name = 'ImportRefused';
  }
}

/** A text progress bar: `[##########----------]  50%  2500/5000`. */
export function progressBar(p: ImportProgress, width = 30): string {
  const filled = Math.round((p.percentDone / 100) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(p.percentDone).padStart(3)}%  ${p.rowsWritten}/${p.rows}`;
}

/**
 * Imports a farmer group's e-RDKK list: starts the import and continues it until it is complete,
 * telling `onProgress` after each part. A failed call (a timeout) can simply be repeated: a part
 * written twice is the same, and the import comes into force only when complete.
 */
export async function importErdkk(
  client: Client,
  input: Omit<VariablesOf<typeof StartErdkkImport>['input'], 'dryRun'>,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportProgress & { id: string }> {
  const started = (await client.request(StartErdkkImport, { input: { ...input, dryRun: false } })).pupukImportAllocations;
  if (started.__typename === 'ValidationError') throw new ImportRefused(started.fields);
  if (started.__typename !== 'PupukImportAllocationsSuccess') throw new Error(started.messageEn);
  let job = started.data.import!;
  onProgress(job);
  while (job.status === 'WRITING') {
    const next = (await client.request(ContinueErdkkImport, { input: { cooperativeId: input.cooperativeId, importId: job.id } })).pupukContinueAllocationImport;
    if (next.__typename !== 'PupukContinueAllocationImportSuccess') throw new Error(next.messageEn);
    job = next.data;
    onProgress(job);
  }
  return job;
}
