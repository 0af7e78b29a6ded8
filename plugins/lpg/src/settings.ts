import { msg, z } from '@kkmp/plugin-sdk';

/** The outlet's buyer types (enum LpgBuyerType): households and micro businesses register at the counter; farmers and fishers come from a government list. */
export const BUYER_TYPES = {
  RUMAH_TANGGA: 'Household (KTP + KK number).',
  USAHA_MIKRO: 'Micro business (KTP + NIB + photo of the business).',
  PETANI: 'Farmer, from the government list (imported).',
  NELAYAN: 'Fisher, from the government list (imported).',
} as const;
export type BuyerType = keyof typeof BUYER_TYPES;
const buyerTypes = Object.keys(BUYER_TYPES) as [BuyerType, ...BuyerType[]];

/** A purchase limit on subsidized 3 kg cylinders: none is in force nationally, the outlet or the city may set one. */
export const purchaseLimit = z.object({
  buyerType: z.enum(buyerTypes).describe('The buyer type it applies to'),
  period: z.enum(['DAY', 'WEEK', 'MONTH']).describe("DAY, WEEK (ISO week) or MONTH, in the cooperative's time zone"),
  maxCylinders: z.number().int().min(1, msg('at least 1', 'paling sedikit 1')).describe('3 kg cylinders one NIK may buy in the period'),
});
export type PurchaseLimit = z.output<typeof purchaseLimit>;

const sku = z.string().trim().min(1).max(40);

export const lpgSettings = z.object({
  hetRegion: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .default('*')
    .describe('HET region and distance tier of this outlet, e.g. "GARUT-60KM" or "GARUT-LUAR-60KM"; ceilings are set per region with setCeilingPrice'),
  subsidizedSku: sku.default('LPG-3KG').describe('SKU of the subsidized 3 kg refill (a full cylinder out, an empty in)'),
  depositSku: sku.default('TABUNG-3KG').describe('SKU of the 3 kg cylinder deposit, sold with a refill when the buyer has no empty'),
  purchaseLimits: z.array(purchaseLimit).max(24).default([]).describe('Purchase limits per buyer type and period (none by default)'),
});
export type LpgSettings = z.output<typeof lpgSettings>;

export const sampleSettings = {
  hetRegion: 'GARUT-60KM',
  purchaseLimits: [{ buyerType: 'RUMAH_TANGGA' as const, period: 'MONTH' as const, maxCylinders: 20 }],
};
