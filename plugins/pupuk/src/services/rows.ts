import { ValidationError, csvParse, msg, parseNik, text, validationErrorOf, z } from '@kkmp/plugin-sdk';
import { CROPS, fertilizerTypes, type Crop, type FertilizerType } from '../settings';

/** Columns of a farmer group's e-RDKK list, one row per farmer and fertilizer type. */
export const CSV_COLUMNS = ['nik', 'nama', 'poktan', 'luas_lahan_ha', 'komoditas', 'jenis_pupuk', 'alokasi_kg'] as const;
/** Rows per file: the staged rows of one file are written in one transaction, 250 to an item. */
export const MAX_ROWS = 10_000;
export const MAX_CSV_CHARS = 2_000_000;

/** One validated row: a farmer's allocation of one type for the season. Land in m² (1 ha = 10,000 m²). */
export interface AllocationRow {
  line: number;
  nik: string;
  name: string;
  group: string;
  landM2: number;
  crops: Crop[];
  type: FertilizerType;
  kg: number;
}

export interface RowIssue {
  field: string;
  messageEn: string;
  messageId: string;
}

const CROP_ALIASES: Record<string, Crop> = { PADI_SAWAH: 'PADI', BAWANG: 'BAWANG_MERAH', COKLAT: 'KAKAO', CABE: 'CABAI', KEDELE: 'KEDELAI' };
const TYPE_ALIASES: Record<string, FertilizerType> = { NPK_FORMULA_KAKAO: 'NPK_KAKAO', NPK_KHUSUS: 'NPK_KAKAO', PHONSKA: 'NPK', ORGANIK_PADAT: 'ORGANIK', PETROGANIK: 'ORGANIK' };
const word = (v: string) => v.trim().toUpperCase().replace(/[\s-]+/g, '_');

/** "0,75" or "0.75" ha to whole m², at most 4 decimals. */
const hectares = z
  .string()
  .trim()
  .regex(/^\d{1,3}([.,]\d{1,4})?$/, msg('must be hectares such as 0.75', 'harus hektare seperti 0,75'))
  .transform((v) => {
    const [whole, frac = ''] = v.split(/[.,]/);
    return Number(whole) * 10_000 + Number(frac.padEnd(4, '0'));
  });

const crops = z
  .string()
  .transform((v) => v.split(/[;|/]/).map(word).filter(Boolean).map((c) => CROP_ALIASES[c] ?? c))
  .pipe(
    z
      .array(z.enum(CROPS, { error: () => msg(`must be among ${CROPS.join(', ')}`, `harus salah satu dari ${CROPS.join(', ')}`) }))
      .min(1, msg('name at least one crop', 'isi paling sedikit satu komoditas')),
  );

const rowSchema = (maxLandM2: number) =>
  z.object({
    nama: text(100),
    poktan: text(100),
    luas_lahan_ha: hectares.pipe(
      z
        .number()
        .min(1, msg('must be more than 0 ha', 'harus lebih dari 0 ha'))
        .max(maxLandM2, msg(`is over ${maxLandM2 / 10_000} ha: not eligible for subsidized fertilizer`, `lebih dari ${maxLandM2 / 10_000} ha: tidak berhak pupuk bersubsidi`)),
    ),
    komoditas: crops,
    jenis_pupuk: z
      .string()
      .transform((v) => TYPE_ALIASES[word(v)] ?? word(v))
      .pipe(z.enum(fertilizerTypes, { error: () => msg(`must be one of ${fertilizerTypes.join(', ')}`, `harus salah satu dari ${fertilizerTypes.join(', ')}`) })),
    alokasi_kg: z
      .string()
      .trim()
      .regex(/^-?\d+$/, msg('must be whole kg', 'harus kg bulat'))
      .transform(Number)
      .pipe(z.number().min(0, msg('must not be negative', 'tidak boleh negatif')).max(100_000, msg('is more than 100,000 kg', 'lebih dari 100.000 kg'))),
  });

const issue = (line: number, column: string, en: string, id: string): RowIssue => ({ field: `input.csv.${line}.${column}`, messageEn: `line ${line}: ${en}`, messageId: `baris ${line}: ${id}` });

