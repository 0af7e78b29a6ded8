import { BusinessRuleError, ValidationError, parseInput } from '@kkmp/plugin-sdk';
import type { WriteCtx } from '../context';
import { keys } from '../model/keys';
import type { Product } from '../model/product';
import { ANY_REGION, ceilingOn, ceilingPerPack, withinCeiling } from '../rules/pricing';
import { setCeilingInput, setPriceInput } from './inputs';
import { loadProduct } from './products';

/** The kit refuses a price above the ceiling in force when it takes effect, not only at the counter. */
function checkAgainstCeiling(product: Product, amount: number, region: string | undefined, date: string, field: string) {
  const ceiling = ceilingOn(product, region, date);
  if (ceiling && !withinCeiling(amount, product.packSize, ceiling)) {
    const max = ceilingPerPack(product.packSize, ceiling);
    throw new BusinessRuleError(
      'PRICE_ABOVE_CEILING',
      `Rp${amount} per ${product.packName} is above the ceiling price (HET) of Rp${max} (${ceiling.reference})`,
      `Rp${amount} per ${product.packName} melebihi HET Rp${max} (${ceiling.reference})`,
      { field, details: { price: amount, ceiling: max, reference: ceiling.reference } },
    );
  }
}

/** Sets the price of a customer class from a date (today or later). */
export async function setPrice(u: WriteCtx, productId: string, raw: unknown, region: string | undefined): Promise<Product> {
  const input = parseInput(setPriceInput, raw);
  const product = await loadProduct(u, productId, 'input.productId');
  const effectiveFrom = input.effectiveFrom ?? u.today();
  if (effectiveFrom < u.today()) {
    // Past sales were made at the prices then in force; a price list is not rewritten after the fact.
    throw ValidationError.field('input.effectiveFrom', 'must be today or later', 'harus hari ini atau sesudahnya');
  }
  checkAgainstCeiling(product, input.amount, region, effectiveFrom, 'input.amount');
  const prices = product.prices.filter((p) => !(p.customerClass === input.customerClass && p.effectiveFrom === effectiveFrom));
  prices.push({ customerClass: input.customerClass, amount: input.amount, effectiveFrom, setBy: u.principal.userId });
  const next = { ...product, prices, version: product.version + 1 };
  u.writes.replace(keys.product(productId), next, product.version);
  return next;
}

/** Records a ceiling (HET) from a decree, for a region (default the unit's) and from a date. */
export async function setCeilingPrice(u: WriteCtx, productId: string, raw: unknown, region: string | undefined): Promise<Product> {
  const input = parseInput(setCeilingInput, raw);
  const product = await loadProduct(u, productId, 'input.productId');
  const at = input.region ?? region ?? ANY_REGION;
  const ceilings = product.ceilings.filter((c) => !(c.region === at && c.effectiveFrom === input.effectiveFrom));
  ceilings.push({ region: at, amount: input.amount, perQuantity: input.perQuantity, effectiveFrom: input.effectiveFrom, reference: input.reference, setBy: u.principal.userId });
  const next = { ...product, ceilings, version: product.version + 1 };
  u.writes.replace(keys.product(productId), next, product.version);
  return next;
}
