import { msg, text, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import { beneficiaryStatus, findBeneficiary, maskNik, normalizeNik, registerBeneficiary, type Beneficiary, type BeneficiaryStatus } from '@kkmp/commerce';
import { BUYER_TYPES, type LpgSettings } from '../settings';

/** A buyer of the outlet: the registry entry with the document numbers the buyer type needs. */
export interface LpgBuyer {
  nikMasked: string;
  name: string;
  buyerType: string;
  status: BeneficiaryStatus;
  kkNumber?: string;
  nib?: string;
}

export const documentsSchema = z.object({ kkNumber: z.string().optional(), nib: z.string().optional() });
export const docKey = (nik: string) => ['BUYERDOC', nik];
export const buyerTypeList = Object.keys(BUYER_TYPES) as [string, ...string[]];

/**
 * At the counter only households (KTP + KK number, 16 digits) and micro businesses (KTP + NIB, 13
 * digits) register; farmers and fishers come from the government list (importBeneficiaries).
 */
export const registerBuyerInput = z
  .object({
    nik: z.string(),
    name: text(100).optional().nullable(),
    buyerType: z.enum(['RUMAH_TANGGA', 'USAHA_MIKRO']),
    kkNumber: z.string().trim().regex(/^\d{16}$/, msg('must be 16 digits', 'harus 16 angka')).optional().nullable(),
    nib: z.string().trim().regex(/^\d{13}$/, msg('must be 13 digits', 'harus 13 angka')).optional().nullable(),
    note: text(200).optional().nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.buyerType === 'RUMAH_TANGGA' && !v.kkNumber) ctx.addIssue({ code: 'custom', path: ['kkNumber'], message: msg('a household needs its KK number', 'rumah tangga perlu nomor KK') });
    if (v.buyerType === 'USAHA_MIKRO' && !v.nib) ctx.addIssue({ code: 'custom', path: ['nib'], message: msg('a micro business needs its NIB', 'usaha mikro perlu NIB') });
  });

const view = (entry: Beneficiary, docs: z.output<typeof documentsSchema> | undefined): LpgBuyer => ({
  nikMasked: maskNik(entry.nik),
  name: entry.name,
  buyerType: entry.buyerType,
  status: beneficiaryStatus(entry),
  ...(docs?.kkNumber ? { kkNumber: docs.kkNumber } : {}),
  ...(docs?.nib ? { nib: docs.nib } : {}),
});

/** Registers a household or micro business with its document number, in one transaction with the registry entry. */
export async function registerBuyer(u: UnitMutationContext<LpgSettings>, input: z.output<typeof registerBuyerInput>): Promise<LpgBuyer> {
  const entry = await registerBeneficiary(u, { nik: input.nik, name: input.name, buyerType: input.buyerType, note: input.note }, buyerTypeList);
  const docs = { ...(input.kkNumber ? { kkNumber: input.kkNumber } : {}), ...(input.nib ? { nib: input.nib } : {}) };
  u.writes.put(docKey(entry.nik), docs);
  return view(entry, docs);
}

/** A buyer by NIK, with the document numbers; null when not registered. */
export async function buyer(u: UnitContext<LpgSettings>, rawNik: string): Promise<LpgBuyer | null> {
  const nik = normalizeNik(rawNik, 'nik', u.now());
  const entry = await findBeneficiary(u, nik);
  return entry ? view(entry, await u.store.get(documentsSchema, ...docKey(nik))) : null;
}
