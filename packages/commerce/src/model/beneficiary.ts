import { z } from '@kkmp/plugin-sdk';

/**
 * REGISTERED: on the list, documents not yet checked. VERIFIED: documents checked (KTP + KK for a
 * household, NIB for a micro business, a government list). BLOCKED: may not buy until unblocked.
 */
export const BENEFICIARY_STATUSES = ['REGISTERED', 'VERIFIED', 'BLOCKED'] as const;
export type BeneficiaryStatus = (typeof BENEFICIARY_STATUSES)[number];

const stamp = z.object({ at: z.string(), by: z.string() });

/** A buyer registered by NIK for subsidized goods (LPG 3 kg, fertilizer), one per NIK in a unit. */
export const beneficiarySchema = z.object({
  id: z.string(),
  nik: z.string(),
  name: z.string(),
  /** One of the unit's buyer types (household, micro business, farmer, ...). */
  buyerType: z.string(),
  /** The cooperative member with this NIK, when there was one at registration. */
  memberId: z.string().optional(),
  note: z.string().optional(),
  registered: stamp,
  verified: stamp.extend({ reference: z.string() }).optional(),
  blocked: stamp.extend({ reason: z.string() }).optional(),
  /** The last time a block was lifted, and why. */
  unblocked: stamp.extend({ reason: z.string() }).optional(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Beneficiary = z.infer<typeof beneficiarySchema>;

export function beneficiaryStatus(b: Pick<Beneficiary, 'verified' | 'blocked'>): BeneficiaryStatus {
  return b.blocked ? 'BLOCKED' : b.verified ? 'VERIFIED' : 'REGISTERED';
}
