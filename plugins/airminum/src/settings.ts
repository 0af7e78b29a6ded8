import { msg, positiveRupiah, z } from '@kkmp/plugin-sdk';
import { DECIMAL, toMilli } from './services/decimal';

/** The lab parameters a water test reports (enum AirminumParameter). */
export const PARAMETERS = {
  E_COLI: 'E. coli, CFU/100 mL.',
  TOTAL_COLIFORM: 'Total coliform, CFU/100 mL.',
  TDS: 'Total dissolved solids, mg/L.',
  TURBIDITY: 'Turbidity, NTU.',
  PH: 'pH.',
  COLOUR: 'Colour, TCU.',
  FE: 'Iron (Fe), mg/L.',
  MN: 'Manganese (Mn), mg/L.',
} as const;
export type Parameter = keyof typeof PARAMETERS;
export const PARAMETER_LIST = Object.keys(PARAMETERS) as [Parameter, ...Parameter[]];

const decimal = z.string().trim().regex(DECIMAL, msg('must be a decimal number such as 0.3', 'harus bilangan desimal seperti 0.3'));
const limit = z
  .object({
    min: decimal.optional().describe('Lowest acceptable value (decimal text), if any'),
    max: decimal.optional().describe('Highest acceptable value (decimal text), if any'),
  })
  .superRefine((v, ctx) => {
    if (v.min !== undefined && v.max !== undefined && toMilli(v.min) > toMilli(v.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: msg('must not be below min', 'tidak boleh di bawah min') });
  });
export type Limit = z.output<typeof limit>;

/** Quality limits of drinking water (the older standard, now under Permenkes 2/2023): data, never code. */
export const DEFAULT_LIMITS: Record<Parameter, Limit> = {
  E_COLI: { max: '0' },
  TOTAL_COLIFORM: { max: '0' },
  TDS: { max: '500' },
  TURBIDITY: { max: '5' },
  PH: { min: '6.5', max: '8.5' },
  COLOUR: { max: '15' },
  FE: { max: '0.3' },
  MN: { max: '0.1' },
};

const limits = z.object(Object.fromEntries(PARAMETER_LIST.map((p) => [p, limit.default(DEFAULT_LIMITS[p]).describe(PARAMETERS[p])])) as Record<Parameter, z.ZodDefault<typeof limit>>);

export const airminumSettings = z.object({
  refillPrice: positiveRupiah.default(5_000).describe('Price of a refill into a container (walk-in buyers), whole rupiah'),
  memberRefillPrice: positiveRupiah.default(4_500).describe('Price of a refill for members, whole rupiah'),
  newGallonCharge: positiveRupiah.default(40_000).describe('Container charge for a new plain gallon (sold with its refill), whole rupiah'),
  litresPerGallon: z.number().int().min(1, msg('at least 1 litre', 'paling sedikit 1 liter')).max(50).default(19).describe('Litres in one refill (a 19 L gallon)'),
  limits: limits.default(DEFAULT_LIMITS).describe('Quality limits per parameter (decimal text); a test passes when every parameter is within them'),
  waterTestIntervalDays: z.number().int().min(1).max(366).default(30).describe('Days from one water sample to the next due (frequency unverified: set it)'),
  dueSoonDays: z.number().int().min(0).max(90).default(14).describe('A date-based item is due this many days before its date'),
  dueSoonLitres: z.number().int().min(0).max(1_000_000).default(1_000).describe('A litre-based item is due this many litres before its interval'),
  deliveryOrders: z.boolean().default(false).describe('Take delivery orders (off by default: the trade rules require sale at the depot)'),
});
export type AirminumSettings = z.output<typeof airminumSettings>;

export const sampleSettings = { refillPrice: 5_000, memberRefillPrice: 4_500, newGallonCharge: 40_000 };

/** The fixed SKUs of the depot's two catalog products, created on enable. */
export const REFILL_SKU = 'AIR-ISI-ULANG';
export const GALLON_SKU = 'GALON-BARU';

/** What the trade rules say about delivery, shown with the setting and on every delivery order. */
export const TRADE_RULE_NOTE = {
  en: 'Trade rules require refill water to be sold at the depot, into the buyer\'s own (or the depot\'s plain) container; no pre-filled stock, no branded gallons. Deliver only water the buyer bought at the depot.',
  id: 'Aturan perdagangan mewajibkan air isi ulang dijual di depot, ke wadah milik pembeli (atau galon polos depot); tidak ada stok galon terisi, tidak ada galon bermerek. Antar hanya air yang dibeli pembeli di depot.',
};
