import { ValidationError, isoDate, msg, text, z, type UnitMutationContext } from '@kkmp/plugin-sdk';
import { loadCompliance, saveCompliance, type Certificate } from './compliance';

/** A hygiene certificate (Sertifikat Laik Higiene Sanitasi) from the health office, after an inspection scoring at least 70. */
export const slhsSchema = z.object({
  id: z.string(),
  number: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  inspectionScore: z.number().int(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type Slhs = z.output<typeof slhsSchema>;

/** The lowest inspection score a certificate is issued on (domain: >= 70/100). */
export const MIN_INSPECTION_SCORE = 70;

export const recordSlhsInput = z
  .object({
    number: text(60),
    issuer: text(120),
    issuedOn: isoDate,
    expiresOn: isoDate,
    inspectionScore: z.number().int().min(MIN_INSPECTION_SCORE, msg(`an SLHS is issued only on an inspection score of at least ${MIN_INSPECTION_SCORE}`, `SLHS hanya terbit dengan nilai inspeksi paling sedikit ${MIN_INSPECTION_SCORE}`)).max(100),
  })
  .superRefine((v, ctx) => {
    if (v.expiresOn <= v.issuedOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: msg('must be after issuedOn', 'harus setelah issuedOn') });
  });

/** Records a certificate (a first one or a renewal): from its issue date sales pass the SLHS gate until it expires. */
export async function recordSlhs(u: UnitMutationContext<unknown>, input: z.output<typeof recordSlhsInput>): Promise<Slhs> {
  if (input.issuedOn > u.today()) throw ValidationError.field('input.issuedOn', `must not be after today (${u.today()})`, `tidak boleh setelah hari ini (${u.today()})`);
  const c = await loadCompliance(u);
  const cert: Slhs = { id: u.newId(), ...input, recordedAt: u.now().toISOString(), recordedBy: u.principal.userId };
  const entry: Certificate = { id: cert.id, number: cert.number, issuedOn: cert.issuedOn, expiresOn: cert.expiresOn };
  saveCompliance(u, c, { ...c, slhs: [...c.slhs, entry] });
  u.writes.create(['SLHS', cert.id], cert);
  return cert;
}
