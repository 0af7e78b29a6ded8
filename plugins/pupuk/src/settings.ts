import { isoDate, msg, positiveRupiah, text, z } from '@kkmp/plugin-sdk';

/** The subsidized fertilizer types (enum PupukFertilizerType), as the e-RDKK lists them. */
export const FERTILIZER_TYPES = {
  UREA: 'Urea.',
  NPK: 'NPK (Phonska).',
  NPK_KAKAO: 'NPK formula for cocoa.',
  ZA: 'ZA (ammonium sulphate).',
  ORGANIK: 'Organic fertilizer (Petroganik).',
} as const;
export type FertilizerType = keyof typeof FERTILIZER_TYPES;
export const fertilizerTypes = Object.keys(FERTILIZER_TYPES) as [FertilizerType, ...FertilizerType[]];

/** The nine commodities whose farmers may get subsidized fertilizer. */
export const CROPS = ['PADI', 'JAGUNG', 'KEDELAI', 'CABAI', 'BAWANG_MERAH', 'BAWANG_PUTIH', 'TEBU', 'KAKAO', 'KOPI'] as const;
export type Crop = (typeof CROPS)[number];

/** One row of the HET table: at most `perKg` rupiah per kg of a type, from a date, by a decree. */
export const hetRow = z.object({
  type: z.enum(fertilizerTypes).describe('Fertilizer type'),
  perKg: positiveRupiah.describe('HET per kg, whole rupiah'),
  effectiveFrom: isoDate.describe('First day it applies (YYYY-MM-DD)'),
  reference: text(200).describe('The decree'),
});
export type HetRow = z.output<typeof hetRow>;

/**
 * The HET per kg as decreed: the prices in force until 21 October 2025 and the lower ones from
 * 22 October 2025. A new decree is a new row (updateUnitSettings), never a deploy.
 */
export const HET_SEED: HetRow[] = [
  { type: 'UREA', perKg: 2_250, effectiveFrom: '2021-01-01', reference: 'HET pupuk bersubsidi sebelum 22 Oktober 2025' },
  { type: 'NPK', perKg: 2_300, effectiveFrom: '2021-01-01', reference: 'HET pupuk bersubsidi sebelum 22 Oktober 2025' },
  { type: 'NPK_KAKAO', perKg: 3_300, effectiveFrom: '2021-01-01', reference: 'HET pupuk bersubsidi sebelum 22 Oktober 2025' },
  { type: 'ZA', perKg: 1_700, effectiveFrom: '2021-01-01', reference: 'HET pupuk bersubsidi sebelum 22 Oktober 2025' },
  { type: 'ORGANIK', perKg: 800, effectiveFrom: '2021-01-01', reference: 'HET pupuk bersubsidi sebelum 22 Oktober 2025' },
  { type: 'UREA', perKg: 1_800, effectiveFrom: '2025-10-22', reference: 'Kepmentan HET pupuk bersubsidi, 22 Oktober 2025' },
  { type: 'NPK', perKg: 1_840, effectiveFrom: '2025-10-22', reference: 'Kepmentan HET pupuk bersubsidi, 22 Oktober 2025' },
  { type: 'NPK_KAKAO', perKg: 2_640, effectiveFrom: '2025-10-22', reference: 'Kepmentan HET pupuk bersubsidi, 22 Oktober 2025' },
  { type: 'ZA', perKg: 1_360, effectiveFrom: '2025-10-22', reference: 'Kepmentan HET pupuk bersubsidi, 22 Oktober 2025' },
  { type: 'ORGANIK', perKg: 640, effectiveFrom: '2025-10-22', reference: 'Kepmentan HET pupuk bersubsidi, 22 Oktober 2025' },
];

/** A planting season (musim tanam) of the e-RDKK: its name and the month it starts; it runs until the next one starts. */
export const seasonSpec = z.object({
  name: z.string().trim().regex(/^[A-Z][A-Z0-9]{0,7}$/, msg('must be 1-8 capital letters or digits, e.g. MT1', 'harus 1-8 huruf besar atau angka, mis. MT1')).describe('Season name, e.g. MT1'),
  startMonth: z.number().int().min(1).max(12).describe('Month it starts (1-12)'),
});
export type SeasonSpec = z.output<typeof seasonSpec>;

const sku = z.string().trim().min(1).max(40);
const perType = <T extends z.ZodType>(value: T, defaults: Record<FertilizerType, z.input<T>>) =>
  z.object({ UREA: value, NPK: value, NPK_KAKAO: value, ZA: value, ORGANIK: value }).default(defaults as never);

export const pupukSettings = z.object({
  seasons: z
    .array(seasonSpec)
    .min(1)
    .max(6)
    .default([
      { name: 'MT1', startMonth: 10 },
      { name: 'MT2', startMonth: 2 },
      { name: 'MT3', startMonth: 6 },
    ])
    .refine((s) => new Set(s.map((x) => x.startMonth)).size === s.length && new Set(s.map((x) => x.name)).size === s.length, msg('names and start months must differ', 'nama dan bulan mulai harus berbeda'))
    .describe('Planting seasons of the e-RDKK allocation, each revised every four months'),
  maxLandHa: z.number().positive().max(100).default(2).describe('Largest farm (ha) eligible for subsidized fertilizer'),
  het: z.array(hetRow).min(1).max(200).default(HET_SEED).describe('HET per kg by type, effective-dated (the table the kiosk sells under)'),
  skus: perType(sku, { UREA: 'UREA', NPK: 'NPK', NPK_KAKAO: 'NPK-KAKAO', ZA: 'ZA', ORGANIK: 'ORGANIK' }).describe('SKU of the subsidized product of each type, sold per kg'),
  sackKg: perType(z.number().int().min(1).max(100), { UREA: 50, NPK: 50, NPK_KAKAO: 50, ZA: 50, ORGANIK: 40 }).describe('kg in a sack of each type'),
});
export type PupukSettings = z.output<typeof pupukSettings>;

export const sampleSettings = {};
