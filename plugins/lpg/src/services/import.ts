import { ValidationError, csvParse, msg, text, validationErrorOf, z, type UnitMutationContext } from '@kkmp/plugin-sdk';
import { beneficiarySchema, commerceKeys, normalizeNik, type Beneficiary } from '@kkmp/commerce';
import type { LpgSettings } from '../settings';
import { buyerTypeList, docKey } from './buyers';

/** Rows per file: each takes two writes of one transaction (the entry and its document numbers). */
export const MAX_IMPORT_ROWS = 40;
export const IMPORT_COLUMNS = ['nik', 'nama', 'jenis_pembeli', 'no_kk', 'nib', 'referensi_verifikasi'] as const;

const optional = (re: RegExp, en: string, id: string) =>
  z.string().trim().transform((v) => v || undefined).pipe(z.string().regex(re, msg(en, id)).optional());

const rowSchema = z
  .object({
    nama: text(100),
    jenis_pembeli: z.enum(buyerTypeList),
    no_kk: optional(/^\d{16}$/, 'must be 16 digits', 'harus 16 angka'),
    nib: optional(/^\d{13}$/, 'must be 13 digits', 'harus 13 angka'),
    referensi_verifikasi: z.string().trim().max(200).transform((v) => v || undefined),
  })
  .superRefine((v, ctx) => {
    if (v.jenis_pembeli === 'RUMAH_TANGGA' && !v.no_kk) ctx.addIssue({ code: 'custom', path: ['no_kk'], message: msg('a household needs its KK number', 'rumah tangga perlu nomor KK') });
    if (v.jenis_pembeli === 'USAHA_MIKRO' && !v.nib) ctx.addIssue({ code: 'custom', path: ['nib'], message: msg('a micro business needs its NIB', 'usaha mikro perlu NIB') });
  });

interface Issue { field: string; messageEn: string; messageId: string }
const issue = (line: number, column: string, en: string, id: string): Issue => ({ field: `input.csv.${line}.${column}`, messageEn: `line ${line}: ${en}`, messageId: `baris ${line}: ${id}` });

/** Reads the file: a header row with the import columns, then at most MAX_IMPORT_ROWS rows, each with its line number. */
function readRows(csv: string): { line: number; row: Record<string, string> }[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = csvParse(csv, { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true }) as never;
  } catch (e) {
    throw ValidationError.field('input.csv', `not a readable CSV file: ${(e as Error).message}`, `bukan berkas CSV yang terbaca: ${(e as Error).message}`);
  }
  const missing = IMPORT_COLUMNS.filter((c) => records.length > 0 && !(c in records[0]!.record));
  if (missing.length) throw ValidationError.field('input.csv', `missing columns: ${missing.join(', ')}`, `kolom tidak ada: ${missing.join(', ')}`);
  if (records.length === 0) throw ValidationError.field('input.csv', 'has no rows', 'tidak berisi baris');
  if (records.length > MAX_IMPORT_ROWS) throw ValidationError.field('input.csv', `at most ${MAX_IMPORT_ROWS} rows per file; split it`, `paling banyak ${MAX_IMPORT_ROWS} baris per berkas; pecah berkasnya`);
  return records.map((r) => ({ line: r.info.lines, row: r.record }));
}

/**
 * Imports registered buyers (the government list of farmers and fishers, Pertamina's list) from CSV,
 * all or nothing: every bad row is reported with its line number and column, and then nothing is
 * imported; otherwise every row is written in the one transaction.
 */
export async function importBuyersCsv(u: UnitMutationContext<LpgSettings>, csv: string): Promise<number> {
  const rows = readRows(csv);
  const issues: Issue[] = [];
  const good: { nik: string; row: z.output<typeof rowSchema> }[] = [];
  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    let nik: string | undefined;
    try {
      nik = normalizeNik(row.nik ?? '', `input.csv.${line}.nik`, u.now());
    } catch (e) {
      for (const i of (e as ValidationError).issues ?? []) issues.push(issue(line, 'nik', i.messageEn, i.messageId));
    }
    if (nik && seen.has(nik)) issues.push(issue(line, 'nik', `same NIK as line ${seen.get(nik)}`, `NIK sama dengan baris ${seen.get(nik)}`));
    if (nik && !seen.has(nik)) seen.set(nik, line);
    const parsed = rowSchema.safeParse(row);
    // Each language whole: custom messages carry both (msg), zod's own get their Indonesian from its locale.
    if (!parsed.success) for (const i of validationErrorOf(parsed.error, '').issues) issues.push(issue(line, i.field.split('.')[0]!, i.messageEn, i.messageId));
    if (nik && parsed.success) good.push({ nik, row: parsed.data });
  }
  const existing = await u.store.getMany(beneficiarySchema, good.map((g) => commerceKeys.beneficiary(g.nik)));
  good.forEach((g, i) => {
    if (existing[i]) issues.push(issue(seen.get(g.nik)!, 'nik', 'this NIK is already registered', 'NIK ini sudah terdaftar'));
  });
  if (issues.length > 0) throw new ValidationError(issues.sort((a, b) => a.field.localeCompare(b.field, 'en', { numeric: true })));
  for (const g of good) await write(u, g.nik, g.row);
  return good.length;
}

async function write(u: UnitMutationContext<LpgSettings>, nik: string, row: z.output<typeof rowSchema>): Promise<void> {
  const at = u.now().toISOString();
  const by = u.principal.userId;
  const member = await u.members.findByNik(nik);
  const entry: Beneficiary = {
    id: u.newId(),
    nik,
    name: row.nama,
    buyerType: row.jenis_pembeli,
    ...(member ? { memberId: member.id } : {}),
    registered: { at, by },
    ...(row.referensi_verifikasi ? { verified: { at, by, reference: row.referensi_verifikasi } } : {}),
    updatedAt: at,
    version: 1,
  };
  // Two imports of one NIK at once: the loser's create fails its whole transaction; nothing of it is written.
  u.writes.create(commerceKeys.beneficiary(nik), entry);
  if (row.no_kk || row.nib) u.writes.put(docKey(nik), { ...(row.no_kk ? { kkNumber: row.no_kk } : {}), ...(row.nib ? { nib: row.nib } : {}) });
}
