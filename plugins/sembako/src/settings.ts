import { msg, z } from '@kkmp/plugin-sdk';

/** A per-buyer limit: e.g. SPHP rice, 2 packs of 5 kg per buyer per week. */
export const buyerLimit = z.object({
  sku: z.string().trim().min(1).describe('SKU of the limited product, e.g. BERAS-SPHP-5KG'),
  maxQuantity: z.number().int().min(1, msg('at least 1', 'paling sedikit 1')).describe('Selling units one buyer may buy in the period'),
  period: z.enum(['DAY', 'WEEK', 'MONTH']).describe('DAY, WEEK (ISO week) or MONTH, in the cooperative\'s time zone'),
});

export type BuyerLimit = z.output<typeof buyerLimit>;

export const sembakoSettings = z.object({
  hetRegion: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .default('*')
    .describe('Price-ceiling (HET) region of this shop, e.g. "ZONA-1" for SPHP rice in Java; "*" uses the ceilings set for every region'),
  buyerLimits: z.array(buyerLimit).max(50).default([]).describe('Per-buyer limits (by NIK) on price-controlled goods; a limited product needs the buyer\'s NIK at the counter'),
});

export type SembakoSettings = z.output<typeof sembakoSettings>;

export const sampleSettings = {
  hetRegion: 'ZONA-1',
  buyerLimits: [{ sku: 'BERAS-SPHP-5KG', maxQuantity: 2, period: 'WEEK' as const }],
};
