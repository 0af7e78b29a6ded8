import type { Ceiling, CustomerClass, Price, Product } from '../model/product';

/** Region whose ceilings apply everywhere unless the cooperative's own region has one. */
export const ANY_REGION = '*';

/** The price a customer class pays on a date: the latest effective on or before it. Members fall back to the public price. */
export function priceOn(product: Pick<Product, 'prices'>, customerClass: CustomerClass, date: string): Price | undefined {
  const latest = (cls: CustomerClass) =>
    product.prices
      .filter((p) => p.customerClass === cls && p.effectiveFrom <= date)
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  return latest(customerClass) ?? (customerClass === 'MEMBER' ? latest('NON_MEMBER') : undefined);
}

/** The ceiling (HET) in force on a date for a region: the region's own latest, else the latest for every region. */
export function ceilingOn(product: Pick<Product, 'ceilings'>, region: string | undefined, date: string): Ceiling | undefined {
  const latest = (r: string) =>
    product.ceilings
      .filter((c) => c.region === r && c.effectiveFrom <= date)
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  return (region ? latest(region) : undefined) ?? latest(ANY_REGION);
}

/**
 * Whether a price per selling unit respects a ceiling given per `perQuantity` base units, in exact
 * integers: price / packSize <= amount / perQuantity.
 */
export function withinCeiling(unitPrice: number, packSize: number, ceiling: Pick<Ceiling, 'amount' | 'perQuantity'>): boolean {
  return BigInt(unitPrice) * BigInt(ceiling.perQuantity) <= BigInt(ceiling.amount) * BigInt(packSize);
}

/** The highest whole-rupiah price per selling unit a ceiling allows. */
export function ceilingPerPack(packSize: number, ceiling: Pick<Ceiling, 'amount' | 'perQuantity'>): number {
  return Number((BigInt(ceiling.amount) * BigInt(packSize)) / BigInt(ceiling.perQuantity));
}
