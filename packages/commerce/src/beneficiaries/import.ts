import { ValidationError, parseInput, type Member, type z } from '@kkmp/plugin-sdk';
import type { WriteCtx } from '../context';
import type { Beneficiary } from '../model/beneficiary';
import { beneficiarySchema } from '../model/beneficiary';
import { keys } from '../model/keys';
import { maskNik, normalizeNik } from '../rules/nik';
import { MAX_IMPORT_ROWS, importRowInput, type BuyerTypes } from './inputs';
import { memberWithNik, newBeneficiary } from './registry';

export type ImportOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REFUSED';

/** What became of one row; a refused row names its field and says why, in both languages. */
export interface ImportRowResult {
  row: number;
  nikMasked?: string;
  outcome: ImportOutcome;
  field?: string;
  messageEn?: string;
  messageId?: string;
}

type Row = z.output<ReturnType<typeof importRowInput>> & { nik: string };

/**
 * Imports a list of buyers (a file from Pertamina's registration, a farmer group's e-RDKK list), up to
 * 50 rows per call, in one transaction. Safe to repeat: a row already registered with the same name and
 * type is UNCHANGED, one with a new name or type is UPDATED (its status kept), a new NIK is CREATED
 * (VERIFIED when the row gives the documents' reference). A bad row is REFUSED with its field and does
 * not stop the others, so one typo never holds up a list.
 */
export async function importBeneficiaries(u: WriteCtx, rows: unknown[], types: BuyerTypes): Promise<ImportRowResult[]> {
  if (rows.length > MAX_IMPORT_ROWS) {
    throw ValidationError.field('input.rows', `at most ${MAX_IMPORT_ROWS} rows per import; import in parts`, `paling banyak ${MAX_IMPORT_ROWS} baris per impor; impor bertahap`);
  }
  const seen = new Set<string>();
  const checked = rows.map((raw, i): Row | ImportRowResult => {
    const row = parseRow(u, raw, i, types);
    if ('outcome' in row) return row;
    if (seen.has(row.nik)) return refusal(i, `input.rows.${i}.nik`, 'this NIK is already in this list', 'NIK ini sudah ada di daftar ini', row.nik);
    seen.add(row.nik);
    return row;
  });
  const toSave = checked.flatMap((r, i) => ('outcome' in r ? [] : [{ row: r, i }]));
  // Reads in two batched waves, never one per row: the entries already there, then members by NIK for the rest.
  const found = await u.store.getMany(beneficiarySchema, toSave.map(({ row }) => keys.beneficiary(row.nik)));
  const members = await Promise.all(toSave.map(({ row }, j) => (found[j] ? undefined : memberWithNik(u, row.nik))));
  const results = [...checked];
  toSave.forEach(({ row, i }, j) => (results[i] = saveRow(u, row, i, found[j], members[j])));
  return results as ImportRowResult[];
}

function refusal(row: number, field: string, messageEn: string, messageId: string, nik?: string): ImportRowResult {
  return { row, ...(nik ? { nikMasked: maskNik(nik) } : {}), outcome: 'REFUSED', field, messageEn, messageId };
}

function parseRow(u: WriteCtx, raw: unknown, i: number, types: BuyerTypes): Row | ImportRowResult {
  try {
    const row = parseInput(importRowInput(types), raw, `input.rows.${i}`);
    return { ...row, nik: normalizeNik(row.nik, `input.rows.${i}.nik`, u.now()) };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const first = err.issues[0]!;
    return refusal(i, first.field, first.messageEn, first.messageId);
  }
}

function saveRow(u: WriteCtx, row: Row, i: number, found: Beneficiary | undefined, member: Member | undefined): ImportRowResult {
  const result = { row: i, nikMasked: maskNik(row.nik) };
  if (found) {
    const name = row.name ?? found.name;
    if (name === found.name && row.buyerType === found.buyerType) return { ...result, outcome: 'UNCHANGED' };
    const next = { ...found, name, buyerType: row.buyerType, updatedAt: u.now().toISOString(), version: found.version + 1 };
    u.writes.replace(keys.beneficiary(found.nik), next, found.version);
    return { ...result, outcome: 'UPDATED' };
  }
  try {
    const entry = newBeneficiary(u, row, member, `input.rows.${i}.name`);
    const verified = row.verifiedReference ? { verified: { at: entry.registered.at, by: u.principal.userId, reference: row.verifiedReference } } : {};
    u.writes.create(keys.beneficiary(row.nik), { ...entry, ...verified });
    return { ...result, outcome: 'CREATED' };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const first = err.issues[0]!;
    return refusal(i, first.field, first.messageEn, first.messageId, row.nik);
  }
}
