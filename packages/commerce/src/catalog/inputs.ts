import { msg, isoDate, positiveRupiah, text, z } from '@kkmp/plugin-sdk';
import { CUSTOMER_CLASSES, UNITS_OF_MEASURE } from '../model/product';

const sku = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/, msg('must be 1-40 letters, digits or dashes', 'harus 1-40 huruf, angka atau tanda hubung')));
const count = z.number().int(msg('must be a whole number', 'harus bilangan bulat'));

export const createProductInput = z.object({
  sku,
  name: text(120),
  category: text(60).optional().nullable(),
  unitOfMeasure: z.enum(UNITS_OF_MEASURE),
  packSize: count.min(1, msg('must be at least 1', 'paling sedikit 1')),
  packName: text(40),
  stocked: z.boolean().default(true),
  reorderLevel: count.min(0, msg('must not be negative', 'tidak boleh negatif')).default(0),
  nonMemberPrice: positiveRupiah.optional().nullable(),
  memberPrice: positiveRupiah.optional().nullable(),
});

export const updateProductInput = z.object({
  name: text(120).optional().nullable(),
  category: text(60).optional().nullable(),
  packName: text(40).optional().nullable(),
  reorderLevel: count.min(0, msg('must not be negative', 'tidak boleh negatif')).optional().nullable(),
  active: z.boolean().optional().nullable(),
});

export const setPriceInput = z.object({
  customerClass: z.enum(CUSTOMER_CLASSES),
  amount: positiveRupiah,
  effectiveFrom: isoDate.optional().nullable(),
});

export const setCeilingInput = z.object({
  region: z.string().trim().min(1).max(60).optional().nullable(),
  amount: positiveRupiah,
  perQuantity: count.min(1, msg('must be at least 1', 'paling sedikit 1')),
  effectiveFrom: isoDate,
  reference: text(200),
});