/** Same farmer, same facts: a NIK on several rows (one per type) must carry the same name, group, land and crops. */
function sameFarmer(first: AllocationRow, row: AllocationRow): RowIssue[] {
  const differs = (column: string) => issue(row.line, column, `differs from line ${first.line} for the same NIK`, `berbeda dengan baris ${first.line} untuk NIK yang sama`);
  return [
    ...(first.name !== row.name ? [differs('nama')] : []),
    ...(first.group !== row.group ? [differs('poktan')] : []),
    ...(first.landM2 !== row.landM2 ? [differs('luas_lahan_ha')] : []),
    ...(first.crops.join() !== row.crops.join() ? [differs('komoditas')] : []),
  ];
}

/** Checks one record; returns the row or its issues (every bad column, each language whole). */
function checkRecord(record: Record<string, string>, line: number, now: Date, maxLandM2: number): AllocationRow | RowIssue[] {
  const issues: RowIssue[] = [];
  const nik = (record.nik ?? '').replace(/[\s.-]/g, '');
  const parsedNik = parseNik(nik, now);
  if (!parsedNik.ok) issues.push(issue(line, 'nik', parsedNik.issue.messageEn, parsedNik.issue.messageId));
  const parsed = rowSchema(maxLandM2).safeParse(record);
  if (!parsed.success) for (const i of validationErrorOf(parsed.error, '').issues) issues.push(issue(line, i.field.split('.')[0]!, i.messageEn, i.messageId));
  if (issues.length || !parsed.success) return issues;
  const r = parsed.data;
  return { line, nik, name: r.nama, group: r.poktan, landM2: r.luas_lahan_ha, crops: [...new Set(r.komoditas)].sort(), type: r.jenis_pupuk, kg: r.alokasi_kg };
}

/**
 * Reads an e-RDKK list with the maintained csv-parse, record by record as the parser yields them (no
 * array of raw records is built), validating each: every bad row is reported with its line and
 * column, and the caller writes nothing unless there are none.
 */
export function readAllocationCsv(csv: string, now: Date, maxLandM2: number): { rows: AllocationRow[]; issues: RowIssue[] } {
  const rows: AllocationRow[] = [];
  const issues: RowIssue[] = [];
  const firstOfNik = new Map<string, AllocationRow>();
  const lineOfKey = new Map<string, number>();
  let records = 0;
  const missing = (header: string[]) => CSV_COLUMNS.filter((c) => !header.includes(c));
  try {
    csvParse(csv, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim().toLowerCase());
        const absent = missing(names);
        if (absent.length) throw ValidationError.field('input.csv', `missing columns: ${absent.join(', ')}`, `kolom tidak ada: ${absent.join(', ')}`);
        return names;
      },
      on_record: (record: Record<string, string>, context: { lines: number }) => {
        records += 1;
        if (records > MAX_ROWS) return null;
        const checked = checkRecord(record, context.lines, now, maxLandM2);
        if (Array.isArray(checked)) {
          issues.push(...checked);
          return null;
        }
        const key = `${checked.nik}/${checked.type}`;
        const earlier = lineOfKey.get(key);
        if (earlier !== undefined) issues.push(issue(checked.line, 'jenis_pupuk', `the same NIK and type as line ${earlier}`, `NIK dan jenis pupuk sama dengan baris ${earlier}`));
        else lineOfKey.set(key, checked.line);
        const first = firstOfNik.get(checked.nik);
        if (first) issues.push(...sameFarmer(first, checked));
        else firstOfNik.set(checked.nik, checked);
        rows.push(checked);
        return null;
      },
    });
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    throw ValidationError.field('input.csv', `not a readable CSV file: ${(e as Error).message}`, `bukan berkas CSV yang terbaca: ${(e as Error).message}`);
  }
  if (records === 0) throw ValidationError.field('input.csv', 'has no rows', 'tidak berisi baris');
  if (records > MAX_ROWS) throw ValidationError.field('input.csv', `at most ${MAX_ROWS} rows per file; split it by farmer group`, `paling banyak ${MAX_ROWS} baris per berkas; pecah per kelompok tani`);
  return { rows, issues };
}
