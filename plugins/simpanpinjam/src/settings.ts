import { msg, z } from '@kkmp/plugin-sdk';
import { DEFAULT_BANDS, DEFAULT_WEIGHTS } from './collectibility';

const bp = (max: number) =>
  z
    .number()
    .int(msg('must be whole basis points', 'harus basis poin bulat'))
    .min(0, msg('must not be negative', 'tidak boleh negatif'))
    .max(max, msg(`at most ${max} basis points`, `paling banyak ${max} basis poin`));
const days = z.number().int(msg('must be whole days', 'harus hari bulat')).min(1, msg('at least 1 day', 'paling sedikit 1 hari'));

/**
 * Per-cooperative settings. Every regulated number (Permenkop 8/2023 and bank practice) is here with the
 * regulated value as its default, so a change of rule is a settings change, not a deploy.
 */
export const settingsSchema = z.object({
  maxSavingsRateBp: bp(10_000).default(900).describe('Ceiling on savings and time-deposit interest, basis points per year (9% = 900)'),
  relatedPartyLimitBp: bp(10_000)
    .default(1000)
    .describe('Loans to related parties (board, supervisors) outstanding in all, as basis points of own capital (10% = 1000)'),
  relatedPartyMemberIds: z
    .array(z.string().min(1))
    .max(200)
    .default([])
    .describe('Member ids (GraphQL) of related parties: board members (pengurus) and supervisors (pengawas)'),
  collectibility: z
    .object({
      dpkMaxDays: days.describe('Last day past due in class 2, DPK (default 90)'),
      substandardMaxDays: days.describe('Last day past due in class 3, kurang lancar (default 120)'),
      doubtfulMaxDays: days.describe('Last day past due in class 4, diragukan (default 180); beyond is class 5, macet'),
    })
    .refine((b) => b.dpkMaxDays < b.substandardMaxDays && b.substandardMaxDays < b.doubtfulMaxDays, msg('bands must increase', 'batas hari harus naik'))
    .default(DEFAULT_BANDS)
    .describe('Days-past-due bands of collectibility classes 2 to 4'),
  riskWeights: z
    .object({
      substandardBp: bp(10_000).describe('Weight of class 3 outstanding (default 5000 = 50%)'),
      doubtfulBp: bp(10_000).describe('Weight of class 4 outstanding (default 7500 = 75%)'),
      lossBp: bp(10_000).describe('Weight of class 5 outstanding (default 10000 = 100%)'),
    })
    .default(DEFAULT_WEIGHTS)
    .describe('Problem-loan risk weights per class, basis points'),
  cashAccount: z.enum(['1100', '1110']).default('1100').describe('Account money is paid in and out of: 1100 Kas (cash) or 1110 Bank'),
});

export type SimpanpinjamSettings = z.output<typeof settingsSchema>;

export const sampleSettings: z.input<typeof settingsSchema> = {
  maxSavingsRateBp: 900,
  relatedPartyLimitBp: 1000,
  relatedPartyMemberIds: [],
  collectibility: DEFAULT_BANDS,
  riskWeights: DEFAULT_WEIGHTS,
  cashAccount: '1100',
};
