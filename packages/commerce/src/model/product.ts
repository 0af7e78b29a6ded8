import { z } from '@kkmp/plugin-sdk';

/** What a product is measured in; a selling unit holds `packSize` of them (5000 g in a 5 kg pack). */
export const UNITS_OF_MEASURE = ['GRAM', 'MILLILITRE', 'PIECE'] as const;
export type UnitOfMeasure = (typeof UNITS_OF_MEASURE)[number];

/** Who buys: members pay member prices and their purchases count for SHU jasa usaha. */
export const CUSTOMER_CLASSES = ['MEMBER', 'NON_MEMBER'] as const;
export type CustomerClass = (typeof CUSTOMER_CLASSES)[number];

const int = z.number().int();

export const priceSchema = z.object({ customerClass: z.enum(CUSTOMER_CLASSES), amount: int, effectiveFrom: z.string(), setBy: z.string() });
export type Price = z.infer<typeof priceSchema>;

/** A price ceiling (HET): at most `amount` rupiah per `perQuantity` base units, in one region, from a date. */
export const ceilingSchema = z.object({
  region: z.string(),
  amount: int,
  perQuantity: int,
  effectiveFrom: z.string(),
  reference: z.string(),
  setBy: z.string(),
});
export type Ceiling = z.infer<typeof ceilingSchema>;

/** A product of a unit's catalog. Quantities are whole selling units; money is whole rupiah. */
export const productSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  category: z.string().optional(),
  unitOfMeasure: z.enum(UNITS_OF_MEASURE),
  /** Base units (grams, millilitres, pieces) in one selling unit: 5000 for a 5 kg pack of rice. */
  packSize: int,
  /** Name of the selling unit, e.g. "pak 5 kg", "tabung", "liter". */
  packName: z.string(),
  /** False for what is made at the counter (a water refill), and always without the stock module. */
  stocked: z.boolean(),
  reorderLevel: int,
  active: z.boolean(),
  prices: z.array(priceSchema),
  ceilings: z.array(ceilingSchema),
  attributes: z.record(z.string(), z.string()).default({}),
  createdAt: z.string(),
  version: int,
});
export type Product = z.infer<typeof productSchema>;
