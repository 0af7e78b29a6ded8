import { NotFoundError, ValidationError, decodeId, encodeId, msg, text, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { KolamSettings } from '../settings';

const positiveInt = (max: number) => z.number().int().min(1, msg('must be at least 1', 'paling sedikit 1')).max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, msg('must be a date YYYY-MM-DD', 'harus tanggal TTTT-BB-HH'));

const thresholds = z
  .object({ siaga3Cm: positiveInt(100_000), siaga2Cm: positiveInt(100_000), siaga1Cm: positiveInt(100_000) })
  .superRefine((t, ctx) => {
    if (!(t.siaga3Cm < t.siaga2Cm && t.siaga2Cm < t.siaga1Cm)) {
      ctx.addIssue({ code: 'custom', path: ['siaga2Cm'], message: msg('levels must rise: Siaga 3 < Siaga 2 < Siaga 1', 'level harus naik: Siaga 3 < Siaga 2 < Siaga 1') });
    }
  });

const agreement = z
  .object({
    number: text(100),
    startDate: date,
    endDate: date,
    /** The city's share of the pond's revenue in basis points (30% = 3000). */
    revenueShareBps: z.number().int().min(0, msg('must not be negative', 'tidak boleh negatif')).max(10_000, msg('at most 10000 (100%)', 'paling banyak 10000 (100%)')),
    obligations: z.array(text(300)).max(30).nullish().transform((v) => v ?? []),
  })
  .superRefine((a, ctx) => {
    if (a.endDate < a.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: msg('must not be before the start', 'tidak boleh sebelum tanggal mulai') });
  });

export const pondInput = z.object({
  name: text(120),
  location: text(300),
  capacityM3: positiveInt(10_000_000),
  areaM2: positiveInt(10_000_000),
  pumps: z.array(z.object({ name: text(60), capacityLps: positiveInt(100_000) })).max(20).nullish().transform((v) => v ?? []),
  gates: z.array(text(60)).max(20).nullish().transform((v) => v ?? []),
  thresholds,
  agreement,
});

export const pondSchema = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string(),
  capacityM3: z.number().int(),
  areaM2: z.number().int(),
  pumps: z.array(z.object({ name: z.string(), capacityLps: z.number().int() })),
  gates: z.array(z.string()),
  thresholds: z.object({ siaga3Cm: z.number().int(), siaga2Cm: z.number().int(), siaga1Cm: z.number().int() }),
  agreement: z.object({ number: z.string(), startDate: z.string(), endDate: z.string(), revenueShareBps: z.number().int(), obligations: z.array(z.string()) }),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Pond = z.output<typeof pondSchema>;

export const pondKey = (pondId: string) => ['POND', pondId];
export const POND_TYPE = 'KolamretensiPond';
export const pondGlobalId = (p: { id: string }) => encodeId(POND_TYPE, p.id);
export const pondIdOf = (id: string, field: string) => decodeId(id, POND_TYPE, field, 1)[0]!;

export async function createPond(u: UnitMutationContext<KolamSettings>, input: z.output<typeof pondInput>): Promise<Pond> {
  const pond: Pond = { id: u.newId(), ...input, createdAt: u.now().toISOString(), version: 1 };
  u.writes.create(pondKey(pond.id), pond);
  return pond;
}

export const updatePondInput = z.object({ pondId: z.string(), thresholds: thresholds.nullish(), agreement: agreement.nullish() });

/** New thresholds apply to readings recorded from now on; readings keep the level they were classified at. */
export async function updatePond(u: UnitMutationContext<KolamSettings>, input: z.output<typeof updatePondInput>): Promise<Pond> {
  const pond = await loadPond(u, input.pondId, 'input.pondId');
  if (!input.thresholds && !input.agreement) throw ValidationError.field('input', 'give thresholds or an agreement', 'isi ambang batas atau perjanjian');
  const next: Pond = { ...pond, ...(input.thresholds ? { thresholds: input.thresholds } : {}), ...(input.agreement ? { agreement: input.agreement } : {}), version: pond.version + 1 };
  u.writes.replace(pondKey(pond.id), next, pond.version);
  return next;
}

/** A pond by its public id, or NotFoundError naming the field. */
export async function loadPond(u: UnitContext<KolamSettings>, publicId: string, field: string): Promise<Pond> {
  const id = pondIdOf(publicId, field);
  const pond = await u.store.get(pondSchema, ...pondKey(id));
  if (!pond) throw new NotFoundError('KolamretensiPond', publicId, field);
  return pond;
}

export const listPonds = (u: UnitContext<KolamSettings>) => u.store.all(pondSchema, ['POND']);
