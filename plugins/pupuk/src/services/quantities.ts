import { ValidationError, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { Product } from '@kkmp/commerce';
import type { PupukSettings } from '../settings';
import { typeOfSku } from './redemption';

/** How the counter gives quantities (enum PupukQuantityUnit): selling units (kg for the subsidized products) or sacks. */
export const QUANTITY_UNITS = { KG: 'Selling units: kg for the subsidized products (the default).', SACK: 'Sacks of the subsidized types: 50 kg, 40 kg for organic (settings sackKg).' } as const;

/**
 * A line's quantity as sent, in selling units: sacks become kg by the type's sack size, then the
 * product's selling units (whole kg each). Sacks are for the subsidized types only (a market-price
 * fertilizer is sold in its own selling units).
 */
export function sacksToUnits(line: { product: Product; quantity: number; index: number }, u: UnitMutationContext<PupukSettings>, input: Record<string, unknown>): number {
  if (input.quantityUnit !== 'SACK') return line.quantity;
  const type = typeOfSku(u.settings, line.product.sku);
  if (!type) throw ValidationError.field('input.quantityUnit', `${line.product.name} is not a subsidized type: give it in its selling units`, `${line.product.name} bukan pupuk bersubsidi: isi dalam satuan jualnya`);
  const grams = line.quantity * u.settings.sackKg[type] * 1000;
  if (line.product.unitOfMeasure !== 'GRAM' || grams % line.product.packSize !== 0) {
    throw ValidationError.field(`input.lines.${line.index}.quantity`, `${line.product.name} is not sold by whole kg: sacks cannot be counted in it`, `${line.product.name} tidak dijual per kg utuh: karung tidak bisa dihitung`);
  }
  return grams / line.product.packSize;
}
